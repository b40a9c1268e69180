package ca.novascotia.lampss.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A length of calendar time an identity admin types as ISO-8601: {@code P12M} or {@code P1Y} for a
 * recertification period, {@code P30D} for how long a campaign stays open, {@code PT30S} for a test.
 * Months and years are calendar months (added in UTC), so "every 12 months" does not drift.
 */
public record Interval(Period period, Duration duration, String text) {

    /** At most ten years: longer is a typo, not a policy. */
    private static final Instant HORIZON = Instant.parse("2000-01-01T00:00:00Z");

    /** The interval typed, or empty when it is not one of at least a second and at most ten years. */
    public static Optional<Interval> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip().toUpperCase(java.util.Locale.ROOT);
        try {
            Interval interval = value.contains("T")
                    ? new Interval(Period.ZERO, Duration.parse(value), value)
                    : new Interval(Period.parse(value), Duration.ZERO, value);
            long seconds = Duration.between(HORIZON, interval.after(HORIZON)).getSeconds();
            return seconds >= 1 && seconds <= 10L * 366 * 86400 ? Optional.of(interval) : Optional.empty();
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    public Instant after(Instant start) {
        return start.atOffset(ZoneOffset.UTC).plus(period).toInstant().plus(duration);
    }

    public Instant before(Instant end) {
        return end.atOffset(ZoneOffset.UTC).minus(period).toInstant().minus(duration);
    }

    @Override
    public String toString() {
        return text;
    }
}
