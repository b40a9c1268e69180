package ca.novascotia.lampss.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One onboarding job (table {@code LAMPSS_ONBOARDING_JOB}): its progress counters and the lease of the node applying it. */
@Entity
@Table(name = "LAMPSS_ONBOARDING_JOB")
public class OnboardingJobEntity {

    @Id
    @Column(name = "ID", length = 36, nullable = false)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "CREATED_BY", length = 36, nullable = false)
    private String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "FILE_NAME", length = 255)
    private String fileName;

    @Column(name = "BASE_URI", length = 255)
    private String baseUri;

    @Column(name = "STATE", length = 16, nullable = false)
    private String state;

    @Column(name = "INVITATIONS", length = 8, nullable = false)
    private String invitations;

    @Column(name = "RATE_PER_MINUTE", nullable = false)
    private int ratePerMinute;

    @Column(name = "TOTAL_ROWS", nullable = false)
    private int totalRows;

    @Column(name = "ROWS_DONE", nullable = false)
    private int rowsDone;

    @Column(name = "ROWS_FAILED", nullable = false)
    private int rowsFailed;

    @Column(name = "INVITATIONS_WAITING", nullable = false)
    private int invitationsWaiting;

    @Column(name = "INVITATIONS_SENT", nullable = false)
    private int invitationsSent;

    @Column(name = "INVITATIONS_NOT_SENT", nullable = false)
    private int invitationsNotSent;

    @Column(name = "SEND_FROM")
    private Long sendFrom;

    @Column(name = "SENT_BEFORE_WINDOW", nullable = false)
    private int sentBeforeWindow;

    @Column(name = "FINISHED_AT")
    private Long finishedAt;

    @Column(name = "LEASE_OWNER", length = 64)
    private String leaseOwner;

    @Column(name = "LEASE_UNTIL", nullable = false)
    private long leaseUntil;

    @Version
    @Column(name = "VERSION", nullable = false)
    private int version;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public String getBaseUri() { return baseUri; }
    public void setBaseUri(String baseUri) { this.baseUri = baseUri; }
    public String getFileName() { return fileName; }
    public void setFileName(String fileName) { this.fileName = fileName; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getInvitations() { return invitations; }
    public void setInvitations(String invitations) { this.invitations = invitations; }
    public int getRatePerMinute() { return ratePerMinute; }
    public void setRatePerMinute(int ratePerMinute) { this.ratePerMinute = ratePerMinute; }
    public int getTotalRows() { return totalRows; }
    public void setTotalRows(int totalRows) { this.totalRows = totalRows; }
    public int getRowsDone() { return rowsDone; }
    public void setRowsDone(int rowsDone) { this.rowsDone = rowsDone; }
    public int getRowsFailed() { return rowsFailed; }
    public void setRowsFailed(int rowsFailed) { this.rowsFailed = rowsFailed; }
    public int getInvitationsWaiting() { return invitationsWaiting; }
    public void setInvitationsWaiting(int invitationsWaiting) { this.invitationsWaiting = invitationsWaiting; }
    public int getInvitationsSent() { return invitationsSent; }
    public void setInvitationsSent(int invitationsSent) { this.invitationsSent = invitationsSent; }
    public int getInvitationsNotSent() { return invitationsNotSent; }
    public void setInvitationsNotSent(int invitationsNotSent) { this.invitationsNotSent = invitationsNotSent; }
    public Long getSendFrom() { return sendFrom; }
    public void setSendFrom(Long sendFrom) { this.sendFrom = sendFrom; }
    public int getSentBeforeWindow() { return sentBeforeWindow; }
    public void setSentBeforeWindow(int sentBeforeWindow) { this.sentBeforeWindow = sentBeforeWindow; }
    public Long getFinishedAt() { return finishedAt; }
    public void setFinishedAt(Long finishedAt) { this.finishedAt = finishedAt; }
    public String getLeaseOwner() { return leaseOwner; }
    public void setLeaseOwner(String leaseOwner) { this.leaseOwner = leaseOwner; }
    public long getLeaseUntil() { return leaseUntil; }
    public void setLeaseUntil(long leaseUntil) { this.leaseUntil = leaseUntil; }
    public int getVersion() { return version; }
}
