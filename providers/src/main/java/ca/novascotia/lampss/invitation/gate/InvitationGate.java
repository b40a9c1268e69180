package ca.novascotia.lampss.invitation.gate;

import ca.novascotia.lampss.invitation.Invitations;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.contacts.Caller;
import ca.novascotia.lampss.contacts.Workspace;
import ca.novascotia.lampss.domain.Actor;
import ca.novascotia.lampss.metrics.LampssMetrics;
import ca.novascotia.lampss.model.LampssRealm;
import ca.novascotia.lampss.model.Memberships;
import ca.novascotia.lampss.model.People;
import ca.novascotia.lampss.store.InvitationEntity;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;

/**
 * Who may come in through My NS Account. In the first-broker-login flow (an identity nobody is
 * linked to): only someone holding a valid invitation, whose identity is then linked, by subject, to
 * the account prepared for them; anyone else gets "no access yet" and no account is created. In the
 * post-broker-login flow (an identity already linked): an invitation, if any, must be for that same
 * person, who then gains the membership without linking again.
 */
public class InvitationGate implements Authenticator {

    /**
     * Client note of the authentication session holding the invitation the person came with (auth
     * notes would not do: Keycloak clears them when the first-broker-login flow starts).
     */
    public static final String INVITATION_NOTE = "lampss.invitation";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        String invitationId = context.getAuthenticationSession().getClientNote(INVITATION_NOTE);
        UserModel linked = context.getUser();
        if (invitationId == null) {
            if (linked == null) {
                deny(context, "lampssNoAccessYet");
            } else {
                context.success();
            }
            return;
        }
        KeycloakSession session = context.getSession();
        Invitations invitations = new Invitations(session, context.getRealm());
        Optional<InvitationEntity> stored = invitations.find(invitationId);
        Optional<String> refusal = Invitations.refusal(stored);
        if (refusal.isPresent()) {
            deny(context, refusal.get());
            return;
        }
        UserModel invited = session.users().getUserById(context.getRealm(), stored.get().getUserId());
        String problem = problemWith(context, invited, linked);
        if (problem != null) {
            deny(context, problem);
            return;
        }
        accept(context, stored.get(), invited);
        context.getAuthenticationSession().removeClientNote(INVITATION_NOTE);
        context.setUser(invited);
        context.success();
    }

    private static String problemWith(AuthenticationFlowContext context, UserModel invited, UserModel linked) {
        if (invited == null || !invited.isEnabled()) {
            return "lampssInvitationUserDisabled";
        }
        if (!managedByLampss(context, invited)) {
            // An invitation to staff, an administrator or a service account (e.g. one stored before
            // the server refused them) never links an identity to such an account.
            return Invitations.INVALID;
        }
        if (linked != null) {
            return linked.getId().equals(invited.getId()) ? null : "lampssIdentityLinkedToAnother";
        }
        String idp = Invitations.identityProvider(context.getRealm());
        boolean alreadyLinked = context.getSession().users().getFederatedIdentitiesStream(context.getRealm(), invited)
                .anyMatch(link -> idp.equals(link.getIdentityProvider()));
        return alreadyLinked ? "lampssAccountLinkedToAnotherIdentity" : null;
    }

    /** The invitation becomes Accepted and the membership Active, through the one use-case layer, in the person's name. */
    private static void accept(AuthenticationFlowContext context, InvitationEntity invitation, UserModel person) {
        RealmModel realm = context.getRealm();
        LampssRealm lampss = new LampssRealm(context.getSession(), LampssSettings.current());
        AdminAuth auth = new AdminAuth(realm, null, person, context.getAuthenticationSession().getClient());
        Caller caller = new Caller(person, Actor.member(person.getId()), auth, context.getSession().getContext().resolveLocale(person));
        new Workspace(lampss, caller).invitations().accept(invitation, person);
    }

    private static boolean managedByLampss(AuthenticationFlowContext context, UserModel invited) {
        LampssRealm lampss = new LampssRealm(context.getSession(), LampssSettings.current());
        return new People(lampss, new Memberships(lampss)).account(invited).managedByLampss();
    }

    private static void deny(AuthenticationFlowContext context, String message) {
        context.getEvent().error(Errors.ACCESS_DENIED);
        LampssMetrics.invitationRefused(context.getRealm().getName(), message);
        Response page = context.form().setError(message).createErrorPage(Response.Status.FORBIDDEN);
        context.failure(AuthenticationFlowError.ACCESS_DENIED, page);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
