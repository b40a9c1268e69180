package ca.novascotia.lampss.upkeep;

import ca.novascotia.lampss.domain.Interval;
import ca.novascotia.lampss.domain.Reminder;
import ca.novascotia.lampss.domain.ReviewStatus;
import ca.novascotia.lampss.model.Campaigns;
import ca.novascotia.lampss.model.LampssRealm;
import ca.novascotia.lampss.store.Notices;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the notices due in one realm, a batch at a time: each query reads at most {@code batch}
 * subjects, then the people they name in one query, so a batch costs the same few statements
 * whatever the realm's size. What already has a notice row is left out by the query itself.
 */
final class DueNotices {

    /** The profiles that make someone a contact manager, to whom campaign notices go. */
    private static final Set<String> MANAGERS = Set.of("ofa-self-service-full-update", "ofa-administrator",
            "ecm-administrator", "pcc-administrator", "lm-administrator");
    /** How far back an expired invitation still earns its inviter a notice (older ones predate the notice). */
    private static final Duration EXPIRED_NOTICE_WINDOW = Duration.ofDays(7);

    private final LampssRealm lampss;
    private final EntityManager em;
    private final int batch;

    DueNotices(LampssRealm lampss, int batch) {
        this.lampss = lampss;
        this.em = lampss.em();
        this.batch = batch;
    }

    /** Invitees whose invitation expires in the lead's {@code window}, and who were invited before that reminder was due. */
    List<Notice> invitationReminders(Instant now, Interval lead, Reminder.Window window) {
        List<Object[]> rows = rows("select i.ID, i.ORGANIZATION_ID, i.USER_ID, i.CREATED_BY, i.EXPIRES_AT from LAMPSS_INVITATION i"
                + " where i.STATE = 'PENDING' and i.EXPIRES_AT > ?1 and i.EXPIRES_AT <= ?2 and i.CREATED_AT < i.EXPIRES_AT - ?3"
                + " and i.REALM_ID = ?4 and" + Notices.notSent(Notice.INVITATION_REMINDER, "i.ID", "?5") + " order by i.EXPIRES_AT",
                window.after().toEpochMilli(), window.upTo().toEpochMilli(),
                millis(lead, now), lampss.realm().getId(), lead.toString());
        Map<String, Person> people = Person.load(em, rows.stream().flatMap(row -> Stream.of((String) row[2], (String) row[3])).toList());
        List<Notice> due = new ArrayList<>();
        for (Object[] row : rows) {
            Person invitee = people.get((String) row[2]);
            if (invitee != null) {
                due.add(new Notice(Notice.INVITATION_REMINDER, (String) row[0], lead.toString(), (String) row[1], invitee,
                        people.get((String) row[3]), number(row[4]), 0, 0));
            }
        }
        return due;
    }

    /** Inviters of invitations that expired unused lately, where nobody invited the person again since. */
    List<Notice> expiredInvitations(Instant now) {
        List<Object[]> rows = rows("select i.ID, i.ORGANIZATION_ID, i.USER_ID, i.CREATED_BY, i.EXPIRES_AT from LAMPSS_INVITATION i"
                + " join LAMPSS_MEMBERSHIP m on m.ORGANIZATION_ID = i.ORGANIZATION_ID and m.USER_ID = i.USER_ID"
                + " where i.STATE = 'EXPIRED' and i.EXPIRES_AT > ?1 and i.EXPIRES_AT <= ?2 and i.REALM_ID = ?3"
                + " and i.CREATED_BY is not null and m.STATE = 'INVITED'"
                + " and not exists (select 1 from LAMPSS_INVITATION j where j.ORGANIZATION_ID = i.ORGANIZATION_ID"
                + " and j.USER_ID = i.USER_ID and j.CREATED_AT > i.CREATED_AT)"
                + " and" + Notices.notSent(Notice.INVITATION_EXPIRED, "i.ID", null) + " order by i.EXPIRES_AT",
                now.minus(EXPIRED_NOTICE_WINDOW).toEpochMilli(), now.toEpochMilli(), lampss.realm().getId());
        Map<String, Person> people = Person.load(em, rows.stream().flatMap(row -> Stream.of((String) row[2], (String) row[3])).toList());
        List<Notice> due = new ArrayList<>();
        for (Object[] row : rows) {
            Person inviter = people.get((String) row[3]);
            Person invitee = people.get((String) row[2]);
            if (inviter != null && invitee != null) {
                due.add(new Notice(Notice.INVITATION_EXPIRED, (String) row[0], "expired", (String) row[1], inviter, invitee,
                        number(row[4]), 0, 0));
            }
        }
        return due;
    }

