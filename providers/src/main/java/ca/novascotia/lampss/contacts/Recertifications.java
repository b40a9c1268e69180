package ca.novascotia.lampss.contacts;

import ca.novascotia.lampss.domain.AccessChange;
import ca.novascotia.lampss.domain.Action;
import ca.novascotia.lampss.domain.Campaign;
import ca.novascotia.lampss.domain.DomainException;
import ca.novascotia.lampss.domain.OverdueAction;
import ca.novascotia.lampss.domain.Reason;
import ca.novascotia.lampss.domain.Recertification;
import ca.novascotia.lampss.domain.ReviewStatus;
import ca.novascotia.lampss.domain.SecurityProfile;
import ca.novascotia.lampss.domain.Target;
import ca.novascotia.lampss.model.Campaigns;
import ca.novascotia.lampss.model.Contact;
import ca.novascotia.lampss.model.Organizations;
import ca.novascotia.lampss.model.Page;
import ca.novascotia.lampss.model.People;
import ca.novascotia.lampss.store.CampaignEntity;
import ca.novascotia.lampss.store.CampaignReviewEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.common.util.Time;
import org.keycloak.models.GroupModel;

/**
 * Recertification campaigns: each organization's contact managers confirm, change or end the access
 * of every contact active when the campaign opened, then sign off; Operations Support opens
 * campaigns, extends due dates and sees them all; the due date does what the realm's setting says to
 * contacts nobody reviewed. Changes go through {@link Contacts}, so the delegation table decides them.
 */
public final class Recertifications {

    private final Workspace work;

    Recertifications(Workspace work) {
        this.work = work;
    }

    public Recertification policy() {
        return Recertification.of(work.lampss.realm()::getAttribute);
    }

    /** Opens a campaign now (Operations Support). */
    public CampaignEntity open(GroupModel group) {
        work.require(Action.MANAGE_CAMPAIGNS, Target.none());
        if (work.campaigns.open(group.getId()).isPresent()) {
            throw new DomainException(Reason.CAMPAIGN_ALREADY_OPEN, "a campaign is open");
        }
        return work.done(openAll(List.of(group.getId())).get(0));
    }

    /**
     * Opens one campaign per organization (the scheduled work passes a batch): a row each, their
     * contacts under review in one statement, an audit row each.
     */
    public List<CampaignEntity> openAll(List<String> organizationIds) {
        work.require(Action.MANAGE_CAMPAIGNS, Target.none());
        Campaign campaign = Campaign.open(now(), policy());
        List<CampaignEntity> opened = new ArrayList<>();
        organizationIds.forEach(id -> opened.add(work.campaigns.add(id, campaign)));
        work.campaigns.addReviews(opened.stream().map(CampaignEntity::getId).toList());
        opened.forEach(row -> work.audit.record(row.getOrganizationId(), AccessChange.CAMPAIGN_OPENED, null, null, snapshot(row)));
        return opened;
    }

    /** The organization's latest campaign, for its contact managers and Operations Support. */
    public CampaignEntity current(GroupModel group) {
        work.require(Action.REVIEW_ACCESS, Target.of(Organizations.toDomain(group)));
        return work.campaigns.latest(group.getId()).orElseThrow(() -> new NotFound("CAMPAIGN_NOT_FOUND"));
    }

    /** A page of the campaign's contacts with what each is now and when they last signed in. */
    public Reviews reviews(GroupModel group, int first, int max) {
        CampaignEntity campaign = current(group);
        Page<CampaignReviewEntity> page = work.campaigns.reviews(campaign.getId(), first, max);
        List<String> ids = page.items().stream().map(CampaignReviewEntity::getUserId).toList();
        return new Reviews(page, work.directory.findAll(group.getId(), ids), work.directory.lastSignIns(ids));
    }

    public record Reviews(Page<CampaignReviewEntity> page, Map<String, Contact> contacts, Map<String, Long> lastSignIns) {
    }

    /**
     * Confirms a contact's access as it is, or with {@code profiles} (not null) as the profiles they
     * should hold: those are changed first, by the delegation table's rules for any change.
     */
    public CampaignReviewEntity confirm(GroupModel group, String userId, Set<SecurityProfile> profiles) {
        Contacts.Loaded contact = work.contacts().load(group, userId);
        work.require(Action.CONFIRM_ACCESS, Target.of(contact.organization(), contact.member()));
        CampaignReviewEntity review = underReview(group, userId);
        boolean change = profiles != null && !profiles.equals(contact.view().profiles());
        if (change) {
            work.contacts().update(group, userId, People.details(contact.person()), profiles, null);
        }
        return reviewed(group, review, change ? ReviewStatus.CHANGED : ReviewStatus.CONFIRMED);
    }

    public CampaignReviewEntity deactivate(GroupModel group, String userId) {
        Contacts.Loaded contact = work.contacts().load(group, userId);
        // Asked first, so that someone who may not deactivate learns nothing of the campaign.
        work.require(Action.DEACTIVATE, Target.of(contact.organization(), contact.member()));
        CampaignReviewEntity review = underReview(group, userId);
        work.contacts().deactivate(group, userId);
        return reviewed(group, review, ReviewStatus.DEACTIVATED);
    }

