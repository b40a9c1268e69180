package ca.novascotia.lampss.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One person's membership in one organization (table {@code LAMPSS_MEMBERSHIP}).
 *
 * <p>{@code primaryOf} holds the organization id on the primary contact's row and is null on every
 * other row; a unique constraint on it is what keeps "exactly one primary contact" true when two
 * transfers race, on every database (a partial unique index would not be portable). {@code version}
 * makes the loser of such a race fail instead of overwriting.
 */
@Entity
@Table(name = "LAMPSS_MEMBERSHIP")
public class MembershipEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "ORGANIZATION_ID", length = 36, nullable = false)
    private String organizationId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "STATE", length = 16, nullable = false)
    private String state;

    @Column(name = "PRIMARY_OF", length = 36)
    private String primaryOf;

    /**
     * Profiles held aside while the membership is not active (comma-separated role names): those an
     * invited person receives on acceptance, or those a deactivated person gets back on reactivation.
     * Only an active membership's profiles are Keycloak group memberships, so only they reach tokens.
     */
    @Column(name = "HELD_PROFILES", length = 2000)
    private String heldProfiles;

    /**
     * When the person first accepted an invitation of this organization (null while they never
     * have): a deactivated contact who never accepted is invited again on reactivation, not active.
     */
    @Column(name = "ACCEPTED_AT")
    private Long acceptedAt;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "CREATED_BY", length = 36)
    private String createdBy;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    @Column(name = "UPDATED_BY", length = 36)
    private String updatedBy;

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
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getPrimaryOf() { return primaryOf; }
    public void setPrimaryOf(String primaryOf) { this.primaryOf = primaryOf; }
    public String getHeldProfiles() { return heldProfiles; }
    public void setHeldProfiles(String heldProfiles) { this.heldProfiles = heldProfiles; }
    public Long getAcceptedAt() { return acceptedAt; }
    public void setAcceptedAt(Long acceptedAt) { this.acceptedAt = acceptedAt; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(long updatedAt) { this.updatedAt = updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String updatedBy) { this.updatedBy = updatedBy; }
    public int getVersion() { return version; }
}
