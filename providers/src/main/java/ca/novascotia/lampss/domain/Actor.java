package ca.novascotia.lampss.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The person making a request, as the policy needs to see them.
 *
 * <p>{@code profilesByOrganization} holds the organizations where the person's membership is
 * {@link MembershipState#ACTIVE}, and the profiles they hold there (possibly none). The model layer
 * must leave out invited and inactive memberships: someone deactivated in an organization no longer
 * acts in it, even though they still sign in for their other organizations.
 */
public record Actor(String userId, boolean operationsSupport,
                    Map<String, Set<SecurityProfile>> profilesByOrganization,
                    Set<String> primaryContactOf) {

    public Actor {
        userId = Fields.required("userId", userId, Fields.MAX_ID_LENGTH);
        profilesByOrganization = copy(profilesByOrganization);
        primaryContactOf = Set.copyOf(primaryContactOf);
        if (!profilesByOrganization.keySet().containsAll(primaryContactOf)) {
            throw new IllegalArgumentException("a primary contact is an active member of the organization");
        }
    }

    /** Provincial staff holding the realm's Operations Support role. */
    public static Actor operationsSupport(String userId) {
        return new Actor(userId, true, Map.of(), Set.of());
    }

    /** An organization user with no active membership yet; add them with {@link #withProfiles}. */
    public static Actor member(String userId) {
        return new Actor(userId, false, Map.of(), Set.of());
    }

    /** This actor, actively a member of {@code organizationId} and holding exactly {@code profiles} there. */
    public Actor withProfiles(String organizationId, Collection<SecurityProfile> profiles) {
        Map<String, Set<SecurityProfile>> changed = new HashMap<>(profilesByOrganization);
        changed.put(organizationId, profiles.isEmpty() ? Set.of() : EnumSet.copyOf(profiles));
        return new Actor(userId, operationsSupport, changed, primaryContactOf);
    }

    public Actor withProfiles(String organizationId, SecurityProfile... profiles) {
        return withProfiles(organizationId, Set.of(profiles));
    }

    /** This actor as the primary contact of {@code organizationId}, where they must be a member. */
    public Actor asPrimaryContactOf(String organizationId) {
        Set<String> changed = new HashSet<>(primaryContactOf);
        changed.add(organizationId);
        return new Actor(userId, operationsSupport, profilesByOrganization, changed);
    }

    public boolean isOperationsSupport() {
        return operationsSupport;
    }

    public boolean isMemberOf(String organizationId) {
        return profilesByOrganization.containsKey(organizationId);
    }

    public boolean isPrimaryContactOf(String organizationId) {
        return primaryContactOf.contains(organizationId);
    }

    /** Profiles held in that organization; none where the actor is not an active member. */
    public Set<SecurityProfile> profilesIn(String organizationId) {
        return profilesByOrganization.getOrDefault(organizationId, Set.of());
    }

    public boolean isSelf(Membership membership) {
        return membership != null && membership.userId().equals(userId);
    }

    private static Map<String, Set<SecurityProfile>> copy(Map<String, Set<SecurityProfile>> source) {
        Map<String, Set<SecurityProfile>> copy = new HashMap<>();
        source.forEach((organizationId, profiles) -> copy.put(organizationId, Set.copyOf(profiles)));
        return Map.copyOf(copy);
    }
}