    /** Closes the campaign; the signer's own pending access is what they confirm by signing. */
    public CampaignEntity signOff(GroupModel group) {
        work.require(Action.REVIEW_ACCESS, Target.of(Organizations.toDomain(group)));
        CampaignEntity row = work.campaigns.open(group.getId()).orElseThrow(() -> new DomainException(Reason.CAMPAIGN_NOT_OPEN, "no open campaign"));
        Campaign signed = Campaigns.toDomain(row).signOff(work.campaigns.pendingOthers(row, work.caller.id()), now());
        work.campaigns.review(row.getId(), work.caller.id())
                .filter(own -> !ReviewStatus.valueOf(own.getStatus()).reviewed())
                .ifPresent(own -> mark(own, ReviewStatus.CONFIRMED));
        Map<String, Object> before = snapshot(row);
        work.campaigns.save(row, signed, work.caller.id());
        work.audit.record(group.getId(), AccessChange.CAMPAIGN_SIGNED_OFF, null, before, snapshot(row));
        return work.done(row);
    }

    /** Operations Support gives an organization more time. */
    public CampaignEntity extend(GroupModel group, Instant dueAt) {
        work.require(Action.MANAGE_CAMPAIGNS, Target.none());
        CampaignEntity row = work.campaigns.open(group.getId()).orElseThrow(() -> new DomainException(Reason.CAMPAIGN_NOT_OPEN, "no open campaign"));
        Map<String, Object> before = snapshot(row);
        work.campaigns.save(row, Campaigns.toDomain(row).extend(dueAt, now()), null);
        row.setOverdueApplied(null);
        work.audit.record(group.getId(), AccessChange.CAMPAIGN_EXTENDED, null, before, snapshot(row));
        return work.done(row);
    }

    /**
     * The due date passed (scheduled work, in Operations Support's name): the realm's setting decides
     * what happens to the contacts still pending. A primary contact cannot be deactivated, so they
     * are flagged instead. Returns how many contacts it touched.
     */
    public int applyOverdue(CampaignEntity row, OverdueAction action) {
        work.require(Action.MANAGE_CAMPAIGNS, Target.none());
        GroupModel group = work.organizations.findGroup(row.getOrganizationId()).orElse(null);
        int touched = 0;
        if (group != null && action != OverdueAction.NOTHING) {
            String primary = work.memberships.primaryOf(group.getId()).map(m -> m.getUserId()).orElse(null);
            for (CampaignReviewEntity review : work.campaigns.pending(row.getId())) {
                if (action == OverdueAction.DEACTIVATE && !review.getUserId().equals(primary) && active(group, review.getUserId())) {
                    work.contacts().deactivate(group, review.getUserId());
                    mark(review, ReviewStatus.DEACTIVATED);
                } else {
                    mark(review, ReviewStatus.FLAGGED);
                }
                touched++;
            }
        }
        row.setOverdueApplied(action.name());
        Map<String, Object> after = snapshot(row);
        after.put("overdue", action.name());
        after.put("contacts", touched);
        work.audit.record(row.getOrganizationId(), AccessChange.CAMPAIGN_OVERDUE, null, null, after);
        return work.done(touched);
    }

    private boolean active(GroupModel group, String userId) {
        return work.memberships.find(group.getId(), userId).map(m -> "ACTIVE".equals(m.getState())).orElse(false);
    }

    private CampaignReviewEntity underReview(GroupModel group, String userId) {
        CampaignEntity campaign = work.campaigns.open(group.getId())
                .orElseThrow(() -> new DomainException(Reason.CAMPAIGN_NOT_OPEN, "no open campaign"));
        return work.campaigns.review(campaign.getId(), userId)
                .orElseThrow(() -> new DomainException(Reason.NOT_UNDER_REVIEW, "not active when the campaign opened"));
    }

    private CampaignReviewEntity reviewed(GroupModel group, CampaignReviewEntity review, ReviewStatus status) {
        mark(review, status);
        Contact after = work.find(group.getId(), review.getUserId());
        Map<String, Object> audited = new LinkedHashMap<>();
        audited.put("campaign", review.getCampaignId());
        audited.put("review", status.name());
        audited.put("state", after.state().name());
        audited.put("profiles", Contact.roleNames(after.profiles()));
        work.audit.record(group.getId(), AccessChange.ACCESS_REVIEWED, work.people.byId(review.getUserId()).orElseThrow(), null, audited);
        return work.done(review);
    }

    private void mark(CampaignReviewEntity review, ReviewStatus status) {
        review.setStatus(status.name());
        review.setReviewedBy(work.caller.id());
        review.setReviewedAt(Time.currentTimeMillis());
    }

    static Map<String, Object> snapshot(CampaignEntity row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("campaign", row.getId());
        json.put("openedAt", Instant.ofEpochMilli(row.getOpenedAt()).toString());
        json.put("dueAt", Instant.ofEpochMilli(row.getDueAt()).toString());
        if (row.getSignedOffAt() != null) {
            json.put("signedOffAt", Instant.ofEpochMilli(row.getSignedOffAt()).toString());
        }
        return json;
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Time.currentTimeMillis());
    }
}
