package ca.novascotia.lampss.domain;

import java.util.Collection;

/**
 * The rules for a person shared between organizations. A person is one account of the realm: names
 * and email are stored once and every organization that has them as a contact sees the same values,
 * and the account signs in for all of them. So no organization may reach beyond what it owns:
 * <ol>
 *   <li>an email that already has an account attaches that account only if it is a LaMPSS person
 *       (a member of some organization, with no power of its own); staff, administrators, service
 *       accounts and anyone outside LaMPSS are refused without saying which;</li>
 *   <li>names and email change through an organization only when that organization is the person's
 *       only one; otherwise only Operations Support changes them;</li>
 *   <li>LaMPSS turns sign-in off only for people it manages, and turns it back on only where it
 *       turned it off (an identity admin's or a lockout's choice stands);</li>
 *   <li>nobody gives themselves access, Operations Support included.</li>
 * </ol>
 */
public final class SharedPerson {

    private SharedPerson() {
    }

    /**
     * An existing account as these rules see it.
     *
     * @param member      the account has a membership row in some organization of the realm
     * @param otherPower  the account holds something LaMPSS does not give: a realm role beyond the
     *                    default ones, a client role outside the profiles, a group outside the
     *                    organizations, Operations Support, or it is a service account
     */
    public record Account(String userId, boolean member, boolean otherPower) {

        public Account {
            userId = Fields.required("userId", userId, Fields.MAX_ID_LENGTH);
        }

        /** A LaMPSS person: what LaMPSS may attach, enable and disable. */
        public boolean managedByLampss() {
            return member && !otherPower;
        }
    }

    /**
     * Rule 1 (and 4 for a new contact): whether {@code actor} may make {@code account} a contact.
     *
     * @throws DomainException {@link Reason#OWN_MEMBERSHIP} for the actor's own account,
     *                         {@link Reason#EMAIL_CANNOT_BE_USED} for an account LaMPSS does not manage
     */
    public static void requireAttachable(Actor actor, Account account) {
        if (actor.userId().equals(account.userId())) {
            throw new DomainException(Reason.OWN_MEMBERSHIP, "email", "nobody gives themselves access");
        }
        if (!account.managedByLampss()) {
            throw new DomainException(Reason.EMAIL_CANNOT_BE_USED, "email",
                    account.userId() + " is not a LaMPSS person and cannot become a contact");
        }
    }

    /**
     * Rule 2: whether {@code actor}, acting in {@code organizationId}, may change the person's names
     * and email. Who may modify details at all is {@link DelegationPolicy}'s decision, asked first.
     *
     * @param organizationsOfPerson every organization where the person has a membership, in any state
     * @throws DomainException {@link Reason#SHARED_PERSON} when another organization has them too
     */
    public static void requireDetailsChangeable(Actor actor, String organizationId, Collection<String> organizationsOfPerson) {
        if (actor.isOperationsSupport()) {
            return;
        }
        if (organizationsOfPerson.stream().anyMatch(other -> !other.equals(organizationId))) {
            throw new DomainException(Reason.SHARED_PERSON,
                    "the person is a contact of other organizations too; only Operations Support changes their details");
        }
    }

    /** What LaMPSS does to an account's sign-in after a membership changed (rule 3). */
    public enum SignIn { ENABLE, DISABLE, LEAVE }

    /**
     * @param reachable         the person has an active or invited membership left
     * @param enabled           the account is enabled now
     * @param disabledByLampss  LaMPSS is the one that disabled it (and nobody enabled it since)
     */
    public static SignIn signIn(Account account, boolean reachable, boolean enabled, boolean disabledByLampss) {
        if (!account.managedByLampss()) {
            return SignIn.LEAVE;
        }
        if (reachable && !enabled && disabledByLampss) {
            return SignIn.ENABLE;
        }
        return !reachable && enabled ? SignIn.DISABLE : SignIn.LEAVE;
    }
}
