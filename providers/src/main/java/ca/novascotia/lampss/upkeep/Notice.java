package ca.novascotia.lampss.upkeep;

/**
 * One email the scheduled work found due: its kind, what it is about (an invitation or a campaign),
 * the occasion (which reminder), and whom it goes to. {@code other} is the other person it names (the
 * inviter of a reminder, the invitee of an expiry notice); {@code when} the expiry or due date.
 */
record Notice(String kind, String subjectId, String occasion, String organizationId, Person recipient, Person other,
              long when, long pending, long total) {

    static final String INVITATION_REMINDER = "invitation-reminder";
    static final String INVITATION_EXPIRED = "invitation-expired";
    static final String CAMPAIGN_OPENED = "campaign-opened";
    static final String CAMPAIGN_REMINDER = "campaign-reminder";
}
