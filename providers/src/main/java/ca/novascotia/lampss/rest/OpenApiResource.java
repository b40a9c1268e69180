package ca.novascotia.lampss.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.yaml}: the API description committed with the code, open to anyone like Keycloak's own discovery documents. */
public class OpenApiResource {

    static final String LOCATION = "ca/novascotia/lampss/rest/openapi.yaml";

    @GET
    @Produces("application/yaml")
    public Response get() {
        try (InputStream in = OpenApiResource.class.getClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new NotFoundException();
            }
            return Response.ok(in.readAllBytes(), "application/yaml; charset=UTF-8").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
