package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.domain.Action;
import ca.novascotia.lampss.domain.Organization;
import ca.novascotia.lampss.domain.Target;
import ca.novascotia.lampss.invitation.Invitations;
import ca.novascotia.lampss.model.Organizations;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;

/** {@code /organizations/{id}}: the organization's information, modules and audit trail. */
public class OrganizationResource {

    private static final Set<String> FIELDS = Set.of("nameEn", "nameFr", "externalNumber", "modules");

    private final KeycloakSession session;
    private final LampssSettings settings;
    private final String organizationId;

    OrganizationResource(KeycloakSession session, LampssSettings settings, String organizationId) {
        this.session = session;
        this.settings = settings;
        this.organizationId = organizationId;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return Api.run(session, settings, request -> {
            Organization organization = Organizations.toDomain(request.organizationGroup(organizationId));
            request.require(Action.VIEW_ORGANIZATION, Target.of(organization));
            return Response.ok(Views.organization(organization)).build();
        });
    }

    /** Names only; the number is fixed at creation and modules have their own call. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(String json) {
        return Api.run(session, settings, request -> {
            Organization before = Organizations.toDomain(request.organizationGroup(organizationId));
            request.require(Action.UPDATE_ORGANIZATION_INFO, Target.of(before));
            Bodies body = Bodies.parse(json, FIELDS);
            if (body.has("externalNumber") && !before.externalNumber().equals(body.text("externalNumber").strip())) {
                throw ApiException.badRequest("READ_ONLY_FIELD", "externalNumber");
            }
            if (body.has("modules") && !before.withModules(Inputs.modules(body.texts("modules"))).equals(before)) {
                throw ApiException.badRequest("READ_ONLY_FIELD", "modules");
            }
            Organization after = request.work.organizationChanges().rename(request.organizationGroup(organizationId),
                    body.text("nameEn"), body.text("nameFr"));
            return Response.ok(Views.organization(after)).build();
        });
    }

    /**
     * Operations Support changes the modules. Profiles of a module taken away are taken from everyone
     * in the organization; enabling Private Career Colleges gives the primary contact PCC Administrator.
     */
    @PUT
    @Path("modules")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response changeModules(String json) {
        return Api.run(session, settings, request -> {
            GroupModel group = request.organizationGroup(organizationId);
            // Asked before the body is read, so that someone without the right is told so first.
            request.require(Action.CHANGE_MODULES, Target.of(Organizations.toDomain(group)));
            Bodies body = Bodies.parse(json, Set.of("modules"));
            if (!body.has("modules")) {
                throw ApiException.badRequest("REQUIRED_FIELD_MISSING", "modules");
            }
            Organization after = request.work.organizationChanges().changeModules(group, Inputs.modules(body.texts("modules")));
            return Response.ok(Views.organization(after)).build();
        });
    }

    @GET
    @Path("audit")
    @Produces(MediaType.APPLICATION_JSON)
    public Response audit(@QueryParam("first") String first, @QueryParam("max") String max) {
        return Api.run(session, settings, request -> {
            Organization organization = Organizations.toDomain(request.organizationGroup(organizationId));
            request.require(Action.VIEW_AUDIT, Target.of(organization));
            Paging paging = Paging.of(first, max);
            return Response.ok(Views.page(request.audit.page(organizationId, paging.first(), paging.max()),
                    Views::auditEntry)).build();
        });
    }

    @GET
    @Path("access-review")
    @Produces("text/csv")
    public Response accessReview() {
        return Api.run(session, settings, request -> {
            Organization organization = Organizations.toDomain(request.organizationGroup(organizationId));
            request.require(Action.EXPORT_ACCESS_REVIEW, Target.of(organization));
            return Response.ok(AccessReview.csv(session, settings, organizationId), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"access-review-"
                            + AccessReview.fileSafe(organization.externalNumber()) + ".csv\"")
                    .build();
        });
    }

    /** Invitations not accepted yet, pending or expired, soonest expiry first. */
    @GET
    @Path("invitations")
    @Produces(MediaType.APPLICATION_JSON)
    public Response invitations(@QueryParam("first") String first, @QueryParam("max") String max) {
        return Api.run(session, settings, request -> {
            Organization organization = Organizations.toDomain(request.organizationGroup(organizationId));
            request.require(Action.ADD_CONTACT, Target.of(organization));
            Paging paging = Paging.of(first, max);
            return Response.ok(Views.page(new Invitations(session, request.lampss.realm())
                    .waiting(organizationId, paging.first(), paging.max()), Views::invitation)).build();
        });
    }

    @Path("contacts")
    public ContactsResource contacts() {
        return new ContactsResource(session, settings, organizationId);
    }

    @Path("requests")
    public OrganizationRequestsResource requests() {
        return new OrganizationRequestsResource(session, settings, organizationId);
    }

    @Path("campaign")
    public CampaignResource campaign() {
        return new CampaignResource(session, settings, organizationId);
    }

    @Path("primary-contact")
    public PrimaryContactResource primaryContact() {
        return new PrimaryContactResource(session, settings, organizationId);
    }
}
