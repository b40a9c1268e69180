package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.domain.AccessChange;
import ca.novascotia.lampss.domain.Action;
import ca.novascotia.lampss.domain.ContactDetails;
import ca.novascotia.lampss.domain.Membership;
import ca.novascotia.lampss.domain.Organization;
import ca.novascotia.lampss.domain.SecurityProfile;
import ca.novascotia.lampss.domain.Target;
import ca.novascotia.lampss.model.Contact;
import ca.novascotia.lampss.model.Memberships;
import ca.novascotia.lampss.model.Organizations;
import ca.novascotia.lampss.store.MembershipEntity;
import ca.novascotia.lampss.domain.Invitation;
import ca.novascotia.lampss.domain.MembershipState;
import ca.novascotia.lampss.invitation.InvitationIssuer;
import ca.novascotia.lampss.invitation.Invitations;
import ca.novascotia.lampss.store.InvitationEntity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/** {@code /organizations/{id}/contacts/{userId}}: read, modify, deactivate and reactivate one contact. */
public class ContactResource {

    private static final Set<String> FIELDS = Set.of("firstName", "lastName", "email", "profiles");

    private final KeycloakSession session;
    private final LampssSettings settings;
    private final InvitationIssuer invitations;
    private final String organizationId;
    private final String userId;

    ContactResource(KeycloakSession session, LampssSettings settings, InvitationIssuer invitations, String organizationId,
                    String userId) {
        this.session = session;
        this.settings = settings;
        this.invitations = invitations;
        this.organizationId = organizationId;
        this.userId = userId;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return Api.run(session, settings, request -> {
            Loaded contact = load(request);
            request.require(Action.VIEW_CONTACT, Target.of(contact.organization, contact.member));
            return Response.ok(Views.contact(contact.view)).build();
        });
    }

    /**
     * Replaces names and email (all three required, as in the form) and, when {@code profiles} is
     * present, the profiles held here. Each change is checked on its own: details, every profile
     * given and every profile taken back.
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(String json) {
        return Api.run(session, settings, request -> {
            Loaded contact = load(request);
            Bodies body = Bodies.parse(json, FIELDS);
            ContactDetails details = new ContactDetails(body.text("firstName"), body.text("lastName"), body.text("email"));
            Set<SecurityProfile> wanted = body.has("profiles") ? Inputs.profiles(body.texts("profiles")) : contact.view.profiles();
            Set<SecurityProfile> added = difference(wanted, contact.view.profiles());
            Set<SecurityProfile> removed = difference(contact.view.profiles(), wanted);
            boolean detailsChanged = !sameDetails(contact.person, details);
            // Profile changes first: their refusals are the most specific (e.g. OWN_PROFILES).
            added.forEach(p -> request.require(Action.GRANT_PROFILE, Target.of(contact.organization, contact.member, p)));
            removed.forEach(p -> request.require(Action.REVOKE_PROFILE, Target.of(contact.organization, contact.member, p)));
            if (detailsChanged || (added.isEmpty() && removed.isEmpty())) {
                request.require(detailsChanged ? Action.MODIFY_CONTACT_DETAILS : Action.VIEW_CONTACT,
                        Target.of(contact.organization, contact.member));
            }
            if (!detailsChanged && added.isEmpty() && removed.isEmpty()) {
                return Response.ok(Views.contact(contact.view)).build();
            }
            if (detailsChanged) {
                if (request.people.emailTakenByAnother(details.email(), contact.person)) {
                    throw ApiException.conflict("EMAIL_IN_USE", "email");
                }
                request.people.update(contact.person, details);
            }
            added.forEach(profile -> request.profiles.give(contact.row, contact.person, contact.group, profile));
            removed.forEach(profile -> request.profiles.take(contact.row, contact.person, contact.group, profile));
            request.memberships.save(contact.row, contact.member, request.user.getId());
            return recorded(request, contact, AccessChange.CONTACT_UPDATED);
        });
    }

    /** Clears "Active": the profiles held here are put aside and the person no longer acts here. */
    @POST
    @Path("deactivate")
    @Produces(MediaType.APPLICATION_JSON)
    public Response deactivate() {
        return Api.run(session, settings, request -> {
            Loaded contact = load(request);
            request.require(Action.DEACTIVATE, Target.of(contact.organization, contact.member));
            request.profiles.putAside(contact.row, contact.person, contact.group);
            request.memberships.save(contact.row, contact.member.deactivate(), request.user.getId());
            request.people.syncSignIn(contact.person);
            return recorded(request, contact, AccessChange.CONTACT_DEACTIVATED);
        });
    }

