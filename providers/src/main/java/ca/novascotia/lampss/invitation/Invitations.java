package ca.novascotia.lampss.invitation;

import ca.novascotia.lampss.domain.Invitation;
import ca.novascotia.lampss.store.InvitationEntity;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Stored invitations: one pending per person and organization; a new one supersedes the old. */
public final class Invitations {

    /** Realm attribute: the invitation lifetime as an ISO-8601 duration (default P30D). */
    public static final String LIFETIME_ATTRIBUTE = "lampss.invitationLifetime";

    private final KeycloakSession session;
    private final RealmModel realm;

    public Invitations(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
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

    public static Invitation toDomain(InvitationEntity entity) {
        return new Invitation(entity.getId(), entity.getOrganizationId(), entity.getUserId(),
                Invitation.State.valueOf(entity.getState()), Instant.ofEpochMilli(entity.getExpiresAt()));
    }

    private void supersedePending(String organizationId, String userId) {
        em().createQuery("select i from InvitationEntity i where i.organizationId = :organization and i.userId = :user"
                        + " and i.state = :pending", InvitationEntity.class)
                .setParameter("organization", organizationId)
                .setParameter("user", userId)
                .setParameter("pending", Invitation.State.PENDING.name())
                .getResultList()
                .forEach(old -> end(old, Invitation.State.SUPERSEDED));
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
