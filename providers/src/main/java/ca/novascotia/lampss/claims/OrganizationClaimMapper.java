package ca.novascotia.lampss.claims;

import ca.novascotia.lampss.config.LampssSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.keycloak.Config;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;

/**
 * Adds the person's LaMPSS organizations to tokens: for each organization where their membership
 * is active, its id, names, their profiles there and whether they are its primary contact (shape in
 * {@link OrganizationClaim}). Works in ID tokens, access tokens (lightweight ones only when "add to
 * lightweight access token" is on), userinfo and introspection, with Keycloak's usual switches.
 *
 * <p>A client that works for one organization asks for it with the scope value
 * {@code lampss:org:<organization id>} (the scope name is configurable); the claim then holds that
 * organization only, or is left out when the person is not active there. Keycloak accepts such a
 * value only as a dynamic client scope (feature {@code dynamic-scopes}, client scope {@code lampss:org}
 * with regexp {@code lampss:org:*}, optional scope of the client); see docs/api.md, "Token claims".
 *
 * <p>Everything is read when the token is made, from Keycloak's caches of the person's groups and of
 * the organization groups (see {@link OrganizationClaimSource}), so a refreshed token reflects today's
 * memberships and profiles at no database cost. Within one request the claim is computed once per person and
 * selection and reused by the access token, ID token and so on.
 */
