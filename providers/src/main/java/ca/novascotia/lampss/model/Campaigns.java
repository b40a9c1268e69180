package ca.novascotia.lampss.model;

import ca.novascotia.lampss.domain.Campaign;
import ca.novascotia.lampss.domain.MembershipState;
import ca.novascotia.lampss.domain.ReviewStatus;
import ca.novascotia.lampss.store.CampaignEntity;
import ca.novascotia.lampss.store.CampaignReviewEntity;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Recertification campaigns and their review rows. Opening one writes a row per contact active at
 * that moment in one statement; counts come grouped from the database, for one campaign or a page.
 */
public final class Campaigns {

    /** The states of the overview, as conditions on an open campaign's due date ({@code :now}, {@code :soon}). */
    public enum Filter {
        OPEN(" and c.openKey is not null and c.dueAt > :soon"),
        DUE_SOON(" and c.openKey is not null and c.dueAt > :now and c.dueAt <= :soon"),
        OVERDUE(" and c.openKey is not null and c.dueAt <= :now"),
        DONE(" and c.signedOffAt is not null"),
        /** Every open campaign, whatever its due date. */
        ANY_OPEN(" and c.openKey is not null");

        final String condition;

        Filter(String condition) {
            this.condition = condition;
        }
    }

    private final LampssRealm lampss;

    public Campaigns(LampssRealm lampss) {
        this.lampss = lampss;
    }

    public static Campaign toDomain(CampaignEntity row) {
        return new Campaign(Instant.ofEpochMilli(row.getOpenedAt()), Instant.ofEpochMilli(row.getDueAt()),
                row.getSignedOffAt() == null ? null : Instant.ofEpochMilli(row.getSignedOffAt()));
    }

    /** The organization's newest campaign, open or not. */
    public Optional<CampaignEntity> latest(String organizationId) {
        return lampss.em().createQuery("select c from CampaignEntity c where c.organizationId = :organization"
                        + " order by c.openedAt desc, c.id desc", CampaignEntity.class)
                .setParameter("organization", organizationId).setMaxResults(1).getResultStream().findFirst();
    }

    public Optional<CampaignEntity> open(String organizationId) {
        return lampss.em().createQuery("select c from CampaignEntity c where c.openKey = :organization", CampaignEntity.class)
                .setParameter("organization", organizationId).getResultStream().findFirst();
    }

    /** A new campaign row; {@link #addReviews} then puts its contacts under review. */
    public CampaignEntity add(String organizationId, Campaign campaign) {
        CampaignEntity row = new CampaignEntity();
        row.setId(KeycloakModelUtils.generateId());
        row.setRealmId(lampss.realm().getId());
        row.setOrganizationId(organizationId);
        row.setOpenedAt(campaign.openedAt().toEpochMilli());
        row.setDueAt(campaign.dueAt().toEpochMilli());
        row.setOpenKey(organizationId);
        lampss.em().persist(row);
        return row;
    }

    /** One pending review row per contact active in each campaign's organization: one statement for the lot. */
    public int addReviews(Collection<String> campaignIds) {
        if (campaignIds.isEmpty()) {
            return 0;
        }
        lampss.em().flush();
        return lampss.em().createNativeQuery("insert into LAMPSS_CAMPAIGN_REVIEW (CAMPAIGN_ID, USER_ID, STATUS)"
                        + " select c.ID, m.USER_ID, 'PENDING' from LAMPSS_CAMPAIGN c join LAMPSS_MEMBERSHIP m"
                        + " on m.ORGANIZATION_ID = c.ORGANIZATION_ID where c.ID in (:ids) and m.STATE = '"
                        + MembershipState.ACTIVE.name() + "'")
                .setParameter("ids", campaignIds).executeUpdate();
    }

    public void save(CampaignEntity row, Campaign campaign, String signedOffBy) {
        row.setDueAt(campaign.dueAt().toEpochMilli());
        if (campaign.signedOffAt() != null) {
            row.setSignedOffAt(campaign.signedOffAt().toEpochMilli());
            row.setSignedOffBy(signedOffBy);
            row.setOpenKey(null);
        }
    }

    public Optional<CampaignReviewEntity> review(String campaignId, String userId) {
        return lampss.em().createQuery("select r from CampaignReviewEntity r where r.campaignId = :campaign and r.userId = :user",
                        CampaignReviewEntity.class)
                .setParameter("campaign", campaignId).setParameter("user", userId).getResultStream().findFirst();
    }

