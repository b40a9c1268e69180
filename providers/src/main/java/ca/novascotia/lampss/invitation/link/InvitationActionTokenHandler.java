package ca.novascotia.lampss.invitation.link;

import ca.novascotia.lampss.invitation.Invitations;
import ca.novascotia.lampss.invitation.gate.InvitationGate;

import ca.novascotia.lampss.domain.Invitation;
import ca.novascotia.lampss.model.Organizations;
import ca.novascotia.lampss.store.InvitationEntity;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.actiontoken.AbstractActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.ClientSessionCode;
import org.keycloak.services.util.LocaleUtil;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Opens an invitation link: checks the stored invitation and shows our page that explains what will
 * happen, with "Sign in with My NS Account". Opening the page consumes nothing (mail scanners that
 * follow links cannot burn it): the token is spent, and the invitation accepted, only when the
 * person completes the My NS Account sign-in ({@link InvitationGate}).
 */
public class InvitationActionTokenHandler extends AbstractActionTokenHandler<InvitationActionToken> {

    /** Realm attribute: where the person lands once signed in (default: the realm's account console). */
    public static final String LANDING_ATTRIBUTE = "lampss.invitationLandingUrl";
    static final String PAGE = "lampss-invitation.ftl";

    public InvitationActionTokenHandler() {
        super(InvitationActionToken.TOKEN_TYPE, InvitationActionToken.class, Invitations.INVALID,
                EventType.EXECUTE_ACTION_TOKEN, Errors.INVALID_TOKEN);
    }

    @Override
    public Response handleToken(InvitationActionToken token, ActionTokenContext<InvitationActionToken> context) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        LocaleUtil.processLocaleParam(session, realm, authSession); // ?kc_locale=fr on the link
        Optional<InvitationEntity> stored = new Invitations(session, realm).find(token.getInvitationId());
        Optional<String> refusal = Invitations.refusal(stored);
        GroupModel group = stored.map(i -> realm.getGroupById(i.getOrganizationId())).orElse(null);
        if (refusal.isEmpty() && (group == null || !stored.get().getUserId().equals(token.getUserId()))) {
            refusal = Optional.of(Invitations.INVALID);
        }
        if (refusal.isPresent()) {
            context.getEvent().detail(InvitationLinkMetrics.REFUSAL_DETAIL, refusal.get()).error(Errors.INVALID_TOKEN);
            return session.getProvider(LoginFormsProvider.class).setAuthenticationSession(authSession)
                    .setError(refusal.get()).createErrorPage(Response.Status.BAD_REQUEST);
        }
        authSession.setClientNote(InvitationGate.INVITATION_NOTE, stored.get().getId());
        land(realm, authSession);
        var organization = Organizations.toDomain(group);
        return session.getProvider(LoginFormsProvider.class).setAuthenticationSession(authSession)
                .setAttribute("lampssSignInUrl", signInUrl(context, realm, authSession).toString())
                .setAttribute("lampssOrganizationNameEn", organization.nameEn())
                .setAttribute("lampssOrganizationNameFr", organization.nameFr())
                .createForm(PAGE);
    }

    /** An operator-configured landing page (e.g. the delegated console) replaces the account console. */
    private static void land(RealmModel realm, AuthenticationSessionModel authSession) {
        String landing = realm.getAttribute(LANDING_ATTRIBUTE);
        if (Invitation.acceptableLandingUrl(landing)) {
            authSession.setRedirectUri(landing);
            authSession.setClientNote(OIDCLoginProtocol.REDIRECT_URI_PARAM, landing);
        }
    }

    private static URI signInUrl(ActionTokenContext<InvitationActionToken> context, RealmModel realm,
                                 AuthenticationSessionModel authSession) {
        KeycloakSession session = context.getSession();
        String code = new ClientSessionCode<>(session, realm, authSession).getOrGenerateCode();
        return Urls.identityProviderAuthnRequest(context.getUriInfo().getBaseUri(), Invitations.identityProvider(realm),
                realm.getName(), code,
                authSession.getClient().getClientId(), authSession.getTabId(),
                AuthenticationProcessor.getClientData(session, authSession), null);
    }
}
