package ca.novascotia.lampss.invitation.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Errors;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;

/** Which action-token events count as refused invitation links, and with which reason. */
class InvitationLinkMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InvitationLinkMetrics listener = new InvitationLinkMetrics();

    @BeforeEach
    void join() {
        Metrics.addRegistry(registry);
    }

    @AfterEach
    void leave() {
        Metrics.removeRegistry(registry);
    }

    @Test
    void keycloaksRefusalsAndOursAreCountedByReason() {
        listener.onEvent(event(EventType.EXECUTE_ACTION_TOKEN_ERROR, Errors.EXPIRED_CODE, Map.of("action", "lampss-invitation")));
        listener.onEvent(event(EventType.EXECUTE_ACTION_TOKEN_ERROR, Errors.INVALID_TOKEN, Map.of("action", "lampss-invitation")));
        listener.onEvent(event(EventType.EXECUTE_ACTION_TOKEN_ERROR, Errors.INVALID_TOKEN,
                Map.of("action", "lampss-invitation", InvitationLinkMetrics.REFUSAL_DETAIL, "lampssInvitationRevoked")));

        assertEquals(1, refused("expired"));
        assertEquals(1, refused("invalid"));
        assertEquals(1, refused("revoked"));
    }

    @Test
    void otherEventsAndOtherTokensAreNotCounted() {
        listener.onEvent(event(EventType.EXECUTE_ACTION_TOKEN_ERROR, Errors.EXPIRED_CODE, Map.of("action", "reset-credentials")));
        listener.onEvent(event(EventType.LOGIN_ERROR, Errors.INVALID_TOKEN, Map.of("action", "lampss-invitation")));
        listener.onEvent(event(EventType.EXECUTE_ACTION_TOKEN_ERROR, Errors.EXPIRED_CODE, null));

        assertEquals(0, registry.find("lampss.invitations.refused").counters().stream().mapToDouble(c -> c.count()).sum());
    }

    private double refused(String reason) {
        return registry.get("lampss.invitations.refused").tag("realm", "lampss").tag("reason", reason).counter().count();
    }

    private static Event event(EventType type, String error, Map<String, String> details) {
        Event event = new Event();
        event.setType(type);
        event.setRealmName("lampss");
        event.setError(error);
        event.setDetails(details);
        return event;
    }
}
