package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.domain.ContactDetails;
import ca.novascotia.lampss.domain.SecurityProfile;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.keycloak.models.KeycloakSession;

/**
 * {@code /organizations/{id}/contacts/{userId}}: read, modify, deactivate and reactivate one
 * contact, and their invitation. Each call parses, finds the organization the caller may see, hands
 * the change to the use-case layer, and shows the result.
 */
public class ContactResource {

    private static final Set<String> FIELDS = Set.of("firstName", "lastName", "email", "profiles", "profilesSetAside");

    private final KeycloakSession session;
    private final LampssSettings settings;
    private final String organizationId;
    private final String userId;

    ContactResource(KeycloakSession session, LampssSettings settings, String organizationId, String userId) {
        this.session = session;
        this.settings = settings;
        this.organizationId = organizationId;
        this.userId = userId;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return Api.run(session, settings, request -> Response.ok(Views.contact(
                request.work.contacts().view(request.organizationGroup(organizationId), userId))).build());
    }

    /**
     * Replaces names and email (all three required, as in the form); when present, {@code profiles}
     * replaces the profiles held here and {@code profilesSetAside} keeps only those of the profiles
     * set aside (an inactive contact's profiles can be taken back before reactivation).
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(String json) {
        return Api.run(session, settings, request -> {
            var group = request.organizationGroup(organizationId);
            Bodies body = Bodies.parse(json, FIELDS);
            ContactDetails details = new ContactDetails(body.text("firstName"), body.text("lastName"), body.text("email"));
            Set<SecurityProfile> profiles = body.has("profiles") ? Inputs.profiles(body.texts("profiles")) : null;
            Set<SecurityProfile> aside = body.has("profilesSetAside") ? Inputs.profiles(body.texts("profilesSetAside")) : null;
            return Response.ok(Views.contact(request.work.contacts().update(group, userId, details, profiles, aside))).build();
        });
    }

    /** Clears "Active" (see {@link ca.novascotia.lampss.contacts.Contacts#deactivate}). */
    @POST
    @Path("deactivate")
    @Produces(MediaType.APPLICATION_JSON)
    public Response deactivate() {
        return Api.run(session, settings, request -> Response.ok(Views.contact(
                request.work.contacts().deactivate(request.organizationGroup(organizationId), userId))).build());
    }

    /** Ticks "Active" again (see {@link ca.novascotia.lampss.contacts.Contacts#reactivate}). */
    @POST
    @Path("reactivate")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reactivate() {
        return Api.run(session, settings, request -> Response.ok(Views.contact(
                request.work.contacts().reactivate(request.organizationGroup(organizationId), userId))).build());
    }

    /** Sends a new invitation to a contact who has not accepted yet; the previous link stops working. */
    @POST
    @Path("invitation")
    @Produces(MediaType.APPLICATION_JSON)
    public Response resendInvitation() {
        return Api.run(session, settings, request -> Response.ok(Views.contact(
                request.work.invitations().resend(request.organizationGroup(organizationId), userId))).build());
    }

    /** Withdraws the pending invitation: its link stops working; the contact stays, invited. */
    @DELETE
    @Path("invitation")
    @Produces(MediaType.APPLICATION_JSON)
    public Response revokeInvitation() {
        return Api.run(session, settings, request -> Response.ok(Views.contact(
                request.work.invitations().revoke(request.organizationGroup(organizationId), userId))).build());
    }
}
