package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.contacts.Caller;
import ca.novascotia.lampss.keycloakadmin.DriftRepair;
import ca.novascotia.lampss.model.Consistency;
import ca.novascotia.lampss.model.Consistency.Difference;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;

/**
 * {@code GET /consistency}: the drift check, every difference between the organizations' groups and
 * our membership rows ({@link Consistency}); {@code POST /consistency/repair}: each settled by the
 * identity admins' rules ({@link DriftRepair}). Realm administrators only (manage-realm).
 */
public class ConsistencyResource {

    /** Differences settled per repair call, so that one transaction stays bounded; call again for the rest. */
    static final int REPAIRS_PER_CALL = 500;

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
            return Response.ok(report(new Consistency(request.lampss).differences())).build();
        });
    }

    @POST
    @Path("repair")
    @Produces(MediaType.APPLICATION_JSON)
    public Response repair() {
        return Api.run(session, settings, request -> {
            Caller repairer = request.asIdentityAdmin(Caller.DRIFT_REPAIR);
            Consistency consistency = new Consistency(request.lampss);
            List<Difference> found = consistency.differences();
            List<DriftRepair.Outcome> outcomes = new DriftRepair(request.lampss, repairer)
                    .repair(found.subList(0, Math.min(found.size(), REPAIRS_PER_CALL)));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("outcomes", outcomes);
            body.putAll(report(consistency.differences()));
            return Response.ok(body).build();
        });
    }

    private static Map<String, Object> report(List<Difference> differences) {
        return Map.of("consistent", differences.isEmpty(), "count", differences.size(), "differences", differences);
    }
}