public class OrganizationClaimMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "lampss-organization-claim-mapper";
    public static final String DEFAULT_CLAIM_NAME = "lampss_organizations";
    /** Config key: name of the dynamic scope that selects one organization. */
    public static final String ORGANIZATION_SCOPE = "lampss.organizationScope";
    public static final String DEFAULT_ORGANIZATION_SCOPE = "lampss:org";
    /** Config key: the access token's form of the claim, {@value #FULL} or {@value #COMPACT} (other tokens are always full). */
    public static final String ACCESS_TOKEN_FORM = "lampss.accessTokenForm";
    public static final String FULL = "full";
    public static final String COMPACT = "compact";

    /** What a scope value may contain (RFC 6749 scope-token), without the separator we add. */
    private static final Pattern SCOPE_NAME = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    private static final String CACHE_PREFIX = OrganizationClaimMapper.class.getName() + ":";

    private static final List<ProviderConfigProperty> CONFIG = config();

    private LampssSettings settings = LampssSettings.DEFAULTS;

    /** Reads the same server options as the REST API, so both agree on the root group's name. */
    @Override
    public void init(Config.Scope config) {
        settings = LampssSettings.current();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "LaMPSS organizations";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "The person's active LaMPSS organizations: id, English and French names, organization number, "
                + "profiles held there and the primary-contact flag. A client asks for one organization with the "
                + "scope value <organization scope>:<organization id>.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    private static List<ProviderConfigProperty> config() {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        ProviderConfigProperty claimName = new ProviderConfigProperty();
        claimName.setName(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME);
        claimName.setLabel(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME_LABEL);
        claimName.setHelpText(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME_TOOLTIP);
        claimName.setType(ProviderConfigProperty.STRING_TYPE);
        claimName.setDefaultValue(DEFAULT_CLAIM_NAME);
        properties.add(claimName);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, OrganizationClaimMapper.class);
        ProviderConfigProperty scope = new ProviderConfigProperty();
        scope.setName(ORGANIZATION_SCOPE);
        scope.setLabel("Organization scope");
        scope.setHelpText("Name of the dynamic client scope with which a client asks for one organization: the scope value "
                + "<name>:<organization id> limits the claim to that organization.");
        scope.setType(ProviderConfigProperty.STRING_TYPE);
        scope.setDefaultValue(DEFAULT_ORGANIZATION_SCOPE);
        properties.add(scope);
        ProviderConfigProperty form = new ProviderConfigProperty();
        form.setName(ACCESS_TOKEN_FORM);
        form.setLabel("Access token form");
        form.setHelpText("full: each organization's id, names, number, profiles and primary-contact flag (about 450 bytes "
                + "per organization in the token). compact: the list of profiles alone, keyed by id (about 200 bytes), so that a "
                + "person in many organizations keeps an access token under common 8 KB header limits. ID tokens, "
                + "userinfo and introspection always carry the full form.");
        form.setType(ProviderConfigProperty.LIST_TYPE);
        form.setOptions(List.of(FULL, COMPACT));
        form.setDefaultValue(FULL);
        properties.add(form);
        return List.copyOf(properties);
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, ProtocolMapperContainerModel client,
                               ProtocolMapperModel mapperModel) throws ProtocolMapperConfigException {
        Map<String, String> config = mapperModel.getConfig() == null ? Map.of() : mapperModel.getConfig();
        String claimName = config.get(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME);
        if (claimName != null && claimName.isBlank()) {
            throw new ProtocolMapperConfigException("Token claim name must not be blank; leave it unset for "
                    + DEFAULT_CLAIM_NAME);
        }
        String form = config.get(ACCESS_TOKEN_FORM);
        if (form != null && !form.isEmpty() && !FULL.equals(form) && !COMPACT.equals(form)) {
            throw new ProtocolMapperConfigException("Access token form '" + form + "' must be " + FULL + " or " + COMPACT);
        }
        String scope = config.get(ORGANIZATION_SCOPE);
        if (scope != null && !scope.isEmpty() && !SCOPE_NAME.matcher(scope).matches()) {
            throw new ProtocolMapperConfigException("Organization scope '" + scope
                    + "' is not a valid scope name (printable characters, no spaces, quotes or backslashes)");
        }
    }

    @Override
    public ProtocolMapperModel getEffectiveModel(KeycloakSession session, RealmModel realm, ProtocolMapperModel model) {
        ProtocolMapperModel effective = super.getEffectiveModel(session, realm, model);
        effective.getConfig().putIfAbsent(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME, DEFAULT_CLAIM_NAME);
        effective.getConfig().putIfAbsent(ORGANIZATION_SCOPE, DEFAULT_ORGANIZATION_SCOPE);
        effective.getConfig().putIfAbsent(ACCESS_TOKEN_FORM, FULL);
        return effective;
    }

    /** The access token takes the configured form; Keycloak's checks of "add to (lightweight) access token" are kept. */
    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
                                            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        boolean included = getShouldUseLightweightToken(session)
                ? OIDCAttributeMapperHelper.includeInLightweightAccessToken(mappingModel)
                : OIDCAttributeMapperHelper.includeInAccessToken(mappingModel);
        if (included) {
            Map<String, String> config = mappingModel.getConfig() == null ? Map.of() : mappingModel.getConfig();
            addClaim(token, mappingModel, userSession, session, clientSessionCtx, COMPACT.equals(config.get(ACCESS_TOKEN_FORM)));
        }
        return token;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        addClaim(token, mappingModel, userSession, session, clientSessionCtx, false);
    }

    private void addClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                          KeycloakSession session, ClientSessionContext clientSessionCtx, boolean compact) {
        UserModel user = userSession == null ? null : userSession.getUser();
        if (user == null) {
            return;
        }
        Map<String, String> config = mappingModel.getConfig() == null ? Map.of() : mappingModel.getConfig();
        Set<String> selected = OrganizationClaim.selectedOrganizations(requestedScope(clientSessionCtx),
                value(config, ORGANIZATION_SCOPE, DEFAULT_ORGANIZATION_SCOPE));
        Map<String, Object> claim = claim(session, userSession.getRealm(), user, selected, compact);
        if (claim.isEmpty()) {
            return;
        }
        ProtocolMapperModel target = new ProtocolMapperModel();
        target.setName(mappingModel.getName());
        Map<String, String> targetConfig = new HashMap<>();
        targetConfig.put(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME, value(config, OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME,
                DEFAULT_CLAIM_NAME));
        target.setConfig(targetConfig);
        OIDCAttributeMapperHelper.mapClaim(token, target, claim);
    }

    /** The scope parameter the client sent for this client session, as Keycloak keeps it. */
    private static String requestedScope(ClientSessionContext clientSessionCtx) {
        AuthenticatedClientSessionModel clientSession = clientSessionCtx == null ? null : clientSessionCtx.getClientSession();
        return clientSession == null ? null : clientSession.getNote(OAuth2Constants.SCOPE);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> claim(KeycloakSession session, RealmModel realm, UserModel user, Set<String> selected,
                                      boolean compact) {
        String key = CACHE_PREFIX + realm.getId() + ":" + user.getId() + ":" + compact + ":" + String.join(" ", selected);
        Map<String, Object> cached = session.getAttribute(key, Map.class);
        if (cached != null) {
            return cached;
        }
        Map<String, Object> claim = new OrganizationClaimSource(settings).load(user, selected, compact);
        session.setAttribute(key, claim);
        return claim;
    }

    private static String value(Map<String, String> config, String key, String fallback) {
        String value = config.get(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
