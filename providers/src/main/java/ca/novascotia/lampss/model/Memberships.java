package ca.novascotia.lampss.model;

import ca.novascotia.lampss.domain.Membership;
import ca.novascotia.lampss.domain.MembershipState;
import ca.novascotia.lampss.domain.SecurityProfile;
import ca.novascotia.lampss.store.MembershipEntity;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.common.util.Time;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Our membership rows: state and primary contact per (organization, person). */
public final class Memberships {

    private final LampssRealm lampss;

    public Memberships(LampssRealm lampss) {
        this.lampss = lampss;
    }

    public Optional<MembershipEntity> find(String organizationId, String userId) {
        return lampss.em().createQuery("select m from MembershipEntity m where m.organizationId = :organization"
                        + " and m.userId = :user", MembershipEntity.class)
                .setParameter("organization", organizationId)
                .setParameter("user", userId)
                .getResultStream().findFirst();
    }

    public Optional<MembershipEntity> primaryOf(String organizationId) {
        return lampss.em().createQuery("select m from MembershipEntity m where m.primaryOf = :organization",
                        MembershipEntity.class)
                .setParameter("organization", organizationId)
                .getResultStream().findFirst();
    }

    /** Every membership of one person in this realm. */
    public List<MembershipEntity> ofUser(String userId) {
        return lampss.em().createQuery("select m from MembershipEntity m where m.userId = :user and m.realmId = :realm",
                        MembershipEntity.class)
                .setParameter("user", userId)
                .setParameter("realm", lampss.realm().getId())
                .getResultList();
    }

    /** The memberships in which the person acts: only active ones (not invited, not deactivated). */
    public List<MembershipEntity> activeOfUser(String userId) {
        return ofUser(userId).stream()
                .filter(membership -> MembershipState.ACTIVE.name().equals(membership.getState()))
                .toList();
    }

    public MembershipEntity add(Membership membership, String actorId) {
        MembershipEntity entity = new MembershipEntity();
        entity.setId(KeycloakModelUtils.generateId());
        entity.setRealmId(lampss.realm().getId());
        entity.setOrganizationId(membership.organizationId());
        entity.setUserId(membership.userId());
        entity.setCreatedAt(Time.currentTimeMillis());
        entity.setCreatedBy(actorId);
        write(entity, membership, actorId);
        lampss.em().persist(entity);
        lampss.em().flush();
        return entity;
    }

    /** Writes the state now, so that a constraint or a concurrent change fails this request, here. */
    public void save(MembershipEntity entity, Membership membership, String actorId) {
        write(entity, membership, actorId);
        lampss.em().flush();
    }

    /** The row goes (its person is deleted): the organization's group no longer lists them either. */
    public void remove(MembershipEntity entity) {
        lampss.em().remove(entity);
        lampss.em().flush();
    }

    /** Profiles an inactive or invited membership keeps aside (see {@link MembershipEntity#getHeldProfiles()}). */
    public static Set<SecurityProfile> heldProfiles(String stored) {
        Set<SecurityProfile> profiles = EnumSet.noneOf(SecurityProfile.class);
        if (stored != null && !stored.isBlank()) {
            Arrays.stream(stored.split(",")).forEach(name -> Known.profile(name).ifPresent(profiles::add));
        }
        return profiles;
    }

    static void holdProfiles(MembershipEntity entity, Set<SecurityProfile> profiles) {
        entity.setHeldProfiles(profiles.isEmpty() ? null
                : profiles.stream().sorted().map(SecurityProfile::roleName).collect(Collectors.joining(",")));
    }

    /** Takes these profiles out of every held list of the organization, e.g. when their module is disabled. */
    public void dropHeld(String organizationId, Set<SecurityProfile> profiles) {
        lampss.em().createQuery("select m from MembershipEntity m where m.organizationId = :organization"
                        + " and m.heldProfiles is not null", MembershipEntity.class)
                .setParameter("organization", organizationId)
                .getResultList()
                .forEach(row -> {
                    Set<SecurityProfile> held = heldProfiles(row.getHeldProfiles());
                    held.removeAll(profiles);
                    holdProfiles(row, held);
                });
    }

    public static Membership toDomain(MembershipEntity entity) {
        return new Membership(entity.getOrganizationId(), entity.getUserId(),
                MembershipState.valueOf(entity.getState()), entity.getPrimaryOf() != null);
    }

    public static List<Membership> toDomain(Collection<MembershipEntity> entities) {
        return entities.stream().map(Memberships::toDomain).toList();
    }

    private void write(MembershipEntity entity, Membership membership, String actorId) {
        entity.setState(membership.state().name());
        entity.setPrimaryOf(membership.primaryContact() ? membership.organizationId() : null);
        entity.setUpdatedAt(Time.currentTimeMillis());
        entity.setUpdatedBy(actorId);
        new ActiveMembers(lampss).mirror(entity);
    }
}
