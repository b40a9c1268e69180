package ca.novascotia.lampss.domain;

/** Where one contact stands in a recertification campaign. */
public enum ReviewStatus {
    PENDING,
    /** A contact manager confirmed the access as it was. */
    CONFIRMED,
    /** A contact manager changed the profiles, which confirms the new ones. */
    CHANGED,
    DEACTIVATED,
    /** Nobody reviewed them by the due date, and the realm flags such contacts. */
    FLAGGED;

    public boolean reviewed() {
        return this != PENDING && this != FLAGGED;
    }
}
