package ca.novascotia.lampss.claims;

import ca.novascotia.lampss.claims.OrganizationClaim.ActiveMembership;
import ca.novascotia.lampss.claims.OrganizationClaim.Names;
import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.model.Organizations;
import ca.novascotia.lampss.model.ProfileGrants;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/**
 * Reads what the claim needs from Keycloak's user and realm caches, without a database query once
 * they are warm (the token endpoint warms the person's groups to compute {@code resource_access}):
 * the organization groups the person is a member of (the active memberships, mirrored from our rows
 * by {@code ActiveMembers}), their names and primary-contact attribute, and the person's profile
 * subgroups in them. Keycloak invalidates those caches on every node when they change, so a
 * refreshed token shows today's memberships and profiles.
 */
final class OrganizationClaimSource {

    private final LampssSettings settings;

    OrganizationClaimSource(LampssSettings settings) {
        this.settings = settings;
    }

    Map<String, Object> load(UserModel user, Set<String> selected, boolean compact) {
        Map<String, GroupModel> organizations = new HashMap<>();
        user.getGroupsStream()
                .filter(group -> selected.isEmpty() || selected.contains(group.getId()))
                .filter(group -> isOrganizationsRoot(group.getParent()))
                .forEach(group -> organizations.put(group.getId(), group));
        if (organizations.isEmpty()) {
            return Map.of();
        }
        List<ActiveMembership> active = organizations.values().stream()
                .map(group -> new ActiveMembership(group.getId(),
                        user.getId().equals(group.getFirstAttribute(Organizations.PRIMARY_CONTACT))))
                .toList();
        Map<String, Names> names = new HashMap<>();
        organizations.forEach((id, group) -> names.put(id, names(group)));
        return OrganizationClaim.build(active, ProfileGrants.heldIn(user, organizations.keySet()), names, selected, compact);
    }

    /** The root of the organizations: a top-level realm group (not one of Keycloak's own organizations). */
    private boolean isOrganizationsRoot(GroupModel group) {
        return group != null && group.getParentId() == null && group.getType() == GroupModel.Type.REALM
                && settings.organizationsGroup().equals(group.getName());
    }

    /** The group name stands in for a missing attribute, as in the API. */
    private static Names names(GroupModel organization) {
        String groupName = organization.getName();
        return new Names(attribute(organization, Organizations.NAME_EN, groupName),
                attribute(organization, Organizations.NAME_FR, groupName),
                attribute(organization, Organizations.EXTERNAL_NUMBER, groupName));
    }

    private static String attribute(GroupModel group, String name, String fallback) {
        String value = group.getFirstAttribute(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
