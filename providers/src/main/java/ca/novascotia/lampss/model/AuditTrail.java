package ca.novascotia.lampss.model;

import ca.novascotia.lampss.domain.AccessChange;
import ca.novascotia.lampss.store.AuditEntryEntity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.util.JsonSerialization;

/**
 * Records each access change twice, in the same transaction as the change: as our audit row (read
 * by organization administrators) and as a Keycloak admin event (so the realm's event listeners and
 * the admin console's event log see it, like any change made in the admin console).
 */
public final class AuditTrail {

    /** Resource type of our admin events, next to Keycloak's USER, GROUP, … */
    public static final String RESOURCE_TYPE = "LAMPSS_ORGANIZATION";

    private final LampssRealm lampss;
    private final AdminAuth auth;
    private final String channel;

    public AuditTrail(LampssRealm lampss, AdminAuth auth) {
        this(lampss, auth, null);
    }

    /** @param channel recorded in each row's {@code after} as {@code channel} when not null (e.g. "Keycloak admin") */
    public AuditTrail(LampssRealm lampss, AdminAuth auth, String channel) {
        this.lampss = lampss;
        this.auth = auth;
        this.channel = channel;
    }

    /** @param target the person the change is about; null for a change of the organization itself */
    public void record(String organizationId, AccessChange change, UserModel target,
                       Map<String, Object> before, Map<String, Object> after) {
        if (channel != null) {
            // Where the change was made is part of "who did what": an organization reading its audit
            // trail sees that an identity admin changed it in Keycloak, not someone in the LaMPSS console.
            Map<String, Object> marked = new java.util.LinkedHashMap<>(after == null ? Map.of() : after);
            marked.put("channel", channel);
            after = marked;
        }
        AuditEntryEntity entry = new AuditEntryEntity();
        entry.setId(KeycloakModelUtils.generateId());
        entry.setRealmId(lampss.realm().getId());
        entry.setOrganizationId(organizationId);
        entry.setTime(Time.currentTimeMillis());
        entry.setActorId(auth.getUser().getId());
        entry.setActorUsername(auth.getUser().getUsername());
        entry.setAction(change.name());
        if (target != null) {
            entry.setTargetUserId(target.getId());
            entry.setTargetUsername(target.getUsername());
        }
        entry.setBefore(json(before));
        entry.setAfter(json(after));
        lampss.em().persist(entry);
        adminEvent(organizationId, change, target, after);
    }

    /**
     * Newest first. The count and the page's ids come from the index (organization, time, id) alone,
     * so an offset deep into a long trail walks index entries, not rows; then the page's rows by id.
     * (count(a.time), not count(a): with count(a) PostgreSQL read every row. docs/benchmarks.md, (f).)
     */
    public Page<AuditEntryEntity> page(String organizationId, int first, int max) {
        long total = lampss.em().createQuery("select count(a.time) from AuditEntryEntity a where a.organizationId = :organization",
                        Long.class)
                .setParameter("organization", organizationId).getSingleResult();
        List<String> ids = lampss.em().createQuery("select a.id from AuditEntryEntity a"
                        + " where a.organizationId = :organization order by a.time desc, a.id desc", String.class)
                .setParameter("organization", organizationId)
                .setFirstResult(first).setMaxResults(max).getResultList();
        List<AuditEntryEntity> items = ids.isEmpty() ? List.of() : lampss.em().createQuery("select a from AuditEntryEntity a"
                        + " where a.id in :ids order by a.time desc, a.id desc", AuditEntryEntity.class)
                .setParameter("ids", ids).getResultList();
        return new Page<>(items, total, first, max);
    }

    private void adminEvent(String organizationId, AccessChange change, UserModel target, Map<String, Object> after) {
        AdminEventBuilder event = new AdminEventBuilder(lampss.realm(), auth, lampss.session(),
                lampss.session().getContext().getConnection())
                .operation(operation(change))
                .resource(RESOURCE_TYPE)
                .detail("lampss.change", change.name());
        if (target == null) {
            event.resourcePath("lampss", "organizations", organizationId);
        } else {
            event.resourcePath("lampss", "organizations", organizationId, "contacts", target.getId());
        }
        if (after != null) {
            event.representation(after);
        }
        event.success();
    }

    private static OperationType operation(AccessChange change) {
        return switch (change.kind()) {
            case CREATE -> OperationType.CREATE;
            case UPDATE -> OperationType.UPDATE;
            case ACTION -> OperationType.ACTION;
        };
    }

    private static String json(Map<String, Object> state) {
        if (state == null) {
            return null;
        }
        try {
            String json = JsonSerialization.writeValueAsString(state);
            if (json.length() > AuditEntryEntity.MAX_STATE_LENGTH) {
                throw new IllegalStateException("audit state longer than " + AuditEntryEntity.MAX_STATE_LENGTH);
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
