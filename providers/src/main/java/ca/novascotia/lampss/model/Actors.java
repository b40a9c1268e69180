package ca.novascotia.lampss.model;

import ca.novascotia.lampss.domain.Actor;
import ca.novascotia.lampss.domain.SecurityProfile;
import ca.novascotia.lampss.store.MembershipEntity;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/** Loads the person making a request as the delegation policy sees them: one query (the profiles come from Keycloak's user cache). */
public final class Actors {

    private final LampssRealm lampss;
    private final Memberships memberships;

    public Actors(LampssRealm lampss, Memberships memberships) {
        this.lampss = lampss;
        this.memberships = memberships;
    }

    /** Only active memberships count: an invited or deactivated person does not act in that organization. */
    public Actor load(UserModel user) {
        RoleModel operationsSupport = lampss.operationsSupportRole();
        List<MembershipEntity> active = memberships.activeOfUser(user.getId());
        Set<String> organizationIds = new HashSet<>();
        Set<String> primaryOf = new HashSet<>();
        active.forEach(membership -> {
            organizationIds.add(membership.getOrganizationId());
            if (membership.getPrimaryOf() != null) {
                primaryOf.add(membership.getOrganizationId());
            }
        });
        Map<String, Set<SecurityProfile>> profiles = new HashMap<>(ProfileGrants.heldIn(user, organizationIds));
        organizationIds.forEach(id -> profiles.putIfAbsent(id, Set.of()));
        return new Actor(user.getId(), operationsSupport != null && user.hasRole(operationsSupport), profiles, primaryOf);
    }
}
