package ca.novascotia.lampss.invitation;

import ca.novascotia.lampss.domain.AccessChange;
import ca.novascotia.lampss.domain.Invitation;
import ca.novascotia.lampss.domain.MembershipState;
import ca.novascotia.lampss.metrics.LampssMetrics;
import ca.novascotia.lampss.model.AuditTrail;
import ca.novascotia.lampss.model.LampssRealm;
import ca.novascotia.lampss.model.MemberProfiles;
import ca.novascotia.lampss.model.Memberships;
import ca.novascotia.lampss.model.Organizations;
import ca.novascotia.lampss.model.People;
import ca.novascotia.lampss.model.ProfileGrants;
import ca.novascotia.lampss.rest.LampssRealmResourceFactory;
import ca.novascotia.lampss.store.InvitationEntity;
import ca.novascotia.lampss.store.MembershipEntity;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Errors;
import org.keycloak.models.GroupModel;
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
        accept(context, stored.get(), invited, invitations);
        context.getAuthenticationSession().removeClientNote(INVITATION_NOTE);
        context.setUser(invited);
        context.success();
    }

    private static String problemWith(AuthenticationFlowContext context, UserModel invited, UserModel linked) {
        if (invited == null || !invited.isEnabled()) {
            return "lampssInvitationUserDisabled";
        }
        if (linked != null) {
            return linked.getId().equals(invited.getId()) ? null : "lampssIdentityLinkedToAnother";
        }
        String idp = Invitations.identityProvider(context.getRealm());
        boolean alreadyLinked = context.getSession().users().getFederatedIdentitiesStream(context.getRealm(), invited)
                .anyMatch(link -> idp.equals(link.getIdentityProvider()));
        return alreadyLinked ? "lampssAccountLinkedToAnotherIdentity" : null;
    }

    /** The invitation becomes Accepted, the membership Active with its profiles, and the audit trail says so. */
    private static void accept(AuthenticationFlowContext context, InvitationEntity invitation, UserModel person,
                               Invitations invitations) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        LampssRealm lampss = new LampssRealm(session, LampssRealmResourceFactory.settings(session));
        Memberships memberships = new Memberships(lampss);
        MembershipEntity row = memberships.find(invitation.getOrganizationId(), person.getId()).orElse(null);
        GroupModel group = realm.getGroupById(invitation.getOrganizationId());
        invitations.end(invitation, Invitation.State.ACCEPTED);
        LampssMetrics.invitationAccepted(realm.getName());
        if (row == null || group == null || !MembershipState.INVITED.name().equals(row.getState())) {
            return;
        }
        new MemberProfiles(new ProfileGrants(lampss)).bringBack(row, person, group, Organizations.toDomain(group));
        memberships.save(row, Memberships.toDomain(row).accept(), person.getId());
        new People(lampss, memberships).syncSignIn(person);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", MembershipState.ACTIVE.name());
        after.put("invitation", invitation.getId());
        new AuditTrail(lampss, new AdminAuth(realm, null, person, context.getAuthenticationSession().getClient()))
                .record(invitation.getOrganizationId(), AccessChange.INVITATION_ACCEPTED, person,
                        Map.of("state", MembershipState.INVITED.name()), after);
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
