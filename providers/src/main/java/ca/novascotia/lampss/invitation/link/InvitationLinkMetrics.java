package ca.novascotia.lampss.invitation.link;

import ca.novascotia.lampss.invitation.Invitations;

import ca.novascotia.lampss.metrics.LampssMetrics;
import org.keycloak.Config;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Counts refused invitation links. Keycloak itself refuses an expired or tampered link before our
 * handler runs, so the count is taken from its event (an action-token error naming our token type),
 * where our handler's own refusals also end up with their reason. A global listener: it needs no
 * realm setting.
 */
public class InvitationLinkMetrics implements EventListenerProvider, EventListenerProviderFactory {

    /** Event detail our handler sets with the refusal page's message key. */
    static final String REFUSAL_DETAIL = "lampss.refusal";

    @Override
    public void onEvent(Event event) {
        if (event.getType() != EventType.EXECUTE_ACTION_TOKEN_ERROR || event.getDetails() == null
                || !InvitationActionToken.TOKEN_TYPE.equals(event.getDetails().get(Details.ACTION))) {
            return;
        }
        String refusal = event.getDetails().get(REFUSAL_DETAIL);
        if (refusal == null) {
            refusal = switch (String.valueOf(event.getError())) {
                case Errors.EXPIRED_CODE -> "lampssInvitationExpired";
                case Errors.USER_DISABLED -> "lampssInvitationUserDisabled";
                default -> Invitations.INVALID;
            };
        }
        LampssMetrics.invitationRefused(event.getRealmName(), refusal);
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return "lampss-invitation-metrics";
    }
}
