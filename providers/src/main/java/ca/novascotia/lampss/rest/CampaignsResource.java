package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.domain.Action;
import ca.novascotia.lampss.domain.Recertification;
import ca.novascotia.lampss.domain.Target;
import ca.novascotia.lampss.model.Campaigns;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Locale;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;

/** {@code /campaigns}: Operations Support's overview of every organization's campaign. */
public class CampaignsResource {

    private final KeycloakSession session;
    private final LampssSettings settings;

    CampaignsResource(KeycloakSession session, LampssSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    /** Without {@code state}: every open campaign (open, due soon and overdue), soonest due first. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response overview(@QueryParam("state") String state, @QueryParam("first") String first, @QueryParam("max") String max) {
        return Api.run(session, settings, request -> {
            request.require(Action.MANAGE_CAMPAIGNS, Target.none());
            Paging paging = Paging.of(first, max);
            Instant now = Instant.ofEpochMilli(Time.currentTimeMillis());
            Recertification policy = Recertification.of(request.lampss.realm()::getAttribute);
            Instant soon = policy.dueSoon().map(lead -> lead.after(now)).orElse(now);
            return Response.ok(new AccessViews(request.lampss).overview(new Campaigns(request.lampss)
                    .overview(filter(state), now, soon, paging.first(), paging.max()))).build();
        });
    }

    private static Campaigns.Filter filter(String value) {
        if (value == null || value.isBlank()) {
            return Campaigns.Filter.ANY_OPEN;
        }
        try {
            Campaigns.Filter filter = Campaigns.Filter.valueOf(value.strip().toUpperCase(Locale.ROOT));
            if (filter != Campaigns.Filter.ANY_OPEN) {
                return filter;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ApiException.badRequest("INVALID_STATE_FILTER", "state");
    }
}
