package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.model.LampssExport;
import ca.novascotia.lampss.model.RealmData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;

/**
 * {@code POST /import}: our tables' rows from {@code GET /export} into a realm that has none yet,
 * all or nothing (see {@link RealmData}). Realm administrators only (manage-realm).
 */
public class RealmImportResource {

    /** Larger than any API body (a realm's whole history); Keycloak's HTTP layer allows 10 MiB. */
    static final int MAX_IMPORT_LENGTH = 10 * 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final KeycloakSession session;
    private final LampssSettings settings;

    RealmImportResource(KeycloakSession session, LampssSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response importAll(String json) {
        return Api.run(session, settings, request -> {
            request.requireRealmAdministrator();
            if (json == null || json.isBlank() || json.length() > MAX_IMPORT_LENGTH) {
                throw ApiException.badRequest("MALFORMED_BODY", null);
            }
            LampssExport data;
            try {
                data = MAPPER.readValue(json, LampssExport.class);
            } catch (JsonProcessingException e) {
                throw ApiException.badRequest("MALFORMED_BODY", null);
            }
            if (data == null) {
                throw ApiException.badRequest("MALFORMED_BODY", null);
            }
            try {
                return Response.ok(new RealmData(request.lampss).importAll(data)).build();
            } catch (RealmData.Refused refused) {
                throw new ApiException("IMPORT_INVALID".equals(refused.code()) ? Response.Status.BAD_REQUEST : Response.Status.CONFLICT,
                        refused.code(), refused.at());
            }
        });
    }
}
