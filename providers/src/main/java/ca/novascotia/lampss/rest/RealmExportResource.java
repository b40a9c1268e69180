package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.model.RealmData;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;

/**
 * {@code GET /export}: our tables' rows of the realm (memberships, invitations, audit trail), which
 * Keycloak's realm export does not carry. Realm administrators only (manage-realm).
 */
public class RealmExportResource {

    private final KeycloakSession session;
    private final LampssSettings settings;

    RealmExportResource(KeycloakSession session, LampssSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response export() {
        return Api.run(session, settings, request -> {
            request.requireRealmAdministrator();
            return Response.ok(new RealmData(request.lampss).export())
                    .header("Content-Disposition", "attachment; filename=\"lampss-"
                            + AccessReview.fileSafe(request.lampss.realm().getName()) + ".json\"")
                    .build();
        });
    }
}
