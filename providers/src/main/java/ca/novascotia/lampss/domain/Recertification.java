package ca.novascotia.lampss.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A realm's recertification policy, from its attributes (set in the admin console's LaMPSS tab):
 * how often each organization confirms its people's access (never, by default), how long a campaign
 * stays open, what the due date does to contacts nobody reviewed, and when contact managers are
 * reminded. A value that cannot be read falls back to its default, so a typo never opens campaigns
 * by the thousand or deactivates anyone; the admin console refuses such values before saving.
 */
public record Recertification(Optional<Interval> period, Interval openFor, OverdueAction overdue, List<Interval> reminders) {

    public static final String PERIOD = "lampss.recertificationPeriod";
    public static final String OPEN_FOR = "lampss.recertificationOpenFor";
    public static final String OVERDUE = "lampss.recertificationOverdue";
    public static final String REMINDERS = "lampss.recertificationReminders";
    /** How long before an invitation expires its invitee is reminded (a list, like the campaign's). */
    public static final String INVITATION_REMINDERS = "lampss.invitationReminders";

    public static final String DEFAULT_OPEN_FOR = "P30D";
    /** Any instant far enough ahead to compare intervals by how far back they reach from it. */
    private static final java.time.Instant LATER = java.time.Instant.parse("2400-01-01T00:00:00Z");
    public static final String DEFAULT_REMINDERS = "P7D,P1D";

    public static Recertification of(Function<String, String> attributes) {
        return new Recertification(period(attributes.apply(PERIOD)),
                Interval.parse(attributes.apply(OPEN_FOR)).orElseGet(() -> Interval.parse(DEFAULT_OPEN_FOR).orElseThrow()),
                overdue(attributes.apply(OVERDUE)).orElse(OverdueAction.FLAG),
                reminders(attributes.apply(REMINDERS)).orElseGet(() -> reminders(DEFAULT_REMINDERS).orElseThrow()));
    }

    /** "off" or blank: no campaigns. */
    public static Optional<Interval> period(String text) {
        return text == null || text.isBlank() || text.strip().equalsIgnoreCase("off") ? Optional.empty() : Interval.parse(text);
    }

    public static boolean acceptablePeriod(String text) {
        return text == null || text.isBlank() || text.strip().equalsIgnoreCase("off") || Interval.parse(text).isPresent();
    }

    public static Optional<OverdueAction> overdue(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OverdueAction.valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Comma-separated intervals before a deadline ({@code P7D,P1D}), longest first; "none" for no
     * reminder. Empty when something in the list is not an interval.
     */
    public static Optional<List<Interval>> reminders(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (text.strip().equalsIgnoreCase("none")) {
            return Optional.of(List.of());
        }
        List<Interval> leads = new ArrayList<>();
        for (String part : text.split(",")) {
            Optional<Interval> lead = Interval.parse(part);
            if (lead.isEmpty()) {
                return Optional.empty();
            }
            leads.add(lead.get());
        }
        leads.sort(Comparator.comparing((Interval lead) -> lead.before(LATER)));
        return Optional.of(List.copyOf(leads));
    }

    /** The invitation reminders a realm asks for ({@code P7D,P1D} by default). */
    public static List<Interval> invitationReminders(String text) {
        return reminders(text).orElseGet(() -> reminders(DEFAULT_REMINDERS).orElseThrow());
    }

    /** From how long before its due date a campaign is "due soon": its first reminder's lead, if any. */
    public Optional<Interval> dueSoon() {
        return reminders.stream().findFirst();
    }

    public boolean enabled() {
        return period.isPresent();
    }
}
