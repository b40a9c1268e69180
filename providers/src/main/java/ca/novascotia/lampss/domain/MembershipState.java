package ca.novascotia.lampss.domain;

/**
 * Where a person stands in one organization. The state is per organization: deactivating someone in
 * one organization leaves their other organizations untouched.
 *
 * <p>The invitation feature adds {@code EXPIRED} (an invitation not accepted within 30 days); it
 * only needs a constant here and its transitions in {@link Transition}.
 */
public enum MembershipState {

    /** Added by an administrator; has not yet linked a My NS Account identity. */
    INVITED,
    /** Signs in and holds the organization's profiles. */
    ACTIVE,
    /** "Active" cleared: hidden from the default contact list, cannot act in the organization. */
    INACTIVE;

    /** Whether a profile may be given to someone in this state; an inactive person must be reactivated first. */
    public boolean canReceiveProfiles() {
        return this == INVITED || this == ACTIVE;
    }

    public boolean allows(Transition transition) {
        return transition.isAllowedFrom(this);
    }

    /** The changes of state a membership goes through. */
    public enum Transition {

        /** The invited person signed in with My NS Account through the invitation link. */
        ACCEPT(ACTIVE, INVITED),
        /** "Active" cleared and saved; an invitation not yet accepted can be withdrawn the same way. */
        DEACTIVATE(INACTIVE, INVITED, ACTIVE),
        /** "Active" ticked again, for someone who had accepted their invitation. */
        REACTIVATE(ACTIVE, INACTIVE),
        /**
         * "Active" ticked again for someone who never accepted: they are invited again, with a new
         * invitation, since only accepting one links a My NS Account identity to the account.
         */
        REINVITE(INVITED, INACTIVE);

        private final MembershipState target;
        private final MembershipState[] sources;

        Transition(MembershipState target, MembershipState... sources) {
            this.target = target;
            this.sources = sources;
        }

        public MembershipState target() {
            return target;
        }

        boolean isAllowedFrom(MembershipState state) {
            for (MembershipState source : sources) {
                if (source == state) {
                    return true;
                }
            }
            return false;
        }
    }
}
