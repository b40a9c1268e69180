package ca.novascotia.lampss.domain;

import java.util.Set;

/**
 * A contact manager's request to Operations Support for a profile only Operations Support gives
 * (the guide: "ask their contact or their program-area representative, who will coordinate the
 * request"). Whether the asker may ask is the delegation table's {@link Action#REQUEST_PROFILE};
 * this class holds what the table cannot see: what the person holds, what is already asked, and
 * how a request ends.
 */
public record AccessRequest(String id, State state) {

    public enum State {
        OPEN,
        APPROVED,
        REFUSED,
        /** Ended without a decision: the person was deactivated in the organization meanwhile. */
        CLOSED
    }

    /** The most a reason or a decision may hold, in characters. */
    public static final int MAX_TEXT_LENGTH = 500;

    /** @throws DomainException when the person holds the profile, or the same request is open */
    public static void requireNew(SecurityProfile profile, Set<SecurityProfile> held, boolean sameRequestOpen) {
        if (held.contains(profile)) {
            throw new DomainException(Reason.PROFILE_ALREADY_HELD, "profile", "already held");
        }
        if (sameRequestOpen) {
            throw new DomainException(Reason.REQUEST_ALREADY_OPEN, "profile", "an open request asks for it already");
        }
    }

    /** Why it is asked: required, several lines allowed. */
    public static String reason(String text) {
        return text("reason", text, true);
    }

    /** Operations Support's word on it: required to refuse, optional to approve (null when blank). */
    public static String decision(String text, boolean required) {
        if (!required && (text == null || text.isBlank())) {
            return null;
        }
        return text("decision", text, true);
    }

    /** Only an open request is decided: @throws DomainException {@link Reason#REQUEST_ALREADY_DECIDED} otherwise */
    public void requireOpen() {
        if (state != State.OPEN) {
            throw new DomainException(Reason.REQUEST_ALREADY_DECIDED, "the request is " + state);
        }
    }

    private static String text(String field, String text, boolean multiline) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw new DomainException(Reason.REQUIRED_FIELD_MISSING, field, field + " is required");
        }
        if (stripped.length() > MAX_TEXT_LENGTH) {
            throw new DomainException(Reason.FIELD_TOO_LONG, field, field + " is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        Fields.requirePlain(field, stripped, multiline);
        return stripped;
    }
}
