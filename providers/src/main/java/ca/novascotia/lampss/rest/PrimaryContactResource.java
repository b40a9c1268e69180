package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.domain.AccessChange;
import ca.novascotia.lampss.domain.Action;
import ca.novascotia.lampss.domain.Organization;
import ca.novascotia.lampss.domain.PrimaryContact;
import ca.novascotia.lampss.domain.Target;
import ca.novascotia.lampss.model.Memberships;
import ca.novascotia.lampss.model.Organizations;
import ca.novascotia.lampss.store.MembershipEntity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * {@code PUT /organizations/{id}/primary-contact}: the primary contact (or Operations Support) hands
 * the role to another active user. Both rows are written with a version check and the database
 * allows one primary row per organization, so of two racing transfers one wins and the other gets a
 * 409 CONCURRENT_CHANGE.
 */
public class PrimaryContactResource {

    private final KeycloakSession session;
    private final LampssSettings settings;
    private final String organizationId;

    PrimaryContactResource(KeycloakSession session, LampssSettings settings, String organizationId) {
        this.session = session;
        this.settings = settings;
        this.organizationId = organizationId;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response transfer(String json) {
        return Api.run(session, settings, request -> {
            Organization organization = Organizations.toDomain(request.organizationGroup(organizationId));
            String successorId = Bodies.parse(json, Set.of("userId")).text("userId");
            if (successorId == null) {
                throw ApiException.badRequest("REQUIRED_FIELD_MISSING", "userId");
            }
            MembershipEntity successorRow = request.memberships.find(organizationId, successorId)
                    .orElseThrow(() -> ApiException.notFound("CONTACT_NOT_FOUND"));
            request.require(Action.TRANSFER_PRIMARY_CONTACT, Target.of(organization, Memberships.toDomain(successorRow)));
            MembershipEntity formerRow = request.memberships.primaryOf(organizationId)
                    .orElseThrow(() -> ApiException.conflict("NO_PRIMARY_CONTACT", null));
            PrimaryContact.Transfer transfer = PrimaryContact.transfer(organizationId,
                    Memberships.toDomain(List.of(formerRow, successorRow)), successorId);
            // The former row first: the successor's row may only claim the organization once it is free.
            request.memberships.save(formerRow, transfer.former(), request.user.getId());
            request.memberships.save(successorRow, transfer.successor(), request.user.getId());
            UserModel successor = request.people.byId(successorId).orElseThrow();
            request.audit.record(organizationId, AccessChange.PRIMARY_CONTACT_TRANSFERRED, successor,
                    primary(formerRow.getUserId()), primary(successorId));
            return Response.ok(primary(successorId)).build();
        });
    }

    private static Map<String, Object> primary(String userId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("primaryContact", userId);
        return json;
    }
}
