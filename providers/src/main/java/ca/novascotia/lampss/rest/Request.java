package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.contacts.Authorization;
import ca.novascotia.lampss.contacts.Caller;
import ca.novascotia.lampss.contacts.Workspace;
import ca.novascotia.lampss.domain.Action;
import ca.novascotia.lampss.domain.Actor;
import ca.novascotia.lampss.domain.DelegationPolicy;
import ca.novascotia.lampss.domain.Target;
import ca.novascotia.lampss.model.Actors;
import ca.novascotia.lampss.model.AuditTrail;
import ca.novascotia.lampss.model.ContactDirectory;
import ca.novascotia.lampss.model.LampssRealm;
import ca.novascotia.lampss.model.MemberProfiles;
import ca.novascotia.lampss.model.Memberships;
import ca.novascotia.lampss.model.Organizations;
import ca.novascotia.lampss.model.People;
import ca.novascotia.lampss.model.ProfileGrants;
import jakarta.ws.rs.core.Response.Status;
import java.util.Locale;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/**
 * One authenticated API call: who is asking (loaded once, as the delegation policy sees them), in
 * which language, and the model services acting in the caller's realm.
 */
final class Request {

    final LampssRealm lampss;
    final UserModel user;
    final Actor actor;
    final Locale locale;
    final Organizations organizations;
    final Memberships memberships;
    final ProfileGrants grants;
    final MemberProfiles profiles;
    final People people;
    final ContactDirectory directory;
    final AuditTrail audit;
    /** The use cases, in this caller's name. */
    final Workspace work;
    private final AdminAuth adminAuth;

    private Request(LampssRealm lampss, AuthResult auth) {
        this.lampss = lampss;
        this.user = auth.user();
        this.locale = lampss.session().getContext().resolveLocale(user);
        this.organizations = new Organizations(lampss);
        this.memberships = new Memberships(lampss);
        this.grants = new ProfileGrants(lampss);
        this.profiles = new MemberProfiles(grants);
        this.people = new People(lampss, memberships);
        this.directory = new ContactDirectory(lampss, grants);
        this.adminAuth = new AdminAuth(lampss.realm(), auth.token(), auth.user(), auth.client());
        this.audit = new AuditTrail(lampss, adminAuth);
        this.actor = new Actors(lampss, memberships).load(user);
        this.work = new Workspace(lampss, new Caller(user, actor, adminAuth, locale));
    }

    /**
     * @throws ApiException 401 without a valid bearer token of this realm, or with a token issued to
     *                      a client that is not one of the API's own (a department application's
     *                      token is meant for that application, not for changing access)
     */
    static Request authenticate(KeycloakSession session, LampssSettings settings) {
        AuthResult auth = bearer(session);
        if (auth == null || auth.user() == null || !auth.user().isEnabled()) {
            throw new ApiException(Status.UNAUTHORIZED, "UNAUTHENTICATED");
        }
        if (!settings.apiClients().contains(auth.token().getIssuedFor())) {
            throw new ApiException(Status.UNAUTHORIZED, "CLIENT_NOT_ALLOWED");
        }
        return new Request(new LampssRealm(session, settings), auth);
    }

    /** Keycloak's authenticator throws on some malformed tokens (e.g. alg "none"); all of them are a 401 here. */
    private static AuthResult bearer(KeycloakSession session) {
        try {
            return new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        } catch (RuntimeException unusableToken) {
            return null;
        }
    }

    /** @throws ca.novascotia.lampss.domain.DomainException 403 or 409 with the policy's reason when it refuses */
    void require(Action action, Target target) {
        Authorization.require(lampss.realm().getName(), actor, action, target);
    }

    /** @throws ApiException 403 unless the caller may manage this realm (realm-management manage-realm) */
    /**
     * The realm administrator as the caller of a use case made for identity admins (the drift
     * repair): with Operations Support's reach, as in Keycloak's admin console, audited on {@code channel}.
     */
    Caller asIdentityAdmin(String channel) {
        requireRealmAdministrator();
        return new Caller(user, Actor.operationsSupport(user.getId()), adminAuth, locale, channel);
    }

    void requireRealmAdministrator() {
        if (!AdminPermissions.evaluator(lampss.session(), lampss.realm(), adminAuth).realm().canManageRealm()) {
            throw new ApiException(Status.FORBIDDEN, "REALM_ADMINISTRATOR_ONLY");
        }
    }

    DelegationPolicy policy() {
        return Authorization.policy();
    }

    /**
     * The organization, or 404. Someone who is not a member gets the same 404 as for an id that does
     * not exist, so ids cannot be probed; the policy still decides what members may do.
     */
    GroupModel organizationGroup(String id) {
        GroupModel group = organizations.findGroup(id)
                .orElseThrow(() -> ApiException.notFound("ORGANIZATION_NOT_FOUND"));
        if (!actor.isOperationsSupport() && !actor.isMemberOf(group.getId())) {
            throw ApiException.notFound("ORGANIZATION_NOT_FOUND");
        }
        return group;
    }
}
