package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.domain.Campaign;
import ca.novascotia.lampss.domain.Recertification;
import ca.novascotia.lampss.domain.ReviewStatus;
import ca.novascotia.lampss.model.Campaigns;
import ca.novascotia.lampss.model.Contact;
import ca.novascotia.lampss.model.LampssRealm;
import ca.novascotia.lampss.model.Organizations;
import ca.novascotia.lampss.model.Page;
import ca.novascotia.lampss.store.AccessRequestEntity;
import ca.novascotia.lampss.store.CampaignEntity;
import ca.novascotia.lampss.store.CampaignReviewEntity;
import ca.novascotia.lampss.contacts.Recertifications;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.keycloak.common.util.Time;

/**
 * The JSON of requests and campaigns (openapi.yaml): the people a page names are read in one query,
 * the organizations from Keycloak's cache, the counts of a page of campaigns in one grouped query.
 */
final class AccessViews {

    private final LampssRealm lampss;
    private final Map<String, Map<String, Object>> people = new HashMap<>();

    AccessViews(LampssRealm lampss) {
        this.lampss = lampss;
    }

    Map<String, Object> requests(Page<AccessRequestEntity> page) {
        load(page.items().stream().flatMap(r -> Stream.of(r.getUserId(), r.getAskedBy(), r.getDecidedBy())).toList());
        return Views.page(page, this::request);
    }

    Map<String, Object> request(AccessRequestEntity row) {
        load(List.of(row.getUserId(), row.getAskedBy(), row.getDecidedBy() == null ? row.getUserId() : row.getDecidedBy()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", row.getId());
        json.put("organization", organization(row.getOrganizationId()));
        Map<String, Object> person = people.getOrDefault(row.getUserId(), Map.of("id", row.getUserId()));
        json.put("person", person);
        json.put("profile", row.getProfile());
        json.put("reason", row.getReason());
        json.put("state", row.getState());
        json.put("askedBy", people.get(row.getAskedBy()));
        json.put("askedAt", instant(row.getAskedAt()));
        json.put("decidedBy", row.getDecidedBy() == null ? null : people.get(row.getDecidedBy()));
        json.put("decidedAt", instant(row.getDecidedAt()));
        json.put("decision", row.getDecision());
        return json;
    }

    Map<String, Object> campaign(CampaignEntity row) {
        return campaign(row, new Campaigns(lampss).counts(List.of(row.getId())).getOrDefault(row.getId(), Map.of()));
    }

    /** Operations Support's overview page: each organization with its campaign. */
    Map<String, Object> overview(Page<CampaignEntity> page) {
        Map<String, Map<ReviewStatus, Long>> counts = new Campaigns(lampss).counts(page.items().stream().map(CampaignEntity::getId).toList());
        load(page.items().stream().map(CampaignEntity::getSignedOffBy).filter(Objects::nonNull).toList());
        return Views.page(page, row -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("organization", organization(row.getOrganizationId()));
            json.put("campaign", campaign(row, counts.getOrDefault(row.getId(), Map.of())));
            return json;
        });
    }

    Map<String, Object> reviews(Recertifications.Reviews reviews) {
        load(reviews.page().items().stream().map(CampaignReviewEntity::getReviewedBy).filter(Objects::nonNull).toList());
        return Views.page(reviews.page(), row -> review(row, reviews.contacts().get(row.getUserId()), reviews.lastSignIns().get(row.getUserId())));
    }

    Map<String, Object> review(CampaignReviewEntity row, Contact contact, Long lastSignIn) {
        if (row.getReviewedBy() != null) {
            load(List.of(row.getReviewedBy()));
        }
        Map<String, Object> json = contact == null ? new LinkedHashMap<>(Map.of("id", row.getUserId())) : Views.contact(contact);
        json.put("lastSignIn", instant(lastSignIn));
        json.put("review", row.getStatus());
        json.put("reviewedBy", row.getReviewedBy() == null ? null : people.get(row.getReviewedBy()));
        json.put("reviewedAt", instant(row.getReviewedAt()));
        return json;
    }

    private Map<String, Object> campaign(CampaignEntity row, Map<ReviewStatus, Long> counts) {
        if (row.getSignedOffBy() != null) {
            load(List.of(row.getSignedOffBy()));
        }
        Campaign campaign = Campaigns.toDomain(row);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", row.getId());
        json.put("organizationId", row.getOrganizationId());
        json.put("state", campaign.state(Instant.ofEpochMilli(Time.currentTimeMillis()),
                Recertification.of(lampss.realm()::getAttribute)).name());
        json.put("openedAt", instant(row.getOpenedAt()));
        json.put("dueAt", instant(row.getDueAt()));
        json.put("signedOffAt", instant(row.getSignedOffAt()));
        json.put("signedOffBy", row.getSignedOffBy() == null ? null : people.get(row.getSignedOffBy()));
        json.put("overdueApplied", row.getOverdueApplied());
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("total", counts.values().stream().mapToLong(Long::longValue).sum());
        for (ReviewStatus status : ReviewStatus.values()) {
            numbers.put(status.name().toLowerCase(java.util.Locale.ROOT), counts.getOrDefault(status, 0L));
        }
        json.put("counts", numbers);
        return json;
    }

    private Map<String, Object> organization(String id) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        new Organizations(lampss).find(id).ifPresent(organization -> {
            json.put("externalNumber", organization.externalNumber());
            json.put("nameEn", organization.nameEn());
            json.put("nameFr", organization.nameFr());
        });
        return json;
    }

    /** Names for these ids, one query for those not read yet. */
    private void load(Collection<String> ids) {
        List<String> missing = ids.stream().filter(Objects::nonNull).filter(id -> !people.containsKey(id)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        lampss.em().createQuery("select u.id, u.username, u.firstName, u.lastName, u.email from UserEntity u where u.id in :ids", Object[].class)
                .setParameter("ids", missing).getResultList().forEach(row -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("id", row[0]);
                    json.put("username", row[1]);
                    json.put("firstName", row[2]);
                    json.put("lastName", row[3]);
                    json.put("email", row[4]);
                    json.put("name", ((Objects.toString(row[2], "") + " " + Objects.toString(row[3], "")).strip()));
                    people.put((String) row[0], json);
                });
    }

    private static String instant(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).toString();
    }
}
