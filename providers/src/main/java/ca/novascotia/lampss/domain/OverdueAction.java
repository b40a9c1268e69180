package ca.novascotia.lampss.domain;

/** What a campaign's due date does to the contacts nobody reviewed (a realm setting). */
public enum OverdueAction {
    /** They stay as they are; the campaign shows as overdue. */
    NOTHING,
    /** They are flagged for Operations Support and the organization to see (the default). */
    FLAG,
    /** They are deactivated in the organization, the audit row naming the overdue campaign as the reason. */
    DEACTIVATE
}
