package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.domain.DomainException;
import ca.novascotia.lampss.domain.Reason;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.keycloak.models.KeycloakSession;

/**
 * {@code /organizations/{id}/campaign}: the organization's recertification campaign, its contacts
 * under review and what contact managers do with them; opening and extending are Operations Support's.
 */
public class CampaignResource {

    private final KeycloakSession session;
    private final LampssSettings settings;
    private final String organizationId;

    CampaignResource(KeycloakSession session, LampssSettings settings, String organizationId) {
        this.session = session;
        this.settings = settings;
        this.organizationId = organizationId;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return Api.run(session, settings, request -> Response.ok(new AccessViews(request.lampss).campaign(
                request.work.recertifications().current(request.organizationGroup(organizationId)))).build());
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response open() {
        return Api.run(session, settings, request -> Response.status(Response.Status.CREATED).entity(new AccessViews(request.lampss)
                .campaign(request.work.recertifications().open(request.organizationGroup(organizationId)))).build());
    }

    @GET
    @Path("contacts")
    @Produces(MediaType.APPLICATION_JSON)
    public Response contacts(@QueryParam("first") String first, @QueryParam("max") String max) {
        return Api.run(session, settings, request -> {
            Paging paging = Paging.of(first, max);
            return Response.ok(new AccessViews(request.lampss).reviews(request.work.recertifications()
                    .reviews(request.organizationGroup(organizationId), paging.first(), paging.max()))).build();
        });
    }

    /** Confirms as it is, or with {@code profiles} as the profiles the contact should hold. */
    @POST
    @Path("contacts/{userId}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response confirm(@PathParam("userId") String userId, String json) {
        return Api.run(session, settings, request -> {
            var group = request.organizationGroup(organizationId);
            Bodies body = Bodies.parseOptional(json, Set.of("profiles"));
            var profiles = body.has("profiles") ? Inputs.profiles(body.texts("profiles")) : null;
            var review = request.work.recertifications().confirm(group, userId, profiles);
            return Response.ok(reviewRow(request, group.getId(), review)).build();
        });
    }

    @POST
    @Path("contacts/{userId}/deactivate")
    @Produces(MediaType.APPLICATION_JSON)
    public Response deactivate(@PathParam("userId") String userId) {
        return Api.run(session, settings, request -> {
            var group = request.organizationGroup(organizationId);
            return Response.ok(reviewRow(request, group.getId(), request.work.recertifications().deactivate(group, userId))).build();
        });
    }

    @POST
    @Path("sign-off")
    @Produces(MediaType.APPLICATION_JSON)
    public Response signOff() {
        return Api.run(session, settings, request -> Response.ok(new AccessViews(request.lampss).campaign(
                request.work.recertifications().signOff(request.organizationGroup(organizationId)))).build());
    }

    @POST
    @Path("extend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response extend(String json) {
        return Api.run(session, settings, request -> {
            var group = request.organizationGroup(organizationId);
            Bodies body = Bodies.parse(json, Set.of("dueAt"));
            return Response.ok(new AccessViews(request.lampss).campaign(
                    request.work.recertifications().extend(group, dueAt(body.text("dueAt"))))).build();
        });
    }

    private static Object reviewRow(Request request, String organizationId, ca.novascotia.lampss.store.CampaignReviewEntity review) {
        var contact = request.directory.find(organizationId, review.getUserId()).orElse(null);
        Long lastSignIn = request.directory.lastSignIns(java.util.List.of(review.getUserId())).get(review.getUserId());
        return new AccessViews(request.lampss).review(review, contact, lastSignIn);
    }

    private static Instant dueAt(String text) {
        if (text == null || text.isBlank()) {
            throw new DomainException(Reason.REQUIRED_FIELD_MISSING, "dueAt", "dueAt is required");
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException(Reason.INVALID_DUE_DATE, "dueAt", "not an ISO-8601 instant");
        }
    }
}
