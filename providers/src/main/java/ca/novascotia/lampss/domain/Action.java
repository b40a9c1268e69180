package ca.novascotia.lampss.domain;

/**
 * Everything the REST API lets someone do, each naming what its {@link Target} must contain.
 * Adding a contact with profiles is {@link #ADD_CONTACT} followed by one {@link #GRANT_PROFILE}
 * per profile for {@link Target#newContact the new contact}.
 */
public enum Action {

    CREATE_ORGANIZATION(Needs.NOTHING, true),
    SEARCH_ORGANIZATIONS(Needs.NOTHING, true),
    CHANGE_MODULES(Needs.ORGANIZATION, true),
    VIEW_ORGANIZATION(Needs.ORGANIZATION, false),
    UPDATE_ORGANIZATION_INFO(Needs.ORGANIZATION, false),
    LIST_CONTACTS(Needs.ORGANIZATION, false),
    ADD_CONTACT(Needs.ORGANIZATION, false),
    VIEW_CONTACT(Needs.MEMBER, false),
    MODIFY_CONTACT_DETAILS(Needs.MEMBER, false),
    /** The target member may be absent: a profile given to a contact being added. */
    GRANT_PROFILE(Needs.PROFILE, false),
    REVOKE_PROFILE(Needs.MEMBER_AND_PROFILE, false),
    DEACTIVATE(Needs.MEMBER, false),
    REACTIVATE(Needs.MEMBER, false),
    /** The target member is the proposed new primary contact. */
    TRANSFER_PRIMARY_CONTACT(Needs.MEMBER, false),
    VIEW_AUDIT(Needs.ORGANIZATION, false),
    EXPORT_ACCESS_REVIEW(Needs.ORGANIZATION, false),
    /** Ask Operations Support for a profile only it gives, for a contact of the organization. */
    REQUEST_PROFILE(Needs.MEMBER_AND_PROFILE, false),
    LIST_REQUESTS(Needs.ORGANIZATION, false),
    /** Approve or refuse requests, across organizations. */
    DECIDE_REQUESTS(Needs.NOTHING, true),
    /** See the organization's recertification campaign and its contacts, and sign it off. */
    REVIEW_ACCESS(Needs.ORGANIZATION, false),
    /** Confirm a contact's access as it is, in a campaign (changes go through the other actions). */
    CONFIRM_ACCESS(Needs.MEMBER, false),
    /** Every organization's campaigns: the overview, opening one, extending a due date. */
    MANAGE_CAMPAIGNS(Needs.NOTHING, true);

    /** What a target must contain for the action to make sense. */
    public enum Needs { NOTHING, ORGANIZATION, MEMBER, PROFILE, MEMBER_AND_PROFILE }

    private final Needs needs;
    private final boolean operationsSupportOnly;

    Action(Needs needs, boolean operationsSupportOnly) {
        this.needs = needs;
        this.operationsSupportOnly = operationsSupportOnly;
    }

    public Needs needs() {
        return needs;
    }

    /** Realm-wide actions, whatever profiles the caller holds in any organization. */
    public boolean isOperationsSupportOnly() {
        return operationsSupportOnly;
    }
}
