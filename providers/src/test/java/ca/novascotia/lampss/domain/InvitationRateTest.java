package ca.novascotia.lampss.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvitationRateTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void belowTheLimitThereIsRoom() {
        assertDoesNotThrow(() -> InvitationRate.requireRoom(List.of(NOW.minusSeconds(10), NOW.minusSeconds(20)), 3, NOW));
    }

    @Test
    void atTheLimitTheRefusalSaysWhenTheOldestLeavesTheHour() {
        List<Instant> sent = List.of(NOW.minusSeconds(600), NOW.minusSeconds(60), NOW.minusSeconds(1200));
        var refused = assertThrows(InvitationRate.TooManyInvitations.class, () -> InvitationRate.requireRoom(sent, 3, NOW));
        assertEquals(Reason.TOO_MANY_INVITATIONS, refused.reason());
        assertEquals(Reason.Kind.RATE, refused.reason().kind());
        assertEquals(Duration.ofSeconds(3600 - 1200), refused.retryAfter());
    }

    @Test
    void invitationsOlderThanAnHourDoNotCount() {
        assertDoesNotThrow(() -> InvitationRate.requireRoom(
                List.of(NOW.minus(Duration.ofHours(1)), NOW.minus(Duration.ofHours(2)), NOW.minusSeconds(5)), 2, NOW));
    }

    @Test
    void overTheLimitTheWaitIsForEnoughToLeave() {
        List<Instant> sent = List.of(NOW.minusSeconds(3000), NOW.minusSeconds(2000), NOW.minusSeconds(1000));
        assertEquals(Duration.ofSeconds(1600), assertThrows(InvitationRate.TooManyInvitations.class,
                () -> InvitationRate.requireRoom(sent, 2, NOW)).retryAfter());
    }

    @Test
    void theWaitIsAtLeastOneSecond() {
        List<Instant> sent = List.of(NOW.minus(Duration.ofHours(1)).plusMillis(1));
        assertEquals(Duration.ofSeconds(1), assertThrows(InvitationRate.TooManyInvitations.class,
                () -> InvitationRate.requireRoom(sent, 1, NOW)).retryAfter());
    }
}
