package ca.novascotia.lampss.model;

import ca.novascotia.lampss.config.LampssSettings;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The realm objects our model hangs on, named by {@link LampssSettings}: the root group of the
 * organizations, the client whose roles are the profiles, the Operations Support role. A realm
 * without them is not configured for us; {@link NotConfiguredException} says which one is missing.
 */
public final class LampssRealm {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final LampssSettings settings;

    public LampssRealm(KeycloakSession session, LampssSettings settings) {
        this(session, session.getContext().getRealm(), settings);
    }

    /** For work on a realm other than the request's, e.g. a provider event of a realm an admin changes from master. */
    public LampssRealm(KeycloakSession session, RealmModel realm, LampssSettings settings) {
        this.session = session;
        this.realm = realm;
        this.settings = settings;
    }

    public LampssSettings settings() {
        return settings;
    }

    public KeycloakSession session() {
        return session;
    }

    public RealmModel realm() {
        return realm;
    }

    public EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public GroupModel organizationsRoot() {
        GroupModel root = KeycloakModelUtils.findGroupByPath(session, realm, "/" + settings.organizationsGroup());
        if (root == null) {
            throw new NotConfiguredException("group /" + settings.organizationsGroup());
        }
        return root;
    }

    public ClientModel profilesClient() {
        ClientModel client = realm.getClientByClientId(settings.profilesClient());
        if (client == null) {
            throw new NotConfiguredException("client " + settings.profilesClient());
        }
        return client;
    }

    /** Null when the realm has no such role: then nobody is Operations Support. */
    public RoleModel operationsSupportRole() {
        return realm.getRole(settings.operationsSupportRole());
    }

    /** The realm lacks an object our settings name; an operator's fix, reported as such. */
    public static final class NotConfiguredException extends RuntimeException {
        public NotConfiguredException(String what) {
            super("This realm is not set up for LaMPSS: " + what + " is missing (see docs/operations.md, Configuration in full)");
        }
    }
}
