package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.domain.Action;
import ca.novascotia.lampss.domain.Organization;
import ca.novascotia.lampss.domain.Target;
import ca.novascotia.lampss.model.Page;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.keycloak.models.KeycloakSession;

/** {@code /organizations}: Operations Support creates and searches them; members list their own. */
public class OrganizationsResource {

    private static final Set<String> FIELDS = Set.of("nameEn", "nameFr", "externalNumber", "modules");

    private final KeycloakSession session;
    private final LampssSettings settings;

    public OrganizationsResource(KeycloakSession session, LampssSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("search") String search, @QueryParam("first") String first,
                         @QueryParam("max") String max) {
        return Api.run(session, settings, request -> {
            Paging paging = Paging.of(first, max);
            Page<Organization> page;
            if (request.actor.isOperationsSupport()) {
                request.require(Action.SEARCH_ORGANIZATIONS, Target.none());
                page = request.organizations.search(Paging.search(search), null, paging.first(), paging.max());
            } else {
                page = request.organizations.search(Paging.search(search), request.actor.profilesByOrganization().keySet(),
                        paging.first(), paging.max());
            }
            return Response.ok(Views.page(page, Views::organization)).build();
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String json) {
        return Api.run(session, settings, request -> {
            request.require(Action.CREATE_ORGANIZATION, Target.none());
            Bodies body = Bodies.parse(json, FIELDS);
            Organization draft = new Organization("new", body.text("nameEn"), body.text("nameFr"),
                    body.text("externalNumber"), Inputs.modules(body.texts("modules")));
            if (request.organizations.numberInUse(draft.externalNumber())) {
                throw ApiException.conflict("ORGANIZATION_NUMBER_IN_USE", "externalNumber");
            }
            Organization created = request.work.organizationChanges().create(draft);
            return Response.created(location(created.id())).entity(Views.organization(created)).build();
        });
    }

    private URI location(String id) {
        return session.getContext().getUri().getAbsolutePathBuilder().path(id).build();
    }

    @Path("{organizationId}")
    public OrganizationResource organization(@PathParam("organizationId") String organizationId) {
        return new OrganizationResource(session, settings, organizationId);
    }
}
