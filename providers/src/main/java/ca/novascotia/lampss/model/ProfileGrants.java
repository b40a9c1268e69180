package ca.novascotia.lampss.model;

import ca.novascotia.lampss.domain.SecurityProfile;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * A profile held in an organization is membership of that organization's subgroup named after the
 * profile, which carries the client-role mapping. So the role shows in {@code resource_access} like
 * any Keycloak role, the group says which organization it is for, and both survive a realm export.
 * Subgroups are created the first time someone in the organization receives the profile.
 */
public final class ProfileGrants {

    private final LampssRealm lampss;

    public ProfileGrants(LampssRealm lampss) {
        this.lampss = lampss;
    }

    public void grant(UserModel user, GroupModel organization, SecurityProfile profile) {
        user.joinGroup(profileGroup(organization, profile).orElseGet(() -> createProfileGroup(organization, profile)));
    }

    public void revoke(UserModel user, GroupModel organization, SecurityProfile profile) {
        profileGroup(organization, profile).ifPresent(user::leaveGroup);
    }

    /** Takes the profile from everyone in the organization, e.g. when its module is disabled. */
    public void revokeFromAll(GroupModel organization, SecurityProfile profile) {
        profileGroup(organization, profile).ifPresent(group -> lampss.realm().removeGroup(group));
    }

    public Set<SecurityProfile> held(String userId, String organizationId) {
        return heldBy(organizationId, Set.of(userId)).getOrDefault(userId, EnumSet.noneOf(SecurityProfile.class));
    }

    /** The profiles each of these people holds in the organization, in one query. */
    public Map<String, Set<SecurityProfile>> heldBy(String organizationId, Collection<String> userIds) {
        Map<String, Set<SecurityProfile>> result = new HashMap<>();
        if (userIds.isEmpty()) {
            return result;
        }
        lampss.em().createQuery("select m.user.id, g.name from UserGroupMembershipEntity m, GroupEntity g"
                        + " where g.id = m.groupId and g.parentId = :organization and m.user.id in :users", Object[].class)
                .setParameter("organization", organizationId)
                .setParameter("users", userIds)
                .getResultList()
                .forEach(row -> Known.profile((String) row[1]).ifPresent(profile -> result
                        .computeIfAbsent((String) row[0], id -> EnumSet.noneOf(SecurityProfile.class)).add(profile)));
        return result;
    }

    /**
     * The profiles one person holds in each of these organizations, read from their cached group
     * memberships: no query once Keycloak's user cache holds them (the token endpoint and role checks
     * load them), and Keycloak invalidates that cache across the cluster on every change.
     */
    public static Map<String, Set<SecurityProfile>> heldIn(UserModel user, Collection<String> organizationIds) {
        Map<String, Set<SecurityProfile>> result = new HashMap<>();
        user.getGroupsStream()
                .filter(group -> organizationIds.contains(group.getParentId()))
                .forEach(group -> Known.profile(group.getName()).ifPresent(profile -> result
                        .computeIfAbsent(group.getParentId(), id -> EnumSet.noneOf(SecurityProfile.class)).add(profile)));
        return result;
    }

    private Optional<GroupModel> profileGroup(GroupModel organization, SecurityProfile profile) {
        return organization.getSubGroupsStream(profile.roleName(), true, 0, 1).findFirst();
    }

    private GroupModel createProfileGroup(GroupModel organization, SecurityProfile profile) {
        RoleModel role = lampss.profilesClient().getRole(profile.roleName());
        if (role == null) {
            throw new LampssRealm.NotConfiguredException("role " + profile.roleName() + " of client "
                    + lampss.profilesClient().getClientId());
        }
        GroupModel group = lampss.realm().createGroup(profile.roleName(), organization);
        group.grantRole(role);
        return group;
    }
}
