package ca.novascotia.lampss.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RoleModel;
import org.keycloak.services.managers.AppAuthManager;

import ca.novascotia.lampss.config.LampssSettings;

/**
 * {@code GET /realms/{realm}/lampss/profiles}: the security profiles of the realm (client roles of
 * the profiles client) with their bilingual labels, for consoles that offer them. Any signed-in user
 * of the realm may read them; nobody else.
 */
public class ProfilesResource {

    private final KeycloakSession session;
    private final LampssSettings settings;

    public ProfilesResource(KeycloakSession session, LampssSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> list() {
        if (new AppAuthManager.BearerTokenAuthenticator(session).authenticate() == null) {
            throw new NotAuthorizedException("Bearer");
        }
        ClientModel client = session.getContext().getRealm().getClientByClientId(settings.profilesClient());
        if (client == null) {
            throw new NotFoundException("No client '" + settings.profilesClient() + "' carries the security profiles in this realm");
        }
        return client.getRolesStream().sorted((a, b) -> a.getName().compareTo(b.getName())).map(ProfilesResource::toJson).toList();
    }

    private static Map<String, Object> toJson(RoleModel role) {
        return Map.of(
                "name", role.getName(),
                "module", attribute(role, "lampss.module"),
                "administrative", Boolean.parseBoolean(attribute(role, "lampss.administrative")),
                "operationsSupportOnly", Boolean.parseBoolean(attribute(role, "lampss.operationsSupportOnly")),
                "label", Map.of("en", attribute(role, "lampss.label.en"), "fr", attribute(role, "lampss.label.fr")),
                "description", Map.of("en", attribute(role, "lampss.description.en"), "fr", attribute(role, "lampss.description.fr")));
    }

    private static String attribute(RoleModel role, String name) {
        return role.getAttributeStream(name).findFirst().orElse("");
    }
}
