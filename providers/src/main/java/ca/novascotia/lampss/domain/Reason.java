package ca.novascotia.lampss.domain;

/**
 * Machine-readable reason why something was refused. The HTTP layer maps {@link #kind()} to a
 * status and the name to a localized message; the names are part of the API and stay stable.
 */
public enum Reason {

    // The caller may not do this (HTTP 403).
    OPERATIONS_SUPPORT_ONLY(Kind.PERMISSION),
    NOT_IN_ORGANIZATION(Kind.PERMISSION),
    ACTION_NOT_PERMITTED(Kind.PERMISSION),
    PROFILE_NOT_DELEGABLE(Kind.PERMISSION),
    OWN_PROFILES(Kind.PERMISSION),
    OWN_MEMBERSHIP(Kind.PERMISSION),
    NOT_PRIMARY_CONTACT(Kind.PERMISSION),
    /** Names and email are shared by every organization of the person: only Operations Support changes them. */
    SHARED_PERSON(Kind.PERMISSION),

    // Allowed in principle, but the current state forbids it (HTTP 409).
    MODULE_NOT_ENABLED(Kind.RULE),
    TARGET_INACTIVE(Kind.RULE),
    TARGET_NOT_ACTIVE(Kind.RULE),
    TARGET_NOT_IN_ORGANIZATION(Kind.RULE),
    PRIMARY_CONTACT_CANNOT_BE_DEACTIVATED(Kind.RULE),
    ALREADY_PRIMARY_CONTACT(Kind.RULE),
    NO_PRIMARY_CONTACT(Kind.RULE),
    SEVERAL_PRIMARY_CONTACTS(Kind.RULE),
    ALREADY_A_CONTACT(Kind.RULE),
    INVALID_STATE_TRANSITION(Kind.RULE),
    /** A request names a profile the organization's own administrators give: they give it, nobody asks. */
    PROFILE_NOT_REQUESTABLE(Kind.RULE),
    PROFILE_ALREADY_HELD(Kind.RULE),
    /** One open request per person, profile and organization. */
    REQUEST_ALREADY_OPEN(Kind.RULE),
    REQUEST_ALREADY_DECIDED(Kind.RULE),
    CAMPAIGN_ALREADY_OPEN(Kind.RULE),
    CAMPAIGN_NOT_OPEN(Kind.RULE),
    /** The contact was not active when the campaign opened, so it does not review them. */
    NOT_UNDER_REVIEW(Kind.RULE),
    /** Sign-off waits until every contact but the signer was reviewed. */
    REVIEW_INCOMPLETE(Kind.RULE),
    /** The email belongs to an account LaMPSS does not manage (staff, administrators, services, outsiders). */
    EMAIL_CANNOT_BE_USED(Kind.RULE),
    /** Another account already has this email address (or username). */
    EMAIL_IN_USE(Kind.RULE),
    /** Too many invitation emails to one person for one organization in the last hour. */
    TOO_MANY_INVITATIONS(Kind.RATE),

    // The request itself is malformed (HTTP 400).
    UNKNOWN_MODULE(Kind.INPUT),
    UNKNOWN_PROFILE(Kind.INPUT),
    REQUIRED_FIELD_MISSING(Kind.INPUT),
    FIELD_TOO_LONG(Kind.INPUT),
    INVALID_EMAIL(Kind.INPUT),
    /** Control or bidirectional-override characters, which could make text display as something else. */
    INVALID_CHARACTERS(Kind.INPUT),
    /** A campaign's new due date must be in the future and later than the current one. */
    INVALID_DUE_DATE(Kind.INPUT);

    /** Which family a reason belongs to, so an HTTP layer needs no list of every reason. */
    public enum Kind { PERMISSION, RULE, INPUT, RATE }

    private final Kind kind;

    Reason(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
