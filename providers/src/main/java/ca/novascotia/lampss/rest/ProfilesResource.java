package ca.novascotia.lampss.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RoleModel;

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
    public Response list() {
        return Api.run(session, settings, request -> Response.ok(request.lampss.profilesClient().getRolesStream()
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .map(ProfilesResource::toJson).toList()).build());
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