    /** Open campaigns whose contact managers have not been told it opened. */
    List<Notice> campaignsOpened(Instant now) {
        return campaignNotices(rows("select c.ID, c.ORGANIZATION_ID, c.DUE_AT from LAMPSS_CAMPAIGN c where c.OPEN_KEY is not null"
                        + " and c.DUE_AT > ?1 and c.REALM_ID = ?2 and" + Notices.notSent(Notice.CAMPAIGN_OPENED, "c.ID", null)
                        + " order by c.DUE_AT", now.toEpochMilli(), lampss.realm().getId()),
                Notice.CAMPAIGN_OPENED, "opened");
    }

    /** Open campaigns due in the lead's {@code window}, opened before that reminder was due. */
    List<Notice> campaignReminders(Instant now, Interval lead, Reminder.Window window) {
        return campaignNotices(rows("select c.ID, c.ORGANIZATION_ID, c.DUE_AT from LAMPSS_CAMPAIGN c where c.OPEN_KEY is not null"
                        + " and c.DUE_AT > ?1 and c.DUE_AT <= ?2 and c.OPENED_AT < c.DUE_AT - ?3 and c.REALM_ID = ?4 and"
                        + Notices.notSent(Notice.CAMPAIGN_REMINDER, "c.ID", "?5") + " order by c.DUE_AT",
                        window.after().toEpochMilli(), window.upTo().toEpochMilli(),
                        millis(lead, now), lampss.realm().getId(), lead.toString()),
                Notice.CAMPAIGN_REMINDER, lead.toString());
    }

    /** One notice per active contact manager of each campaign's organization: two more queries for the batch. */
    private List<Notice> campaignNotices(List<Object[]> campaigns, String kind, String occasion) {
        if (campaigns.isEmpty()) {
            return List.of();
        }
        List<String> organizations = campaigns.stream().map(row -> (String) row[1]).toList();
        Map<String, List<String>> managers = new HashMap<>();
        em.createQuery("select distinct g.parentId, m.user.id from UserGroupMembershipEntity m, GroupEntity g, MembershipEntity s"
                        + " where g.id = m.groupId and g.parentId in :organizations and g.name in :managers"
                        + " and s.organizationId = g.parentId and s.userId = m.user.id and s.state = 'ACTIVE'", Object[].class)
                .setParameter("organizations", organizations).setParameter("managers", MANAGERS).getResultList()
                .forEach(row -> managers.computeIfAbsent((String) row[0], id -> new ArrayList<>()).add((String) row[1]));
        Map<String, Person> people = Person.load(em, managers.values().stream().flatMap(List::stream).toList());
        Map<String, Map<ReviewStatus, Long>> counts = new Campaigns(lampss).counts(campaigns.stream().map(row -> (String) row[0]).toList());
        List<Notice> due = new ArrayList<>();
        for (Object[] campaign : campaigns) {
            Map<ReviewStatus, Long> count = counts.getOrDefault((String) campaign[0], Map.of());
            long total = count.values().stream().mapToLong(Long::longValue).sum();
            long pending = count.getOrDefault(ReviewStatus.PENDING, 0L) + count.getOrDefault(ReviewStatus.FLAGGED, 0L);
            List<String> recipients = managers.getOrDefault((String) campaign[1], List.of());
            // No contact manager to tell: recorded as such, so the campaign is not found again and again.
            for (String manager : recipients.isEmpty() ? java.util.Collections.<String>singletonList(null) : recipients) {
                due.add(new Notice(kind, (String) campaign[0], occasion, (String) campaign[1],
                        manager == null ? null : people.get(manager), null, number(campaign[2]), pending, total));
            }
        }
        return due;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.setMaxResults(batch).getResultList();
    }

    private static long millis(Interval lead, Instant now) {
        return Duration.between(lead.before(now), now).toMillis();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
