package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.domain.Action;
import ca.novascotia.lampss.domain.SecurityProfile;
import ca.novascotia.lampss.domain.Target;
import ca.novascotia.lampss.model.Organizations;
import ca.novascotia.lampss.model.Requests;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.keycloak.models.KeycloakSession;

/** {@code /organizations/{id}/requests}: a contact manager asks Operations Support for a profile only it gives. */
public class OrganizationRequestsResource {

    private final KeycloakSession session;
    private final LampssSettings settings;
    private final String organizationId;

    OrganizationRequestsResource(KeycloakSession session, LampssSettings settings, String organizationId) {
        this.session = session;
        this.settings = settings;
        this.organizationId = organizationId;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("state") String state, @QueryParam("first") String first, @QueryParam("max") String max) {
        return Api.run(session, settings, request -> {
            var group = request.organizationGroup(organizationId);
            request.require(Action.LIST_REQUESTS, Target.of(Organizations.toDomain(group)));
            Paging paging = Paging.of(first, max);
            return Response.ok(new AccessViews(request.lampss).requests(new Requests(request.lampss)
                    .ofOrganization(group.getId(), RequestsResource.state(state), paging.first(), paging.max()))).build();
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response ask(String json) {
        return Api.run(session, settings, request -> {
            var group = request.organizationGroup(organizationId);
            Bodies body = Bodies.parse(json, Set.of("userId", "profile", "reason"));
            if (!body.has("userId") || !body.has("profile")) {
                throw ApiException.badRequest("REQUIRED_FIELD_MISSING", body.has("userId") ? "profile" : "userId");
            }
            SecurityProfile profile = SecurityProfile.fromRoleName(body.text("profile"));
            var row = request.work.accessRequests().ask(group, body.text("userId"), profile, body.text("reason"));
            return Response.status(Response.Status.CREATED).entity(new AccessViews(request.lampss).request(row)).build();
        });
    }
}
