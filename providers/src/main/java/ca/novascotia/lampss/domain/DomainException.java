package ca.novascotia.lampss.domain;

import java.util.Objects;

/**
 * A domain rule was broken. Carries a {@link Reason} for the HTTP layer and, for input errors,
 * the offending field; the message is English and meant for logs and developers, not end users.
 */
public class DomainException extends IllegalArgumentException {

    private final Reason reason;
    private final String field;

    public DomainException(Reason reason, String message) {
        this(reason, null, message);
    }

    public DomainException(Reason reason, String field, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The input field at fault, or {@code null} when the error is not about one field. */
    public String field() {
        return field;
    }
}
