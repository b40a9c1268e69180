package ca.novascotia.lampss.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * One organization's recertification campaign: opened, due, signed off. Its state is read from the
 * dates, so it is the same on every node and needs no job to move it along.
 */
public record Campaign(Instant openedAt, Instant dueAt, Instant signedOffAt) {

    public enum State {
        OPEN,
        /** Within the first reminder's reach of the due date. */
        DUE_SOON,
        OVERDUE,
        DONE
    }

    public static Campaign open(Instant now, Recertification policy) {
        return new Campaign(now, policy.openFor().after(now), null);
    }

    public State state(Instant now, Recertification policy) {
        if (signedOffAt != null) {
            return State.DONE;
        }
        if (!now.isBefore(dueAt)) {
            return State.OVERDUE;
        }
        Optional<Interval> soon = policy.dueSoon();
        return soon.isPresent() && !now.isBefore(soon.get().before(dueAt)) ? State.DUE_SOON : State.OPEN;
    }

    public boolean isOpen() {
        return signedOffAt == null;
    }

    /** @throws DomainException {@link Reason#CAMPAIGN_NOT_OPEN} once signed off */
    public void requireOpen() {
        if (!isOpen()) {
            throw new DomainException(Reason.CAMPAIGN_NOT_OPEN, "the campaign was signed off");
        }
    }

    /** Operations Support gives more time: a new due date in the future, later than the current one. */
    public Campaign extend(Instant newDue, Instant now) {
        requireOpen();
        if (!newDue.isAfter(now) || !newDue.isAfter(dueAt)) {
            throw new DomainException(Reason.INVALID_DUE_DATE, "dueAt", "the new due date must be in the future and after " + dueAt);
        }
        return new Campaign(openedAt, newDue, null);
    }

    /**
     * Signing off closes the campaign once every contact but the signer was reviewed (the signer's own
     * access is what the sign-off confirms).
     *
     * @param pendingOthers contacts other than the signer not reviewed yet (pending or flagged)
     */
    public Campaign signOff(long pendingOthers, Instant now) {
        requireOpen();
        if (pendingOthers > 0) {
            throw new DomainException(Reason.REVIEW_INCOMPLETE, pendingOthers + " contact(s) still to review");
        }
        return new Campaign(openedAt, dueAt, now);
    }

    /** Whether the organization is due a new campaign: never had one, or its last opened a period ago. */
    public static boolean due(Optional<Instant> lastOpened, Instant now, Recertification policy) {
        return policy.period().isPresent()
                && lastOpened.map(opened -> !now.isBefore(policy.period().get().after(opened))).orElse(true);
    }
}
