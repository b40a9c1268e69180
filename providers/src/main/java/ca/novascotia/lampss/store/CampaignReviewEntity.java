package ca.novascotia.lampss.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** Where one contact stands in a campaign (table {@code LAMPSS_CAMPAIGN_REVIEW}); rows are written when it opens. */
@Entity
@Table(name = "LAMPSS_CAMPAIGN_REVIEW")
@IdClass(CampaignReviewEntity.Key.class)
public class CampaignReviewEntity {

    @Id
    @Column(name = "CAMPAIGN_ID", length = 36, nullable = false)
    private String campaignId;

    @Id
    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;

    @Column(name = "REVIEWED_BY", length = 36)
    private String reviewedBy;

    @Column(name = "REVIEWED_AT")
    private Long reviewedAt;

    public String getCampaignId() { return campaignId; }
    public void setCampaignId(String campaignId) { this.campaignId = campaignId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getReviewedBy() { return reviewedBy; }
    public void setReviewedBy(String reviewedBy) { this.reviewedBy = reviewedBy; }
    public Long getReviewedAt() { return reviewedAt; }
    public void setReviewedAt(Long reviewedAt) { this.reviewedAt = reviewedAt; }

    /** The composite key. */
    public static class Key implements Serializable {
        private String campaignId;
        private String userId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Objects.equals(campaignId, key.campaignId) && java.util.Objects.equals(userId, key.userId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(campaignId, userId);
        }
    }
}
