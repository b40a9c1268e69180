package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.contacts.AccessRequests;
import ca.novascotia.lampss.domain.AccessRequest;
import ca.novascotia.lampss.domain.Action;
import ca.novascotia.lampss.domain.Target;
import ca.novascotia.lampss.model.Requests;
import ca.novascotia.lampss.store.AccessRequestEntity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import org.keycloak.models.KeycloakSession;

/** {@code /requests}: Operations Support's queue across organizations, and its decisions. */
public class RequestsResource {

    private final KeycloakSession session;
    private final LampssSettings settings;

    RequestsResource(KeycloakSession session, LampssSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response queue(@QueryParam("state") String state, @QueryParam("first") String first, @QueryParam("max") String max) {
        return Api.run(session, settings, request -> {
            request.require(Action.DECIDE_REQUESTS, Target.none());
            Paging paging = Paging.of(first, max);
            return Response.ok(new AccessViews(request.lampss).requests(new Requests(request.lampss)
                    .ofRealm(state(state), paging.first(), paging.max()))).build();
        });
    }

    @POST
    @Path("{requestId}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response approve(@PathParam("requestId") String id, String json) {
        return decide(json, (requests, decision) -> requests.approve(id, decision));
    }

    @POST
    @Path("{requestId}/refuse")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response refuse(@PathParam("requestId") String id, String json) {
        return decide(json, (requests, decision) -> requests.refuse(id, decision));
    }

    /** Operations Support's decision, asked before the body is read; its optional text is {@code decision}. */
    private Response decide(String json, BiFunction<AccessRequests, String, AccessRequestEntity> decision) {
        return Api.run(session, settings, request -> {
            request.require(Action.DECIDE_REQUESTS, Target.none());
            Bodies body = Bodies.parseOptional(json, Set.of("decision"));
            return Response.ok(new AccessViews(request.lampss).request(
                    decision.apply(request.work.accessRequests(), body.text("decision")))).build();
        });
    }

    /** The state filter: one of the request states, or null for all. */
    static String state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AccessRequest.State.valueOf(value.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_STATE_FILTER", "state");
        }
    }
}
