package ca.novascotia.lampss.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A request for a profile only Operations Support gives (table {@code LAMPSS_ACCESS_REQUEST}). */
@Entity
@Table(name = "LAMPSS_ACCESS_REQUEST")
public class AccessRequestEntity {

    @Id
    @Column(name = "ID", length = 36, nullable = false)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "ORGANIZATION_ID", length = 36, nullable = false)
    private String organizationId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "PROFILE", length = 64, nullable = false)
    private String profile;

    @Column(name = "REASON", length = 2000, nullable = false)
    private String reason;

    @Column(name = "STATE", length = 16, nullable = false)
    private String state;

    @Column(name = "OPEN_KEY", length = 160)
    private String openKey;

    @Column(name = "ASKED_BY", length = 36, nullable = false)
    private String askedBy;

    @Column(name = "ASKED_AT", nullable = false)
    private long askedAt;

    @Column(name = "DECIDED_BY", length = 36)
    private String decidedBy;

    @Column(name = "DECIDED_AT")
    private Long decidedAt;

    @Column(name = "DECISION", length = 2000)
    private String decision;

    @Version
    @Column(name = "VERSION", nullable = false)
    private int version;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getOrganizationId() { return organizationId; }
    public void setOrganizationId(String organizationId) { this.organizationId = organizationId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getProfile() { return profile; }
    public void setProfile(String profile) { this.profile = profile; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getOpenKey() { return openKey; }
    public void setOpenKey(String openKey) { this.openKey = openKey; }
    public String getAskedBy() { return askedBy; }
    public void setAskedBy(String askedBy) { this.askedBy = askedBy; }
    public long getAskedAt() { return askedAt; }
    public void setAskedAt(long askedAt) { this.askedAt = askedAt; }
    public String getDecidedBy() { return decidedBy; }
    public void setDecidedBy(String decidedBy) { this.decidedBy = decidedBy; }
    public Long getDecidedAt() { return decidedAt; }
    public void setDecidedAt(Long decidedAt) { this.decidedAt = decidedAt; }
    public String getDecision() { return decision; }
    public void setDecision(String decision) { this.decision = decision; }
}
