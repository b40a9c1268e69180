package ca.novascotia.lampss.keycloakadmin;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.contacts.Caller;
import ca.novascotia.lampss.contacts.Workspace;
import ca.novascotia.lampss.domain.Actor;
import ca.novascotia.lampss.model.LampssRealm;
import java.util.Optional;
import java.util.regex.Pattern;
import org.keycloak.Token;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.resources.admin.AdminAuth;

/**
 * A change an identity admin is making to a LaMPSS realm through Keycloak's admin console or admin
 * REST API, as a provider event shows it: the realm's LaMPSS objects, and the admin as the caller of
 * the use cases that adopt the change.
 *
 * <p>Only requests to Keycloak's admin endpoints count. LaMPSS's own writes mark their session
 * ({@link Workspace#isWriting}); work without a request (start-up import, migrations, scheduled
 * clean-up) is not an admin's, nor is an import through the admin API (a partial import, or a realm
 * created from a representation: a migration's bulk load, which the drift check covers); and deleting a whole realm takes our rows with it (see
 * {@code RealmData.forget}), so its cascade of removals is not refused one by one.
 */
final class AdminChange {

    private static final Pattern REALM_ITSELF = Pattern.compile(".*/admin/realms/[^/]+/?$");
    private static final Pattern PARTIAL_IMPORT = Pattern.compile(".*/admin/realms/[^/]+/partialImport/?$");
    private static final Pattern REALMS = Pattern.compile(".*/admin/realms/?$");

    final KeycloakSession session;
    final LampssRealm lampss;
    final LampssGroups groups;

    private AdminChange(KeycloakSession session, LampssRealm lampss, LampssGroups groups) {
        this.session = session;
        this.lampss = lampss;
        this.groups = groups;
    }

    static Optional<AdminChange> of(KeycloakSession session, RealmModel realm, LampssSettings settings) {
        if (session == null || realm == null || settings == null || Workspace.isWriting(session)) {
            return Optional.empty();
        }
        HttpRequest request = request(session);
        String path = request == null ? null : request.getUri().getPath();
        if (path == null || !path.contains("/admin/")) {
            return Optional.empty();
        }
        if ("DELETE".equals(request.getHttpMethod()) && REALM_ITSELF.matcher(path).matches()) {
            return Optional.empty();
        }
        if (PARTIAL_IMPORT.matcher(path).matches()
                || ("POST".equals(request.getHttpMethod()) && REALMS.matcher(path).matches())) {
            // A migration's bulk load (Keycloak's partial import, or a realm created from an export) is an import, like the start-up one:
            // not adopted change by change; GET /lampss/consistency lists what it left unmatched.
            return Optional.empty();
        }
        LampssRealm lampss = new LampssRealm(session, realm, settings);
        try {
            GroupModel root = lampss.organizationsRoot();
            return Optional.of(new AdminChange(session, lampss, new LampssGroups(root, settings)));
        } catch (LampssRealm.NotConfiguredException notOurs) {
            return Optional.empty();
        }
    }

    /**
     * The admin making the request, acting with Operations Support's reach (an identity admin may do
     * anything Operations Support may, and nothing a rule forbids everyone); the channel goes into
     * every audit row.
     */
    Caller caller() {
        Token token = session.getContext().getBearerToken();
        UserModel admin = session.getContext().getUser();
        if (!(token instanceof AccessToken access) || admin == null) {
            throw Refusal.of("LaMPSS cannot tell which administrator is making this change, so it cannot record it.",
                    "LaMPSS ne peut pas savoir quel administrateur fait ce changement ; il ne peut donc pas l'enregistrer.");
        }
        String issuer = access.getIssuer();
        RealmModel adminRealm = session.realms().getRealmByName(issuer.substring(issuer.lastIndexOf('/') + 1));
        AdminAuth auth = new AdminAuth(adminRealm, access, admin,
                adminRealm == null ? null : adminRealm.getClientByClientId(access.getIssuedFor()));
        return new Caller(admin, Actor.operationsSupport(admin.getId()), auth,
                session.getContext().resolveLocale(admin), Caller.KEYCLOAK_ADMIN);
    }

    private static HttpRequest request(KeycloakSession session) {
        try {
            HttpRequest request = session.getContext().getHttpRequest();
            return request == null || request.getUri() == null ? null : request;
        } catch (RuntimeException noRequest) {
            // Outside an HTTP request (a scheduled task) the context has no request to give.
            return null;
        }
    }
}
