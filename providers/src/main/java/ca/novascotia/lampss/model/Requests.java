package ca.novascotia.lampss.model;

import ca.novascotia.lampss.domain.AccessRequest;
import ca.novascotia.lampss.domain.SecurityProfile;
import ca.novascotia.lampss.store.AccessRequestEntity;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.keycloak.common.util.Time;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Requests for the profiles only Operations Support gives: stored, found, listed a page at a time. */
public final class Requests {

    private final LampssRealm lampss;

    public Requests(LampssRealm lampss) {
        this.lampss = lampss;
    }

    public AccessRequestEntity add(String organizationId, String userId, SecurityProfile profile, String reason, String askedBy) {
        AccessRequestEntity row = new AccessRequestEntity();
        row.setId(KeycloakModelUtils.generateId());
        row.setRealmId(lampss.realm().getId());
        row.setOrganizationId(organizationId);
        row.setUserId(userId);
        row.setProfile(profile.roleName());
        row.setReason(reason);
        row.setState(AccessRequest.State.OPEN.name());
        row.setOpenKey(openKey(organizationId, userId, profile));
        row.setAskedBy(askedBy);
        row.setAskedAt(Time.currentTimeMillis());
        lampss.em().persist(row);
        return row;
    }

    public boolean openExists(String organizationId, String userId, SecurityProfile profile) {
        return !lampss.em().createQuery("select r.id from AccessRequestEntity r where r.openKey = :key", String.class)
                .setParameter("key", openKey(organizationId, userId, profile)).getResultList().isEmpty();
    }

    /** A request of this realm, or empty. */
    public Optional<AccessRequestEntity> find(String id) {
        AccessRequestEntity row = id == null ? null : lampss.em().find(AccessRequestEntity.class, id);
        return row == null || !row.getRealmId().equals(lampss.realm().getId()) ? Optional.empty() : Optional.of(row);
    }

    public void end(AccessRequestEntity row, AccessRequest.State state, String decidedBy, String decision) {
        row.setState(state.name());
        row.setOpenKey(null);
        row.setDecidedBy(decidedBy);
        row.setDecidedAt(Time.currentTimeMillis());
        row.setDecision(decision);
    }

    /** The person's open requests in the organization (ended when they are deactivated there). */
    public List<AccessRequestEntity> openFor(String organizationId, String userId) {
        return lampss.em().createQuery("select r from AccessRequestEntity r where r.organizationId = :organization"
                        + " and r.userId = :user and r.state = 'OPEN'", AccessRequestEntity.class)
                .setParameter("organization", organizationId).setParameter("user", userId).getResultList();
    }

    /** One organization's requests, newest first. */
    public Page<AccessRequestEntity> ofOrganization(String organizationId, String state, int first, int max) {
        String where = " from AccessRequestEntity r where r.organizationId = :scope" + (state == null ? "" : " and r.state = :state");
        return page(where, " order by r.askedAt desc, r.id desc", organizationId, state, first, max);
    }

    /** Operations Support's queue across organizations: oldest first, so nothing waits forever. */
    public Page<AccessRequestEntity> ofRealm(String state, int first, int max) {
        String where = " from AccessRequestEntity r where r.realmId = :scope" + (state == null ? "" : " and r.state = :state");
        return page(where, " order by r.askedAt, r.id", lampss.realm().getId(), state, first, max);
    }

    private Page<AccessRequestEntity> page(String where, String order, String scope, String state, int first, int max) {
        TypedQuery<Long> count = lampss.em().createQuery("select count(r.id)" + where, Long.class).setParameter("scope", scope);
        TypedQuery<AccessRequestEntity> rows = lampss.em().createQuery("select r" + where + order, AccessRequestEntity.class)
                .setParameter("scope", scope);
        if (state != null) {
            count.setParameter("state", state);
            rows.setParameter("state", state);
        }
        return new Page<>(rows.setFirstResult(first).setMaxResults(max).getResultList(), count.getSingleResult(), first, max);
    }

    private static String openKey(String organizationId, String userId, SecurityProfile profile) {
        return organizationId + "|" + userId + "|" + profile.roleName();
    }
}
