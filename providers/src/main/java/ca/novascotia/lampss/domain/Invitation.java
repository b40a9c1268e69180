package ca.novascotia.lampss.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An invitation to link a My NS Account identity to the account prepared for a contact (rules 3
 * and 4): valid {@link #DEFAULT_LIFETIME} unless the realm says otherwise, used once.
 */
public record Invitation(String id, String organizationId, String userId, State state, Instant expiresAt) {

    /** "L'invitation est valide pendant 30 jours." */
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);

    public enum State {
        /** Sent, not yet used: the only state in which the link works. */
        PENDING,
        /** The person linked their identity; the membership became active. */
        ACCEPTED,
        /** Withdrawn by an administrator. */
        REVOKED,
        /** A newer invitation was sent to the same person for the same organization. */
        SUPERSEDED,
        /** Not accepted in time. */
        EXPIRED
    }

    /** Why the link cannot be used now, or empty when it can. */
    public Optional<State> refusal(Instant now) {
        if (state != State.PENDING) {
            return Optional.of(state);
        }
        return now.isBefore(expiresAt) ? Optional.empty() : Optional.of(State.EXPIRED);
    }

    /** Documented limit of the optional message an inviter adds, in characters. */
    public static final int MAX_MESSAGE_LENGTH = 2000;

    /**
     * The inviter's optional message as it will be sent: null when blank; line breaks allowed,
     * other control and bidirectional-override characters refused.
     */
    public static String message(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_MESSAGE_LENGTH) {
            throw new DomainException(Reason.FIELD_TOO_LONG, "invitationMessage",
                    "invitationMessage is longer than " + MAX_MESSAGE_LENGTH + " characters");
        }
        Fields.requirePlain("invitationMessage", text, true);
        return text.strip();
    }

    /** The longest lifetime a realm may set. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(365);

    /**
     * The lifetime a realm attribute asks for, as an ISO-8601 duration ({@code P30D}, {@code PT10M}),
     * between one second and a year; the default for anything else, so a typo never makes links
     * last forever or die at once.
     */
    public static Duration lifetime(String configured) {
        return acceptableLifetime(configured).orElse(DEFAULT_LIFETIME);
    }

    /**
     * The lifetime an administrator typed, or empty when it is blank, not an ISO-8601 duration, or
     * outside one second to a year (what the admin console refuses before saving).
     */
    public static Optional<Duration> acceptableLifetime(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            Duration value = Duration.parse(text.strip());
            return value.getSeconds() >= 1 && value.compareTo(MAX_LIFETIME) <= 0 ? Optional.of(value) : Optional.empty();
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The most an email's "whom to ask" line may hold (a team, an address and a phone number fit easily). */
    public static final int MAX_EMAIL_HELP_LENGTH = 300;

    /** Whom to ask whether an email is genuine: one line of plain text, printed in every LaMPSS email. */
    public static boolean acceptableEmailHelp(String text) {
        return text != null && text.length() <= MAX_EMAIL_HELP_LENGTH
                && text.codePoints().noneMatch(c -> Fields.misleading(c, false));
    }

    /**
     * Whether a page may be where an accepted invitation lands: an absolute {@code http(s)} URL with
     * a host (a relative or scripted URL would be an open door once signed in).
     */
    public static boolean acceptableLandingUrl(String text) {
        if (text == null || !(text.startsWith("https://") || text.startsWith("http://"))) {
            return false;
        }
        try {
            return java.net.URI.create(text).getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
