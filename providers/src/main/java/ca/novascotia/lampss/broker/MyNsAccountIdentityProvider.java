package ca.novascotia.lampss.broker;

import java.util.List;

import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.OAuth2Constants;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.broker.oidc.OIDCIdentityProviderFactory;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.models.KeycloakSession;

/**
 * The OpenID Connect broker for My NS Account (iGov profile).
 *
 * <p>Keycloak's OIDC broker only forwards {@code acr_values} that the relying application sent;
 * My NS Account expects the broker itself to ask for an assurance level, so this provider adds
 * the configured {@value #ACR_VALUES} to every authorization request that does not carry one.
 */
public class MyNsAccountIdentityProvider extends OIDCIdentityProvider {

    /** Identity provider config key: space-separated acr values to request, e.g. the loa2 URN. */
    public static final String ACR_VALUES = "acrValues";

    public MyNsAccountIdentityProvider(KeycloakSession session, OIDCIdentityProviderConfig config) {
        super(session, config);
    }

    @Override
    protected UriBuilder createAuthorizationUrl(AuthenticationRequest request) {
        UriBuilder uri = super.createAuthorizationUrl(request);
        String acr = getConfig().getConfig().get(ACR_VALUES);
        boolean forwarded = String.valueOf(uri.build().getRawQuery()).contains(OAuth2Constants.ACR_VALUES + "=");
        if (acr != null && !acr.isBlank() && !forwarded) {
            uri.queryParam(OAuth2Constants.ACR_VALUES, acr.trim());
        }
        return uri;
    }

    /** Keycloak's OpenID Connect mappers (claim to attribute, and so on) apply to this type too. */
    @Override
    public boolean isMapperSupported(IdentityProviderMapper mapper) {
        return super.isMapperSupported(mapper)
                || List.of(mapper.getCompatibleProviders()).contains(OIDCIdentityProviderFactory.PROVIDER_ID);
    }
}
