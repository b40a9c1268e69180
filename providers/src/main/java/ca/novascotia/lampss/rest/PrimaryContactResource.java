package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.config.LampssSettings;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.KeycloakSession;

/**
 * {@code PUT /organizations/{id}/primary-contact}: the primary contact (or Operations Support) hands
 * the role to another active user. Both rows are written with a version check and the database
 * allows one primary row per organization, so of two racing transfers one wins and the other gets a
 * 409 CONCURRENT_CHANGE.
 */
public class PrimaryContactResource {

    private final KeycloakSession session;
    private final LampssSettings settings;
    private final String organizationId;

    PrimaryContactResource(KeycloakSession session, LampssSettings settings, String organizationId) {
        this.session = session;
        this.settings = settings;
        this.organizationId = organizationId;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response transfer(String json) {
        return Api.run(session, settings, request -> {
            var group = request.organizationGroup(organizationId);
            String successorId = Bodies.parse(json, Set.of("userId")).text("userId");
            if (successorId == null) {
                throw ApiException.badRequest("REQUIRED_FIELD_MISSING", "userId");
            }
            request.work.contacts().transferPrimaryContact(group, successorId);
            return Response.ok(Map.of("primaryContact", successorId)).build();
        });
    }
}
