package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.domain.AccessChange;
import ca.novascotia.lampss.domain.Action;
import ca.novascotia.lampss.domain.ContactDetails;
import ca.novascotia.lampss.domain.Membership;
import ca.novascotia.lampss.domain.Organization;
import ca.novascotia.lampss.domain.PrimaryContact;
import ca.novascotia.lampss.domain.SecurityProfile;
import ca.novascotia.lampss.domain.Target;
import ca.novascotia.lampss.invitation.InvitationIssuer;
import ca.novascotia.lampss.model.Contact;
import ca.novascotia.lampss.model.Memberships;
import ca.novascotia.lampss.model.Organizations;
import ca.novascotia.lampss.store.MembershipEntity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/** {@code /organizations/{id}/contacts}: list, search and add the organization's contacts. */
public class ContactsResource {

    private static final Set<String> NEW_CONTACT_FIELDS = Set.of("firstName", "lastName", "email", "profiles", "invitationMessage");

    private final KeycloakSession session;
    private final LampssSettings settings;
    private final InvitationIssuer invitations;
    private final String organizationId;

    ContactsResource(KeycloakSession session, LampssSettings settings, InvitationIssuer invitations, String organizationId) {
        this.session = session;
        this.settings = settings;
        this.invitations = invitations;
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

    /**
     * Adds a person, invited, with profiles. A person already known by this email (a contact of
     * another organization) keeps their account and gains this membership. The organization's first
     * contact becomes its primary contact with the profiles the guide gives them.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response add(String json) {
        return Api.run(session, settings, request -> {
            GroupModel group = request.organizationGroup(organizationId);
            Organization organization = Organizations.toDomain(group);
            request.require(Action.ADD_CONTACT, Target.of(organization));
            Bodies body = Bodies.parse(json, NEW_CONTACT_FIELDS);
            ContactDetails details = new ContactDetails(body.text("firstName"), body.text("lastName"), body.text("email"));
            Set<SecurityProfile> profiles = Inputs.profiles(body.texts("profiles"));
            String message = Inputs.invitationMessage(body.text("invitationMessage"));
            profiles.forEach(profile -> request.require(Action.GRANT_PROFILE, Target.newContact(organization, profile)));

            UserModel person = personFor(request, details);
            List<Membership> primary = request.memberships.primaryOf(organizationId).map(Memberships::toDomain).stream().toList();
            Membership membership = PrimaryContact.newContact(organization, primary, person.getId());
            Set<SecurityProfile> granted = EnumSet.noneOf(SecurityProfile.class);
            granted.addAll(profiles);
            if (membership.primaryContact()) {
                granted.addAll(PrimaryContact.profilesOnAccessGranted(organization));
            }
            MembershipEntity row = request.memberships.add(membership, request.user.getId());
            granted.forEach(profile -> request.profiles.give(row, person, group, profile));
            request.memberships.save(row, membership, request.user.getId());
            request.people.syncSignIn(person);
            invitations.issue(group, person, request.user, message, request.locale);
            Contact contact = request.directory.find(organizationId, person.getId()).orElseThrow();
            request.audit.record(organizationId, AccessChange.CONTACT_ADDED, person, null, Views.snapshot(contact));
            return Response.created(session.getContext().getUri().getAbsolutePathBuilder().path(person.getId()).build())
                    .entity(Views.contact(contact)).build();
        });
    }

    @Path("{userId}")
    public ContactResource contact(@PathParam("userId") String userId) {
        return new ContactResource(session, settings, invitations, organizationId, userId);
    }

    private UserModel personFor(Request request, ContactDetails details) {
        UserModel known = request.people.byEmail(details.email()).orElse(null);
        if (known != null) {
            if (request.memberships.find(organizationId, known.getId()).isPresent()) {
                throw ApiException.conflict("ALREADY_A_CONTACT", "email");
            }
            return known;
        }
        if (request.people.emailTakenByAnother(details.email(), null)) {
            throw ApiException.conflict("EMAIL_IN_USE", "email");
        }
        return request.people.create(details);
    }
}
