package ca.novascotia.lampss.it.recertification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.LampssApi;
import ca.novascotia.lampss.it.api.Mailbox;
import ca.novascotia.lampss.it.api.RealmAttributes;
import ca.novascotia.lampss.it.api.People;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Recertification campaigns with periods of seconds, through the real server and its scheduled
 * work (every 2 s in the suite): a campaign opens and its contact managers are told, a reminder goes
 * out once before the due date, the review (confirm, change, deactivate) and the sign-off, each
 * overdue setting, Operations Support's overview and extension, and the attacks from another
 * organization or from a contact who may not review.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class CampaignTest {

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    private LampssApi ops;
    private Fixture fixture;

    @BeforeEach
    void operationsSupport() {
        People people = new People(realm);
        ops = people.operationsSupport(Fixture.unique("ops"));
        fixture = new Fixture(people, ops, mail, mynsaccount);
    }

    @AfterEach
    void noMoreCampaigns() {
        RealmAttributes.set(realm.admin(), Map.of("lampss.recertificationPeriod", "off"));
    }

    @Test
    void aCampaignOpensRemindsFallsOverdueAndIsSignedOff() throws Exception {
        String org = fixture.organization("sr");
        Fixture.Member manager = fixture.primaryContact(org);
        Fixture.Member kept = fixture.activeMember(org, "ofa-user");
        Fixture.Member changed = fixture.activeMember(org, "ofa-user");
        Fixture.Member forgotten = fixture.activeMember(org, "ofa-read-only");
        String other = fixture.organization();
        Fixture.Member otherManager = fixture.primaryContact(other);

        RealmAttributes.set(realm.admin(), Map.of("lampss.recertificationPeriod", "PT1H", "lampss.recertificationOpenFor", "PT40S",
                "lampss.recertificationReminders", "PT25S", "lampss.recertificationOverdue", "FLAG"));
        LampssApi.Reply campaign = await(() -> manager.api().get("/organizations/" + org + "/campaign"), 200, 20);
        assertEquals("OPEN", campaign.string("state"), campaign::toString);
        assertEquals(4L, ((Number) counts(campaign).get("total")).longValue(), "every active contact is under review");
        assertEquals(1, Mailbox.await(mail, manager.email(), "confirm who has access", 1, 15).size(), "the manager is told it opened");

        // The review, as the delegation table allows it.
        String path = "/organizations/" + org + "/campaign/contacts/";
        assertEquals("CONFIRMED", manager.api().post(path + kept.userId() + "/confirm", Map.of()).string("review"));
        LampssApi.Reply change = manager.api().post(path + changed.userId() + "/confirm", Map.of("profiles", List.of("ofa-read-only")));
        assertEquals("CHANGED", change.string("review"), change::toString);
        assertEquals(List.of("ofa-read-only"), change.json().get("profiles"));
        refused(403, "OWN_MEMBERSHIP", manager.api().post(path + manager.userId() + "/confirm", Map.of()));
        refused(403, "ACTION_NOT_PERMITTED", kept.api().get("/organizations/" + org + "/campaign"));
        refused(403, "ACTION_NOT_PERMITTED", kept.api().post(path + forgotten.userId() + "/confirm", Map.of()));
        // Another organization's manager reaches neither the campaign nor its people.
        refused(404, "ORGANIZATION_NOT_FOUND", otherManager.api().post(path + forgotten.userId() + "/deactivate", Map.of()));
        refused(404, "ORGANIZATION_NOT_FOUND", otherManager.api().get("/organizations/" + org + "/campaign/contacts"));
        refused(404, "CONTACT_NOT_FOUND", otherManager.api().post("/organizations/" + other + "/campaign/contacts/"
                + forgotten.userId() + "/confirm", Map.of()));
        refused(403, "OPERATIONS_SUPPORT_ONLY", manager.api().get("/campaigns"));
        refused(403, "OPERATIONS_SUPPORT_ONLY", manager.api().post("/organizations/" + org + "/campaign/extend",
                Map.of("dueAt", Instant.now().plusSeconds(3600).toString())));
        assertEquals("ACTIVE", ops.get(Fixture.path(org, forgotten.userId())).string("state"), "nothing changed by the attempts");

        // One reminder, before the due date.
        assertEquals(1, Mailbox.await(mail, manager.email(), "LaMPSS reminder", 1, 30).size(), "reminded once");
        assertEquals("DUE_SOON", ops.get("/organizations/" + org + "/campaign").string("state"));
        assertTrue(ops.get("/campaigns?state=DUE_SOON&max=100").items().stream()
                .anyMatch(row -> org.equals(((Map<?, ?>) row.get("organization")).get("id"))), "in the overview");

        // Overdue: the one nobody reviewed is flagged, and signing off waits for them.
        LampssApi.Reply overdue = await(() -> {
            LampssApi.Reply now = ops.get("/organizations/" + org + "/campaign");
            return "FLAG".equals(now.string("overdueApplied")) ? now : null;
        }, 200, 40);
        assertEquals("OVERDUE", overdue.string("state"));
        assertEquals(2L, ((Number) counts(overdue).get("flagged")).longValue(), "the one forgotten, and the manager, whom nobody may confirm but another: " + overdue);
        refused(409, "REVIEW_INCOMPLETE", manager.api().post("/organizations/" + org + "/campaign/sign-off", Map.of()));
        assertEquals("DEACTIVATED", manager.api().post(path + forgotten.userId() + "/deactivate", Map.of()).string("review"));
        LampssApi.Reply signed = manager.api().post("/organizations/" + org + "/campaign/sign-off", Map.of());
        assertEquals(200, signed.status(), signed::toString);
        assertEquals("DONE", signed.string("state"));
        assertEquals(Map.of("total", 4L, "pending", 0L, "confirmed", 2L, "changed", 1L, "deactivated", 1L, "flagged", 0L),
                longs(counts(signed)), "the signer's own access is confirmed by the sign-off");
        assertEquals(1, Mailbox.to(mail, manager.email(), "LaMPSS reminder").size(), "no second reminder");
        assertEquals(1, Mailbox.to(mail, manager.email(), "confirm who has access for Org").size()
                - Mailbox.to(mail, manager.email(), "LaMPSS reminder").size(), "one opening notice");

        List<String> audit = manager.api().get("/organizations/" + org + "/audit?max=100").items().stream()
                .map(e -> (String) e.get("action")).toList();
        assertTrue(audit.containsAll(List.of("CAMPAIGN_OPENED", "ACCESS_REVIEWED", "CAMPAIGN_OVERDUE", "CAMPAIGN_SIGNED_OFF")), audit.toString());
        Thread.sleep(4000);
        assertEquals("DONE", manager.api().get("/organizations/" + org + "/campaign").string("state"), "no new campaign within the period");
    }

    @Test
    void eachOverdueSettingAndAnExtension() throws Exception {
        RealmAttributes.set(realm.admin(), Map.of("lampss.recertificationPeriod", "off", "lampss.recertificationOpenFor", "PT6S",
                "lampss.recertificationReminders", "none", "lampss.recertificationOverdue", "NOTHING"));
        String quiet = fixture.organization();
        Fixture.Member quietManager = fixture.primaryContact(quiet);
        Fixture.Member quietStaff = fixture.activeMember(quiet, "ofa-user");
        assertEquals(201, ops.post("/organizations/" + quiet + "/campaign", Map.of()).status());
        refused(409, "CAMPAIGN_ALREADY_OPEN", ops.post("/organizations/" + quiet + "/campaign", Map.of()));
        LampssApi.Reply nothing = awaitOverdueApplied(quiet);
        assertEquals("NOTHING", nothing.string("overdueApplied"));
        assertEquals(2L, ((Number) counts(nothing).get("pending")).longValue(), "left as they were");
        assertEquals("ACTIVE", ops.get(Fixture.path(quiet, quietStaff.userId())).string("state"));

        RealmAttributes.set(realm.admin(), Map.of("lampss.recertificationOverdue", "DEACTIVATE"));
        String strict = fixture.organization();
        Fixture.Member strictManager = fixture.primaryContact(strict);
        Fixture.Member strictStaff = fixture.activeMember(strict, "ofa-user");
        assertEquals(201, ops.post("/organizations/" + strict + "/campaign", Map.of()).status());
        LampssApi.Reply deactivated = awaitOverdueApplied(strict);
        assertEquals("DEACTIVATE", deactivated.string("overdueApplied"));
        assertEquals("INACTIVE", ops.get(Fixture.path(strict, strictStaff.userId())).string("state"), "deactivated at the due date");
        assertEquals("ACTIVE", ops.get(Fixture.path(strict, strictManager.userId())).string("state"), "the primary contact is flagged instead");
        assertEquals(Map.of("total", 2L, "pending", 0L, "confirmed", 0L, "changed", 0L, "deactivated", 1L, "flagged", 1L),
                longs(counts(deactivated)));
        Map<String, Object> why = strictManager.api().get("/organizations/" + strict + "/audit?max=100").items().stream()
                .filter(e -> "CONTACT_DEACTIVATED".equals(e.get("action"))).findFirst().orElseThrow();
        assertTrue(String.valueOf(((Map<?, ?>) why.get("after")).get("channel")).startsWith("recertification overdue (campaign "), why::toString);

        // An extension gives an open campaign more time; only forward, only Operations Support.
        RealmAttributes.set(realm.admin(), Map.of("lampss.recertificationOverdue", "FLAG", "lampss.recertificationOpenFor", "PT1H"));
        String late = fixture.organization();
        fixture.primaryContact(late);
        LampssApi.Reply opened = ops.post("/organizations/" + late + "/campaign", Map.of());
        refused(400, "INVALID_DUE_DATE", ops.post("/organizations/" + late + "/campaign/extend", Map.of("dueAt", Instant.now().minusSeconds(60).toString())));
        String newDue = Instant.parse(opened.string("dueAt")).plusSeconds(86400).toString();
        LampssApi.Reply extended = ops.post("/organizations/" + late + "/campaign/extend", Map.of("dueAt", newDue));
        assertEquals(200, extended.status(), extended::toString);
        assertEquals(newDue, extended.string("dueAt"));
        assertTrue(ops.get("/campaigns?max=100").items().stream().anyMatch(row -> late.equals(((Map<?, ?>) row.get("organization")).get("id"))));
        assertTrue(quietManager.api().get("/organizations/" + quiet + "/campaign").status() == 200);
    }

    private LampssApi.Reply awaitOverdueApplied(String org) throws InterruptedException {
        return await(() -> {
            LampssApi.Reply now = ops.get("/organizations/" + org + "/campaign");
            return now.string("overdueApplied") != null ? now : null;
        }, 200, 30);
    }

    private static LampssApi.Reply await(Supplier<LampssApi.Reply> read, int status, int seconds) throws InterruptedException {
        long until = System.currentTimeMillis() + seconds * 1000L;
        LampssApi.Reply reply = null;
        while (System.currentTimeMillis() < until) {
            reply = read.get();
            if (reply != null && reply.status() == status) {
                return reply;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not reached in " + seconds + " s: " + reply);
    }

    private static Map<?, ?> counts(LampssApi.Reply campaign) {
        return (Map<?, ?>) campaign.json().get("counts");
    }

    private static Map<String, Long> longs(Map<?, ?> counts) {
        Map<String, Long> result = new HashMap<>();
        counts.forEach((key, value) -> result.put((String) key, ((Number) value).longValue()));
        return result;
    }

    private static void refused(int status, String code, LampssApi.Reply reply) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(code, reply.error(), reply::toString);
    }
}
