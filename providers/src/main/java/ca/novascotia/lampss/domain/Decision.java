package ca.novascotia.lampss.domain;

import java.util.Objects;
import java.util.Optional;

/** The policy's answer: allowed, or denied for one {@link Reason}. */
public final class Decision {

    private static final Decision ALLOWED = new Decision(null);

    private final Reason reason;

    private Decision(Reason reason) {
        this.reason = reason;
    }

    public static Decision allow() {
        return ALLOWED;
    }

    public static Decision deny(Reason reason) {
        return new Decision(Objects.requireNonNull(reason, "reason"));
    }

    public boolean isAllowed() {
        return reason == null;
    }

    /** Why it was denied; empty when allowed. */
    public Optional<Reason> reason() {
        return Optional.ofNullable(reason);
    }

    /** For callers that turn a denial into an error response. */
    public void orThrow() {
        if (reason != null) {
            throw new DomainException(reason, "denied: " + reason);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Decision decision && Objects.equals(reason, decision.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(reason);
    }

    @Override
    public String toString() {
        return reason == null ? "ALLOWED" : "DENIED(" + reason + ")";
    }
}
