package ca.novascotia.lampss.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * At most a configured number of invitation emails per person and organization in any hour, the
 * first one included, so nobody can use LaMPSS to flood someone's mailbox.
 */
public final class InvitationRate {

    public static final Duration WINDOW = Duration.ofHours(1);
    /** The default limit per hour (server option {@code invitations-per-hour}). */
    public static final int DEFAULT_PER_HOUR = 5;

    private InvitationRate() {
    }

    /**
     * @param sent when the invitations of this person in this organization were sent, any order
     * @throws TooManyInvitations when {@code limit} of them fall within the last hour
     */
    public static void requireRoom(Collection<Instant> sent, int limit, Instant now) {
        Instant windowStart = now.minus(WINDOW);
        var recent = sent.stream().filter(time -> time.isAfter(windowStart)).sorted().toList();
        if (recent.size() >= limit) {
            Instant freed = recent.get(recent.size() - limit).plus(WINDOW);
            long seconds = (Duration.between(now, freed).toMillis() + 999) / 1000;
            throw new TooManyInvitations(Duration.ofSeconds(Math.max(1, seconds)));
        }
    }

    /** Refusal with the time after which one more invitation may be sent. */
    public static final class TooManyInvitations extends DomainException {

        private final Duration retryAfter;

        TooManyInvitations(Duration retryAfter) {
            super(Reason.TOO_MANY_INVITATIONS, "too many invitations in the last hour; retry after " + retryAfter);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
