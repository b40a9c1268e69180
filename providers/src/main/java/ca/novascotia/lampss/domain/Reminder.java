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

    /** The deadlines after {@code after} and up to {@code upTo}. */
    public record Window(Instant after, Instant upTo) {
    }

    /**
     * The deadlines whose reminder at {@code leads[index]} is the one {@link #due} now: within that
     * lead, but not within the next shorter one (whose reminder is then due instead).
     *
     * @param leads longest first, as {@link Recertification#reminders} returns them
     */
    public static Window window(Instant now, List<Interval> leads, int index) {
        Instant after = index + 1 < leads.size() ? leads.get(index + 1).after(now) : now;
        return new Window(after, leads.get(index).after(now));
    }

    /**
     * @param leads longest first, as {@link Recertification#reminders} returns them
     * @return the lead whose reminder is due at {@code now}, or empty before the first one and from the deadline on
     */
    public static Optional<Interval> due(Instant deadline, Instant now, List<Interval> leads) {
        for (int index = 0; index < leads.size(); index++) {
            Window window = window(now, leads, index);
            if (deadline.isAfter(window.after()) && !deadline.isAfter(window.upTo())) {
                return Optional.of(leads.get(index));
            }
        }
        return Optional.empty();
    }
}
