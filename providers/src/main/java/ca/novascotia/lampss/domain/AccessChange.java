package ca.novascotia.lampss.domain;

/**
 * The kinds of change the audit trail records (rule 7: "every access change is recorded: who,
 * what, when, in which organization"). Names are stored and exported; they stay stable.
 */
public enum AccessChange {

    ORGANIZATION_CREATED(Kind.CREATE),
    ORGANIZATION_UPDATED(Kind.UPDATE),
    MODULES_CHANGED(Kind.UPDATE),
    CONTACT_ADDED(Kind.CREATE),
    INVITATION_ACCEPTED(Kind.UPDATE),
    INVITATION_SENT(Kind.ACTION),
    INVITATION_REVOKED(Kind.UPDATE),
    CONTACT_UPDATED(Kind.UPDATE),
    CONTACT_DEACTIVATED(Kind.UPDATE),
    CONTACT_REACTIVATED(Kind.UPDATE),
    PRIMARY_CONTACT_TRANSFERRED(Kind.ACTION),
    /** The person's account was deleted (by an identity admin): the membership row is gone with it. */
    CONTACT_REMOVED(Kind.ACTION),
    /**
     * The drift repair put Keycloak's groups back as LaMPSS's records have them, where the change that
     * made them differ is one LaMPSS refuses (e.g. a group member who is no active contact).
     */
    DRIFT_REPAIRED(Kind.ACTION),
    /** A contact manager asked Operations Support for a profile only it gives. */
    REQUEST_MADE(Kind.CREATE),
    REQUEST_APPROVED(Kind.UPDATE),
    REQUEST_REFUSED(Kind.UPDATE),
    /** Ended without a decision: the person was deactivated in the organization. */
    REQUEST_CLOSED(Kind.UPDATE),
    CAMPAIGN_OPENED(Kind.CREATE),
    /** A contact manager confirmed, changed or deactivated one contact's access in a campaign. */
    ACCESS_REVIEWED(Kind.ACTION),
    CAMPAIGN_SIGNED_OFF(Kind.UPDATE),
    CAMPAIGN_EXTENDED(Kind.UPDATE),
    /** The due date passed: what the realm's setting did to the contacts nobody reviewed. */
    CAMPAIGN_OVERDUE(Kind.ACTION);

    /** Whether something came into being, was changed, or a role moved between people. */
    public enum Kind { CREATE, UPDATE, ACTION }

    private final Kind kind;

    AccessChange(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
