package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.domain.Action;
import ca.novascotia.lampss.domain.Organization;
import ca.novascotia.lampss.domain.Target;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;

/**
 * {@code GET /me}: who the caller is for LaMPSS: Operations Support or not, and in each active
 * organization their profiles, the profiles they may give and the organization-level actions they
 * may take, so that a console shows only what the server would allow.
 */
public class MeResource {

    /** Organization-level actions a console offers as screens or buttons. */
    private static final List<Action> ORGANIZATION_ACTIONS = Arrays.stream(Action.values())
            .filter(action -> action.needs() == Action.Needs.ORGANIZATION)
            .toList();

    private final KeycloakSession session;
    private final LampssSettings settings;

    public MeResource(KeycloakSession session, LampssSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return Api.run(session, settings, request -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", request.user.getId());
            json.put("username", request.user.getUsername());
            json.put("firstName", request.user.getFirstName());
            json.put("lastName", request.user.getLastName());
            json.put("operationsSupport", request.actor.isOperationsSupport());
            json.put("organizations", request.organizations
                    .search(null, request.actor.profilesByOrganization().keySet(), 0, Integer.MAX_VALUE)
                    .items().stream().map(organization -> membership(request, organization)).toList());
            return Response.ok(json).build();
        });
    }

    private static Map<String, Object> membership(Request request, Organization organization) {
        Map<String, Object> json = Views.organization(organization);
        json.put("primaryContact", request.actor.isPrimaryContactOf(organization.id()));
        json.put("profiles", Views.profiles(request.actor.profilesIn(organization.id())));
        json.put("grantableProfiles", Views.profiles(request.policy().grantableProfiles(request.actor, organization)));
        json.put("allowedActions", ORGANIZATION_ACTIONS.stream()
                .filter(action -> request.policy().decide(request.actor, action, Target.of(organization)).isAllowed())
                .map(Action::name).toList());
        return json;
    }
}
