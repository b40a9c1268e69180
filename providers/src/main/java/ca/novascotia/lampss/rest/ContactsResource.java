package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.domain.Action;
import ca.novascotia.lampss.domain.ContactDetails;
import ca.novascotia.lampss.domain.Invitation;
import ca.novascotia.lampss.domain.Organization;
import ca.novascotia.lampss.domain.Target;
import ca.novascotia.lampss.model.Contact;
import ca.novascotia.lampss.model.Organizations;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.keycloak.models.KeycloakSession;

/** {@code /organizations/{id}/contacts}: list, search and add the organization's contacts. */
public class ContactsResource {

    private static final Set<String> NEW_CONTACT_FIELDS = Set.of("firstName", "lastName", "email", "profiles", "invitationMessage");

    private final KeycloakSession session;
    private final LampssSettings settings;
    private final String organizationId;

    ContactsResource(KeycloakSession session, LampssSettings settings, String organizationId) {
        this.session = session;
        this.settings = settings;
        this.organizationId = organizationId;
    }

    /** Primary contact first; "active only" (the default) leaves out inactive contacts. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("search") String search, @QueryParam("activeOnly") String activeOnly,
                         @QueryParam("first") String first, @QueryParam("max") String max) {
        return Api.run(session, settings, request -> {
            Organization organization = Organizations.toDomain(request.organizationGroup(organizationId));
            request.require(Action.LIST_CONTACTS, Target.of(organization));
            Paging paging = Paging.of(first, max);
            return Response.ok(Views.page(request.directory.page(organizationId, Paging.search(search),
                    !"false".equalsIgnoreCase(activeOnly), paging.first(), paging.max()), Views::contact)).build();
        });
    }

    /** Adds a person, invited, with profiles (see {@link ca.novascotia.lampss.contacts.Contacts#add}). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response add(String json) {
        return Api.run(session, settings, request -> {
            var group = request.organizationGroup(organizationId);
            // Authorize before reading the body: someone who may not add learns nothing from it.
            request.require(Action.ADD_CONTACT, Target.of(Organizations.toDomain(group)));
            Bodies body = Bodies.parse(json, NEW_CONTACT_FIELDS);
            ContactDetails details = new ContactDetails(body.text("firstName"), body.text("lastName"), body.text("email"));
            var profiles = Inputs.profiles(body.texts("profiles"));
            String message = Invitation.message(body.text("invitationMessage"));
            Contact added = request.work.contacts().add(group, details, profiles, message);
            return Response.created(session.getContext().getUri().getAbsolutePathBuilder().path(added.userId()).build())
                    .entity(Views.contact(added)).build();
        });
    }

    @Path("{userId}")
    public ContactResource contact(@PathParam("userId") String userId) {
        return new ContactResource(session, settings, organizationId, userId);
    }
}
