package ca.novascotia.lampss.domain;

import ca.novascotia.lampss.domain.MembershipState.Transition;

/**
 * One person's place in one organization: their state there and whether they are its primary
 * contact. Immutable; every change returns a new value that the model layer stores.
 *
 * <p>A primary contact is never {@link MembershipState#INACTIVE}: the guide keeps one reachable
 * person per organization, so the role must be transferred first ({@link PrimaryContact}).
 */
public record Membership(String organizationId, String userId, MembershipState state, boolean primaryContact) {

    public Membership {
        organizationId = Fields.required("organizationId", organizationId, Fields.MAX_ID_LENGTH);
        userId = Fields.required("userId", userId, Fields.MAX_ID_LENGTH);
        if (state == null) {
            throw new IllegalArgumentException("state is required");
        }
        if (primaryContact && state == MembershipState.INACTIVE) {
            throw new DomainException(Reason.PRIMARY_CONTACT_CANNOT_BE_DEACTIVATED,
                    "the primary contact of " + organizationId + " cannot be inactive");
        }
    }

    /** A person just added to an organization: invited until they link their My NS Account. */
    public static Membership invited(String organizationId, String userId) {
        return new Membership(organizationId, userId, MembershipState.INVITED, false);
    }

    public boolean isActive() {
        return state == MembershipState.ACTIVE;
    }

    public boolean belongsTo(String otherOrganizationId) {
        return organizationId.equals(otherOrganizationId);
    }

    public Membership accept() {
        return apply(Transition.ACCEPT);
    }

    /** @throws DomainException if this is the primary contact, or already inactive */
    public Membership deactivate() {
        if (primaryContact) {
            throw new DomainException(Reason.PRIMARY_CONTACT_CANNOT_BE_DEACTIVATED,
                    "transfer the primary contact role of " + organizationId + " before deactivating " + userId);
        }
        return apply(Transition.DEACTIVATE);
    }

    /**
     * "Active" ticked again: active for someone who once accepted an invitation here, invited again
     * for someone who never did (rule 5: a contact never becomes active without accepting).
     */
    public Membership reactivate(boolean everAccepted) {
        return apply(everAccepted ? Transition.REACTIVATE : Transition.REINVITE);
    }

    /** @throws DomainException {@link Reason#INVALID_STATE_TRANSITION} if the state does not allow it */
    public Membership apply(Transition transition) {
        if (!state.allows(transition)) {
            throw new DomainException(Reason.INVALID_STATE_TRANSITION,
                    "cannot " + transition + " a membership that is " + state);
        }
        return new Membership(organizationId, userId, transition.target(), primaryContact);
    }

    /** Only {@link PrimaryContact} moves the role, so that the one-per-organization rule holds. */
    Membership withPrimaryContact(boolean primary) {
        return new Membership(organizationId, userId, state, primary);
    }
}
