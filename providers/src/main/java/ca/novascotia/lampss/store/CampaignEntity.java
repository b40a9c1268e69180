package ca.novascotia.lampss.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One organization's recertification campaign (table {@code LAMPSS_CAMPAIGN}). */
@Entity
@Table(name = "LAMPSS_CAMPAIGN")
public class CampaignEntity {

    @Id
    @Column(name = "ID", length = 36, nullable = false)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "ORGANIZATION_ID", length = 36, nullable = false)
    private String organizationId;

    @Column(name = "OPENED_AT", nullable = false)
    private long openedAt;

    @Column(name = "DUE_AT", nullable = false)
    private long dueAt;

    @Column(name = "SIGNED_OFF_AT")
    private Long signedOffAt;

    @Column(name = "SIGNED_OFF_BY", length = 36)
    private String signedOffBy;

    @Column(name = "OVERDUE_APPLIED", length = 16)
    private String overdueApplied;

    @Column(name = "OPEN_KEY", length = 36)
    private String openKey;

    @Version
    @Column(name = "VERSION", nullable = false)
    private int version;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getOrganizationId() { return organizationId; }
    public void setOrganizationId(String organizationId) { this.organizationId = organizationId; }
    public long getOpenedAt() { return openedAt; }
    public void setOpenedAt(long openedAt) { this.openedAt = openedAt; }
    public long getDueAt() { return dueAt; }
    public void setDueAt(long dueAt) { this.dueAt = dueAt; }
    public Long getSignedOffAt() { return signedOffAt; }
    public void setSignedOffAt(Long signedOffAt) { this.signedOffAt = signedOffAt; }
    public String getSignedOffBy() { return signedOffBy; }
    public void setSignedOffBy(String signedOffBy) { this.signedOffBy = signedOffBy; }
    public String getOverdueApplied() { return overdueApplied; }
    public void setOverdueApplied(String overdueApplied) { this.overdueApplied = overdueApplied; }
    public String getOpenKey() { return openKey; }
    public void setOpenKey(String openKey) { this.openKey = openKey; }
}
