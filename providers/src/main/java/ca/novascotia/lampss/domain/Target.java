package ca.novascotia.lampss.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What an action is about: the organization, the person's membership in it, and the profile.
 * The membership is the target's membership in that same organization, as the model layer loaded
 * it; an id of another organization is the model layer's "not found", never a target.
 */
public record Target(Organization organization, Membership member, SecurityProfile profile) {

    private static final Target NONE = new Target(null, null, null);

    public Target {
        if (organization == null && (member != null || profile != null)) {
            throw new IllegalArgumentException("a member or a profile is always in an organization");
        }
        if (member != null && !member.belongsTo(organization.id())) {
            throw new IllegalArgumentException(member + " is not a membership of " + organization.id());
        }
    }

    /** For realm-wide actions: creating and searching organizations. */
    public static Target none() {
        return NONE;
    }

    public static Target of(Organization organization) {
        return new Target(Objects.requireNonNull(organization), null, null);
    }

    public static Target of(Organization organization, Membership member) {
        return new Target(Objects.requireNonNull(organization), Objects.requireNonNull(member), null);
    }

    public static Target of(Organization organization, Membership member, SecurityProfile profile) {
        return new Target(Objects.requireNonNull(organization), Objects.requireNonNull(member), Objects.requireNonNull(profile));
    }

    /** A profile chosen for a contact being added, who has no membership yet. */
    public static Target newContact(Organization organization, SecurityProfile profile) {
        return new Target(Objects.requireNonNull(organization), null, Objects.requireNonNull(profile));
    }

    public Optional<Organization> organizationIfAny() {
        return Optional.ofNullable(organization);
    }

    public Optional<Membership> memberIfAny() {
        return Optional.ofNullable(member);
    }

    /** @throws IllegalArgumentException if the action needs something this target lacks: a caller bug */
    void requireSuitedTo(Action action) {
        boolean suited = switch (action.needs()) {
            case NOTHING -> true;
            case ORGANIZATION -> organization != null;
            case MEMBER -> member != null;
            case PROFILE -> profile != null;
            case MEMBER_AND_PROFILE -> member != null && profile != null;
        };
        if (!suited) {
            throw new IllegalArgumentException(action + " needs a target with " + action.needs() + ", got " + this);
        }
    }
}
