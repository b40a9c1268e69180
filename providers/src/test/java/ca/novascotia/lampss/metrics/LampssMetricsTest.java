package ca.novascotia.lampss.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Counter names, tags and reasons as docs/operations.md documents them (the server test scrapes the real endpoint). */
class LampssMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void join() {
        Metrics.addRegistry(registry);
    }

    @AfterEach
    void leave() {
        Metrics.removeRegistry(registry);
    }

    @Test
    void countsByRealmAndReason() {
        LampssMetrics.invitationSent("lampss");
        LampssMetrics.invitationSent("lampss");
        LampssMetrics.invitationAccepted("lampss");
        LampssMetrics.invitationsExpired("lampss", 3);
        LampssMetrics.invitationRefused("lampss", "lampssInvitationExpired");
        LampssMetrics.delegationRefused("lampss", "GRANT_PROFILE", "PROFILE_NOT_DELEGABLE");

        assertEquals(2, registry.get("lampss.invitations.sent").tag("realm", "lampss").counter().count());
        assertEquals(1, registry.get("lampss.invitations.accepted").tag("realm", "lampss").counter().count());
        assertEquals(3, registry.get("lampss.invitations.expired").tag("realm", "lampss").counter().count());
        assertEquals(1, registry.get("lampss.invitations.refused").tag("reason", "expired").counter().count());
        assertEquals(1, registry.get("lampss.delegation.refusals").tag("action", "GRANT_PROFILE")
                .tag("reason", "PROFILE_NOT_DELEGABLE").counter().count());
    }

    @Test
    void aMissingRealmNameIsCountedAsUnknown() {
        LampssMetrics.invitationAccepted(null);

        assertEquals(1, registry.get("lampss.invitations.accepted").tag("realm", "unknown").counter().count());
    }

    @Test
    void reasonsAreThePageKeysInKebabCase() {
        assertEquals("expired", LampssMetrics.reason("lampssInvitationExpired"));
        assertEquals("no-access-yet", LampssMetrics.reason("lampssNoAccessYet"));
        assertEquals("identity-linked-to-another", LampssMetrics.reason("lampssIdentityLinkedToAnother"));
        assertEquals("user-disabled", LampssMetrics.reason("lampssInvitationUserDisabled"));
    }
}
