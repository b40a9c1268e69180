package ca.novascotia.lampss.rest;

import jakarta.ws.rs.Path;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

import ca.novascotia.lampss.config.LampssSettings;

/** Root of our API under {@code /realms/{realm}/lampss}; one sub-resource per noun. */
public class LampssRealmResource implements RealmResourceProvider {

    private final KeycloakSession session;
    private final LampssSettings settings;

    public LampssRealmResource(KeycloakSession session, LampssSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    @Override
    public Object getResource() {
        return this;
    }

    @Path("profiles")
    public ProfilesResource profiles() {
        return new ProfilesResource(session, settings);
    }

    @Override
    public void close() {
    }
}
