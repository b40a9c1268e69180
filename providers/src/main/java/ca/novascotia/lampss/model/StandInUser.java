package ca.novascotia.lampss.model;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;
import org.keycloak.storage.adapter.AbstractInMemoryUserAdapter;

/**
 * A user held in memory only, never stored: an address an email goes to (an old address, people a
 * scheduled notice names) or the scheduled work as an actor. It has no credentials.
 */
public final class StandInUser {

    private StandInUser() {
    }

    /** @param what said when something asks it for credentials, e.g. "an address, not an account" */
    public static UserModel of(KeycloakSession session, RealmModel realm, String id, String what) {
        return new AbstractInMemoryUserAdapter(session, realm, id) {
            @Override
            public SubjectCredentialManager credentialManager() {
                throw new UnsupportedOperationException(what);
            }
        };
    }
}
