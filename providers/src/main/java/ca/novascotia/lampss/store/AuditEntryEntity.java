package ca.novascotia.lampss.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One recorded access change (table {@code LAMPSS_AUDIT}): who, what, when, in which organization,
 * and the state before and after as JSON. Rows are only ever inserted.
 */
@Entity
@Table(name = "LAMPSS_AUDIT")
public class AuditEntryEntity {

    /** Large enough for the biggest before/after document the API can produce (all fields at their limits). */
    public static final int MAX_STATE_LENGTH = 4000;

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "ORGANIZATION_ID", length = 36, nullable = false)
    private String organizationId;

    @Column(name = "EVENT_TIME", nullable = false)
    private long time;

    @Column(name = "ACTOR_ID", length = 36, nullable = false)
    private String actorId;

    @Column(name = "ACTOR_USERNAME", length = 255)
    private String actorUsername;

    @Column(name = "ACTION", length = 64, nullable = false)
    private String action;

    @Column(name = "TARGET_USER_ID", length = 36)
    private String targetUserId;

    @Column(name = "TARGET_USERNAME", length = 255)
    private String targetUsername;

    @Column(name = "BEFORE_STATE", length = MAX_STATE_LENGTH)
    private String before;

    @Column(name = "AFTER_STATE", length = MAX_STATE_LENGTH)
    private String after;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getOrganizationId() { return organizationId; }
    public void setOrganizationId(String organizationId) { this.organizationId = organizationId; }
    public long getTime() { return time; }
    public void setTime(long time) { this.time = time; }
    public String getActorId() { return actorId; }
    public void setActorId(String actorId) { this.actorId = actorId; }
    public String getActorUsername() { return actorUsername; }
    public void setActorUsername(String actorUsername) { this.actorUsername = actorUsername; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getTargetUserId() { return targetUserId; }
    public void setTargetUserId(String targetUserId) { this.targetUserId = targetUserId; }
    public String getTargetUsername() { return targetUsername; }
    public void setTargetUsername(String targetUsername) { this.targetUsername = targetUsername; }
    public String getBefore() { return before; }
    public void setBefore(String before) { this.before = before; }
    public String getAfter() { return after; }
    public void setAfter(String after) { this.after = after; }
}
