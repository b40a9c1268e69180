package ca.novascotia.lampss.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One row of an onboarding job (table {@code LAMPSS_ONBOARDING_ROW}): the row as the file gave it
 * ({@code DATA}, JSON), its outcome, and whether its invitation is waiting, sent or not needed.
 */
@Entity
@IdClass(OnboardingRowEntity.Key.class)
@Table(name = "LAMPSS_ONBOARDING_ROW")
public class OnboardingRowEntity {

    @Id
    @Column(name = "JOB_ID", length = 36, nullable = false)
    private String jobId;

    @Id
    @Column(name = "LINE", nullable = false)
    private int line;

    @Column(name = "ORGANIZATION_LINE", nullable = false)
    private int organizationLine;

    @Column(name = "PRIMARY_RANK", nullable = false)
    private int primaryRank;

    @Column(name = "ORGANIZATION_NUMBER", length = 64)
    private String organizationNumber;

    @Column(name = "EMAIL", length = 254)
    private String email;

    @Column(name = "DATA", length = 4000)
    private String data;

    @Column(name = "OUTCOME", length = 16, nullable = false)
    private String outcome;

    @Column(name = "CODE", length = 64)
    private String code;

    @Column(name = "COLUMN_NAME", length = 32)
    private String columnName;

    @Column(name = "DETAIL", length = 255)
    private String detail;

    @Column(name = "ORGANIZATION_ID", length = 36)
    private String organizationId;

    @Column(name = "USER_ID", length = 36)
    private String userId;

    @Column(name = "INVITATION", length = 8, nullable = false)
    private String invitation;

    public String getJobId() { return jobId; }
    public void setJobId(String jobId) { this.jobId = jobId; }
    public int getLine() { return line; }
    public void setLine(int line) { this.line = line; }
    public int getOrganizationLine() { return organizationLine; }
    public void setOrganizationLine(int organizationLine) { this.organizationLine = organizationLine; }
    public int getPrimaryRank() { return primaryRank; }
    public void setPrimaryRank(int primaryRank) { this.primaryRank = primaryRank; }
    public String getOrganizationNumber() { return organizationNumber; }
    public void setOrganizationNumber(String organizationNumber) { this.organizationNumber = organizationNumber; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getData() { return data; }
    public void setData(String data) { this.data = data; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getColumnName() { return columnName; }
    public void setColumnName(String columnName) { this.columnName = columnName; }
    public String getDetail() { return detail; }
    public void setDetail(String detail) { this.detail = detail; }
    public String getOrganizationId() { return organizationId; }
    public void setOrganizationId(String organizationId) { this.organizationId = organizationId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getInvitation() { return invitation; }
    public void setInvitation(String invitation) { this.invitation = invitation; }

    /** The primary key: job and line. */
    public static class Key implements Serializable {
        private String jobId;
        private int line;

        public Key() {
        }

        public Key(String jobId, int line) {
            this.jobId = jobId;
            this.line = line;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.line == line && Objects.equals(key.jobId, jobId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobId, line);
        }
    }
}