    /** Ticks "Active" again, giving back the profiles put aside that the organization still offers. */
    @POST
    @Path("reactivate")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reactivate() {
        return Api.run(session, settings, request -> {
            Loaded contact = load(request);
            request.require(Action.REACTIVATE, Target.of(contact.organization, contact.member));
            request.profiles.bringBack(contact.row, contact.person, contact.group, contact.organization);
            request.memberships.save(contact.row, contact.member.reactivate(), request.user.getId());
            request.people.syncSignIn(contact.person);
            return recorded(request, contact, AccessChange.CONTACT_REACTIVATED);
        });
    }

    /** Sends a new invitation to a contact who has not accepted yet; the previous link stops working. */
    @POST
    @Path("invitation")
    @Produces(MediaType.APPLICATION_JSON)
    public Response resendInvitation() {
        return Api.run(session, settings, request -> {
            Loaded contact = load(request);
            request.require(Action.ADD_CONTACT, Target.of(contact.organization));
            if (contact.member.state() != MembershipState.INVITED) {
                throw ApiException.conflict("INVALID_STATE_TRANSITION", null);
            }
            invitations.issue(contact.group, contact.person, request.user, null, request.locale);
            request.audit.record(organizationId, AccessChange.INVITATION_SENT, contact.person, null, Views.snapshot(contact.view));
            return Response.ok(Views.contact(contact.view)).build();
        });
    }

    /** Withdraws the pending invitation: its link stops working; the contact stays, invited, until re-sent or deactivated. */
    @DELETE
    @Path("invitation")
    @Produces(MediaType.APPLICATION_JSON)
    public Response revokeInvitation() {
        return Api.run(session, settings, request -> {
            Loaded contact = load(request);
            request.require(Action.ADD_CONTACT, Target.of(contact.organization));
            Invitations stored = new Invitations(session, request.lampss.realm());
            InvitationEntity pending = stored.pending(organizationId, userId)
                    .orElseThrow(() -> ApiException.notFound("INVITATION_NOT_FOUND"));
            stored.end(pending, Invitation.State.REVOKED);
            request.audit.record(organizationId, AccessChange.INVITATION_REVOKED, contact.person,
                    java.util.Map.of("invitation", pending.getId(), "state", "PENDING"),
                    java.util.Map.of("invitation", pending.getId(), "state", "REVOKED"));
            return Response.ok(Views.contact(contact.view)).build();
        });
    }

    private Response recorded(Request request, Loaded contact, AccessChange change) {
        Contact after = request.directory.find(organizationId, userId).orElseThrow();
        request.audit.record(organizationId, change, contact.person, Views.snapshot(contact.view), Views.snapshot(after));
        return Response.ok(Views.contact(after)).build();
    }

    /** The contact as stored; an id of someone who is not a contact here is a 404, whoever asks. */
    private Loaded load(Request request) {
        GroupModel group = request.organizationGroup(organizationId);
        MembershipEntity row = request.memberships.find(organizationId, userId)
                .orElseThrow(() -> ApiException.notFound("CONTACT_NOT_FOUND"));
        UserModel person = request.people.byId(userId).orElseThrow(() -> ApiException.notFound("CONTACT_NOT_FOUND"));
        Contact view = request.directory.find(organizationId, userId).orElseThrow(() -> ApiException.notFound("CONTACT_NOT_FOUND"));
        return new Loaded(group, Organizations.toDomain(group), row, Memberships.toDomain(row), person, view);
    }

    private record Loaded(GroupModel group, Organization organization, MembershipEntity row, Membership member,
                          UserModel person, Contact view) {
    }

    private static boolean sameDetails(UserModel person, ContactDetails details) {
        return Objects.equals(person.getFirstName(), details.firstName())
                && Objects.equals(person.getLastName(), details.lastName())
                && details.email().equalsIgnoreCase(Objects.requireNonNullElse(person.getEmail(), ""));
    }

    private static Set<SecurityProfile> difference(Set<SecurityProfile> from, Set<SecurityProfile> minus) {
        Set<SecurityProfile> result = EnumSet.noneOf(SecurityProfile.class);
        result.addAll(from);
        result.removeAll(minus);
        return result;
    }
}