    /** The review rows nobody reviewed yet. */
    public List<CampaignReviewEntity> pending(String campaignId) {
        return lampss.em().createQuery("select r from CampaignReviewEntity r where r.campaignId = :campaign and r.status = 'PENDING'",
                        CampaignReviewEntity.class).setParameter("campaign", campaignId).getResultList();
    }

    /** A contact deactivated while their organization's campaign is open counts as reviewed. */
    public void deactivated(String organizationId, String userId, String by, long now) {
        lampss.em().createQuery("update CampaignReviewEntity r set r.status = 'DEACTIVATED', r.reviewedBy = :by, r.reviewedAt = :now"
                        + " where r.userId = :user and r.status in ('PENDING', 'FLAGGED') and r.campaignId in"
                        + " (select c.id from CampaignEntity c where c.openKey = :organization)")
                .setParameter("by", by).setParameter("now", now).setParameter("user", userId)
                .setParameter("organization", organizationId).executeUpdate();
    }

    /** Contacts other than the signer still to review, and still active (someone deactivated meanwhile needs no review). */
    public long pendingOthers(CampaignEntity campaign, String signerId) {
        return lampss.em().createQuery("select count(r.userId) from CampaignReviewEntity r, MembershipEntity m"
                        + " where r.campaignId = :campaign and r.status in ('PENDING', 'FLAGGED') and r.userId <> :signer"
                        + " and m.organizationId = :organization and m.userId = r.userId and m.state = 'ACTIVE'", Long.class)
                .setParameter("campaign", campaign.getId()).setParameter("signer", signerId)
                .setParameter("organization", campaign.getOrganizationId()).getSingleResult();
    }

    /** How many contacts stand where, per campaign: one grouped query for a whole page. */
    public Map<String, Map<ReviewStatus, Long>> counts(Collection<String> campaignIds) {
        Map<String, Map<ReviewStatus, Long>> counts = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return counts;
        }
        lampss.em().createQuery("select r.campaignId, r.status, count(r.userId) from CampaignReviewEntity r"
                        + " where r.campaignId in :ids group by r.campaignId, r.status", Object[].class)
                .setParameter("ids", campaignIds).getResultList()
                .forEach(row -> counts.computeIfAbsent((String) row[0], id -> new EnumMap<>(ReviewStatus.class))
                        .put(ReviewStatus.valueOf((String) row[1]), (Long) row[2]));
        return counts;
    }

    /** A page of the campaign's review rows, by last and first name. */
    public Page<CampaignReviewEntity> reviews(String campaignId, int first, int max) {
        long total = lampss.em().createQuery("select count(r.userId) from CampaignReviewEntity r where r.campaignId = :campaign", Long.class)
                .setParameter("campaign", campaignId).getSingleResult();
        List<CampaignReviewEntity> rows = lampss.em().createQuery("select r from CampaignReviewEntity r, UserEntity u"
                        + " where u.id = r.userId and r.campaignId = :campaign"
                        + " order by lower(u.lastName), lower(u.firstName), r.userId", CampaignReviewEntity.class)
                .setParameter("campaign", campaignId).setFirstResult(first).setMaxResults(max).getResultList();
        return new Page<>(rows, total, first, max);
    }

    /** Operations Support's overview: soonest due first (latest signed off first for DONE). */
    public Page<CampaignEntity> overview(Filter filter, Instant now, Instant soon, int first, int max) {
        String where = " from CampaignEntity c where c.realmId = :realm" + filter.condition;
        String order = filter == Filter.DONE ? " order by c.signedOffAt desc, c.id" : " order by c.dueAt, c.id";
        TypedQuery<Long> count = bind(lampss.em().createQuery("select count(c.id)" + where, Long.class), filter, now, soon);
        TypedQuery<CampaignEntity> rows = bind(lampss.em().createQuery("select c" + where + order, CampaignEntity.class), filter, now, soon);
        return new Page<>(rows.setFirstResult(first).setMaxResults(max).getResultList(), count.getSingleResult(), first, max);
    }

    private <T> TypedQuery<T> bind(TypedQuery<T> query, Filter filter, Instant now, Instant soon) {
        query.setParameter("realm", lampss.realm().getId());
        if (filter.condition.contains(":now")) {
            query.setParameter("now", now.toEpochMilli());
        }
        if (filter.condition.contains(":soon")) {
            query.setParameter("soon", soon.toEpochMilli());
        }
        return query;
    }
}
