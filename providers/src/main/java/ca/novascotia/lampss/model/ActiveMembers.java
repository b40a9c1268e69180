package ca.novascotia.lampss.model;

import ca.novascotia.lampss.domain.MembershipState;
import ca.novascotia.lampss.store.MembershipEntity;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/**
 * Keycloak's own view of a membership row, kept in step with it in the same transaction: the
 * organization's group has the active members as its members, and its attribute
 * {@value Organizations#PRIMARY_CONTACT} holds the primary contact's user id.
 *
 * <p>Our row stays the record (state, held profiles, who changed what). The mirror is what token
 * claims read: Keycloak caches users' groups and groups' attributes on every node and invalidates
 * them across the cluster when they change, so the claim costs no query and is still fresh on the
 * next token. Identity admins also see an organization's active people in the group's Members tab.
 */
public final class ActiveMembers {

    private final LampssRealm lampss;

    public ActiveMembers(LampssRealm lampss) {
        this.lampss = lampss;
    }

    /** Writes what the row says; touches Keycloak (and so its caches) only where the two differ. */
    public void mirror(MembershipEntity row) {
        GroupModel organization = lampss.session().groups().getGroupById(lampss.realm(), row.getOrganizationId());
        UserModel user = lampss.session().users().getUserById(lampss.realm(), row.getUserId());
        if (organization == null || user == null) {
            return;
        }
        boolean active = MembershipState.ACTIVE.name().equals(row.getState());
        boolean member = isMember(user, organization);
        if (active && !member) {
            user.joinGroup(organization);
        } else if (!active && member) {
            user.leaveGroup(organization);
        }
        String primary = organization.getFirstAttribute(Organizations.PRIMARY_CONTACT);
        if (row.getPrimaryOf() != null && !user.getId().equals(primary)) {
            organization.setSingleAttribute(Organizations.PRIMARY_CONTACT, user.getId());
        } else if (row.getPrimaryOf() == null && user.getId().equals(primary)) {
            organization.removeAttribute(Organizations.PRIMARY_CONTACT);
        }
    }

    /** Direct membership ({@link UserModel#isMemberOf} also counts a subgroup's members as the parent's). */
    public static boolean isMember(UserModel user, GroupModel group) {
        return user.getGroupsStream().anyMatch(joined -> joined.getId().equals(group.getId()));
    }
}
