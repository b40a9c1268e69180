package ca.novascotia.lampss.invitation;

import ca.novascotia.lampss.domain.Invitation;
import ca.novascotia.lampss.store.InvitationEntity;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Stored invitations: one pending per person and organization; a new one supersedes the old. */
public final class Invitations {

    /** Realm attribute naming the identity provider invited people sign in with (default {@value #DEFAULT_IDP}). */
    public static final String IDP_ATTRIBUTE = "lampss.identityProvider";
    public static final String DEFAULT_IDP = "mynsaccount";
    /** Message key of the page for a link that names no stored invitation of this realm. */
    public static final String INVALID = "lampssInvitationInvalid";

    /** Realm attribute: the invitation lifetime as an ISO-8601 duration (default P30D). */
    public static final String LIFETIME_ATTRIBUTE = "lampss.invitationLifetime";

    private final KeycloakSession session;
    private final RealmModel realm;

    public Invitations(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The alias of the identity provider invited people sign in with. */
    public static String identityProvider(RealmModel realm) {
        String configured = realm.getAttribute(IDP_ATTRIBUTE);
        return configured == null ? DEFAULT_IDP : configured;
    }

    /**
     * The message key of the page that refuses this stored invitation now (e.g.
     * {@code lampssInvitationExpired}), or empty when it can be used. Asked when the link is opened
     * and again when the person comes back from My NS Account.
     */
    public static Optional<String> refusal(Optional<InvitationEntity> stored) {
        if (stored.isEmpty()) {
            return Optional.of(INVALID);
        }
        return toDomain(stored.get()).refusal(Instant.now()).map(state -> {
            String name = state.name().toLowerCase(Locale.ROOT);
            return "lampssInvitation" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        });
    }

    public Duration lifetime() {
        return Invitation.lifetime(realm.getAttribute(LIFETIME_ATTRIBUTE));
    }

    public InvitationEntity issue(String organizationId, String userId, String inviterId) {
        supersedePending(organizationId, userId);
        long now = Time.currentTimeMillis();
        InvitationEntity entity = new InvitationEntity();
        entity.setId(KeycloakModelUtils.generateId());
        entity.setRealmId(realm.getId());
        entity.setOrganizationId(organizationId);
        entity.setUserId(userId);
        entity.setState(Invitation.State.PENDING.name());
        entity.setCreatedAt(now);
        entity.setCreatedBy(inviterId);
        entity.setExpiresAt(now + lifetime().toMillis());
        em().persist(entity);
        em().flush();
        return entity;
    }

    public Optional<InvitationEntity> find(String id) {
        return Optional.ofNullable(id == null ? null : em().find(InvitationEntity.class, id))
                .filter(invitation -> invitation.getRealmId().equals(realm.getId()));
    }

    public void end(InvitationEntity entity, Invitation.State state) {
        entity.setState(state.name());
        entity.setEndedAt(Time.currentTimeMillis());
        em().flush();
    }

    /** When this person's invitations to this organization were sent since {@code since} (epoch ms). */
    public java.util.List<Instant> sentSince(String organizationId, String userId, long since) {
        return em().createQuery("select i.createdAt from InvitationEntity i where i.userId = :user"
                        + " and i.organizationId = :organization and i.createdAt > :since", Long.class)
                .setParameter("user", userId)
                .setParameter("organization", organizationId)
                .setParameter("since", since)
                .getResultStream().map(Instant::ofEpochMilli).toList();
    }

    /** Ends every invitation of this person still waiting, in every organization (their address changed). */
    public void supersedeAllOf(String userId) {
        em().createQuery("select i from InvitationEntity i where i.userId = :user and i.realmId = :realm"
                        + " and i.state in ('PENDING', 'EXPIRED')", InvitationEntity.class)
                .setParameter("user", userId)
                .setParameter("realm", realm.getId())
                .getResultList()
                .forEach(old -> end(old, Invitation.State.SUPERSEDED));
    }

    /** The pending one of this person in this organization, if any (expired or not). */
    public Optional<InvitationEntity> pending(String organizationId, String userId) {
        return em().createQuery("select i from InvitationEntity i where i.organizationId = :organization and i.userId = :user"
                        + " and i.state = :pending", InvitationEntity.class)
                .setParameter("organization", organizationId)
                .setParameter("user", userId)
                .setParameter("pending", Invitation.State.PENDING.name())
                .getResultStream().findFirst();
    }

    /**
     * An organization's invitations still waiting (pending, expired or not, and those the clean-up
     * marked expired), with the invited person, soonest expiry first: a count and a page.
     */
    public ca.novascotia.lampss.model.Page<Object[]> waiting(String organizationId, int first, int max) {
        String where = " from InvitationEntity i, UserEntity u where u.id = i.userId and i.organizationId = :organization"
                + " and i.state in ('PENDING', 'EXPIRED')";
        long total = em().createQuery("select count(i)" + where, Long.class)
                .setParameter("organization", organizationId).getSingleResult();
        java.util.List<Object[]> rows = em().createQuery("select i, u.email, u.firstName, u.lastName" + where
                        + " order by i.expiresAt, i.id", Object[].class)
                .setParameter("organization", organizationId)
                .setFirstResult(first).setMaxResults(max).getResultList();
        return new ca.novascotia.lampss.model.Page<>(rows, total, first, max);
    }

    /**
     * Marks every pending invitation past its expiry as expired, realm by realm (one statement per
     * realm that has any), and says how many per realm id. Idempotent, so it is safe when several
     * nodes run it; the scheduler runs it once per period across the cluster anyway.
     */
    public static Map<String, Integer> expireOverdue(EntityManager em, long now) {
        Map<String, Integer> expired = new LinkedHashMap<>();
        em.createQuery("select distinct i.realmId from InvitationEntity i where i.state = 'PENDING' and i.expiresAt <= :now",
                        String.class)
                .setParameter("now", now)
                .getResultList()
                .forEach(realmId -> expired.put(realmId, em.createQuery("update InvitationEntity i set i.state = 'EXPIRED',"
                                + " i.endedAt = :now where i.realmId = :realm and i.state = 'PENDING' and i.expiresAt <= :now")
                        .setParameter("now", now)
                        .setParameter("realm", realmId)
                        .executeUpdate()));
        return expired;
    }

    public static Invitation toDomain(InvitationEntity entity) {
        return new Invitation(entity.getId(), entity.getOrganizationId(), entity.getUserId(),
                Invitation.State.valueOf(entity.getState()), Instant.ofEpochMilli(entity.getExpiresAt()));
    }

    /** A new invitation replaces the pending one, and an expired one (so it no longer shows as waiting). */
    private void supersedePending(String organizationId, String userId) {
        em().createQuery("select i from InvitationEntity i where i.organizationId = :organization and i.userId = :user"
                        + " and i.state in ('PENDING', 'EXPIRED')", InvitationEntity.class)
                .setParameter("organization", organizationId)
                .setParameter("user", userId)
                .getResultList()
                .forEach(old -> end(old, Invitation.State.SUPERSEDED));
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
