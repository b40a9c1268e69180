package ca.novascotia.lampss.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which reminder before a deadline is due now. Reminders are sent once each; when several have come
 * due together (a server that was down, a campaign opened a day before its due date), only the one
 * nearest the deadline is sent, so nobody gets "7 days left" and "1 day left" at the same time.
 */
public final class Reminder {

    private Reminder() {
    }

    /**
     * @param leads longest first, as {@link Recertification#reminders} returns them
     * @return the lead whose reminder is due at {@code now}, or empty before the first one and from the deadline on
     */
    public static Optional<Interval> due(Instant deadline, Instant now, List<Interval> leads) {
        if (!now.isBefore(deadline)) {
            return Optional.empty();
        }
        Interval due = null;
        for (Interval lead : leads) {
            if (!now.isBefore(lead.before(deadline))) {
                due = lead;
            }
        }
        return Optional.ofNullable(due);
    }
}
