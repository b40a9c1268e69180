package ca.novascotia.lampss.model;

import ca.novascotia.lampss.domain.MembershipState;
import ca.novascotia.lampss.domain.Organization;
import ca.novascotia.lampss.domain.SecurityProfile;
import ca.novascotia.lampss.store.MembershipEntity;
import java.util.EnumSet;
import java.util.Set;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/**
 * Where a member's profiles live. An active member holds them as Keycloak group memberships, so they
 * are client roles in the member's tokens; an invited member's profiles wait in the membership row
 * until acceptance, and a deactivated member's are put aside there until reactivation. So only
 * active memberships ever contribute to {@code resource_access}.
 */
public final class MemberProfiles {

    private final ProfileGrants grants;

    public MemberProfiles(ProfileGrants grants) {
        this.grants = grants;
    }

    /** What the member holds here: in tokens when active, pending when invited, nothing when inactive. */
    public Set<SecurityProfile> of(MembershipEntity row) {
        return switch (state(row)) {
            case ACTIVE -> grants.held(row.getUserId(), row.getOrganizationId());
            case INVITED -> Memberships.heldProfiles(row.getHeldProfiles());
            case INACTIVE -> EnumSet.noneOf(SecurityProfile.class);
        };
    }

    public void give(MembershipEntity row, UserModel user, GroupModel organization, SecurityProfile profile) {
        if (state(row) == MembershipState.ACTIVE) {
            grants.grant(user, organization, profile);
        } else {
            Set<SecurityProfile> held = Memberships.heldProfiles(row.getHeldProfiles());
            held.add(profile);
            Memberships.holdProfiles(row, held);
        }
    }

    public void take(MembershipEntity row, UserModel user, GroupModel organization, SecurityProfile profile) {
        if (state(row) == MembershipState.ACTIVE) {
            grants.revoke(user, organization, profile);
        } else {
            Set<SecurityProfile> held = Memberships.heldProfiles(row.getHeldProfiles());
            held.remove(profile);
            Memberships.holdProfiles(row, held);
        }
    }

    /** Before the membership leaves the active state: its profiles leave the tokens and wait in the row. */
    public void putAside(MembershipEntity row, UserModel user, GroupModel organization) {
        if (state(row) == MembershipState.ACTIVE) {
            Set<SecurityProfile> held = grants.held(row.getUserId(), row.getOrganizationId());
            held.forEach(profile -> grants.revoke(user, organization, profile));
            Memberships.holdProfiles(row, held);
        }
    }

    /** Takes profiles out of those set aside, so that a reactivation does not give them back. */
    public void dropAside(MembershipEntity row, Set<SecurityProfile> profiles) {
        if (!profiles.isEmpty()) {
            Set<SecurityProfile> held = Memberships.heldProfiles(row.getHeldProfiles());
            held.removeAll(profiles);
            Memberships.holdProfiles(row, held);
        }
    }

    /** After the membership became active: the waiting profiles the organization still offers become roles. */
    public void bringBack(MembershipEntity row, UserModel user, GroupModel organization, Organization offered) {
        Set<SecurityProfile> held = Memberships.heldProfiles(row.getHeldProfiles());
        held.stream().filter(offered::offers).forEach(profile -> grants.grant(user, organization, profile));
        row.setHeldProfiles(null);
    }

    private static MembershipState state(MembershipEntity row) {
        return MembershipState.valueOf(row.getState());
    }
}
