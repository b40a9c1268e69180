package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.model.Consistency;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;

/**
 * {@code GET /consistency}: the drift check, every difference between the organizations' groups and
 * our membership rows ({@link Consistency}). Realm administrators only (manage-realm).
 */
public class ConsistencyResource {

    private final KeycloakSession session;
    private final LampssSettings settings;

    ConsistencyResource(KeycloakSession session, LampssSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response check() {
        return Api.run(session, settings, request -> {
            request.requireRealmAdministrator();
            List<Map<String, Object>> differences = new Consistency(request.lampss).differences();
            return Response.ok(Map.of("consistent", differences.isEmpty(), "count", differences.size(),
                    "differences", differences)).build();
        });
    }
}
