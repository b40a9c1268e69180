package ca.novascotia.lampss.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ca.novascotia.lampss.it.ShippedRealmConfig;
import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.LampssApi;
import ca.novascotia.lampss.it.api.People;
import ca.novascotia.lampss.it.api.RealmAttributes;
import ca.novascotia.lampss.it.api.ServerMetrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * (h) The scheduled access upkeep at the province's size, on PostgreSQL: 10,000 organizations and
 * 100,000 people (seeded with SQL), recertification switched on; one pass opens a campaign for every
 * organization, tells each contact manager, and reminds every invited person whose invitation
 * expires within 7 days. Measured: the pass's length against the clean-up interval (900 s by
 * default), and the SQL statements of each batch by phase, from the server's own metrics.
 */
@KeycloakIntegrationTest(config = BenchServerConfig.class)
class UpkeepBench {

    private static final String FILE = "upkeep";
    private static final List<String> PHASES = List.of("open", "find", "claim", "send", "mark", "overdue");

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    @Test
    void tenThousandOrganizations() throws Exception {
        assumeTrue(BenchServerConfig.onPostgres(), "the upkeep benchmark seeds PostgreSQL with SQL: run it with -Dbench.database=postgres");
        int organizations = Bench.setting("upkeep.organizations", 10_000);
        int people = Bench.setting("upkeep.people", 10);
        int invitedEvery = Bench.setting("upkeep.invitedEvery", 20);
        People signIn = new People(realm);
        LampssApi ops = signIn.operationsSupport(Fixture.unique("ops"));
        LampssApi.Reply template = ops.post("/organizations", Map.of("nameEn", "Template", "nameFr", "Modèle",
                "externalNumber", Fixture.unique("TEMPLATE"), "modules", List.of()));
        assertEquals(201, template.status(), template::toString);
        String realmId = realm.admin().toRepresentation().getId();
        String templateUser = ops.get("/me").string("id");
        UpkeepSeed.Seeded seeded = new UpkeepSeed().seed(realmId, template.string("id"), templateUser, organizations, people, invitedEvery);
        realm.admin().clearRealmCache();
        realm.admin().clearUserCache();
        Bench.report(FILE, "upkeep-seed", Bench.values("organizations", seeded.organizations(), "active", seeded.active(),
                "invited", seeded.invited(), "seconds", seeded.seconds()));

        Map<String, double[]> before = statements();
        RealmAttributes.set(realm.admin(), Map.of("lampss.recertificationPeriod", "P12M"));
        long expectedNotices = organizations + 1L + seeded.invited(); // a manager each (the template has none: SKIPPED), invitees
        long deadline = System.currentTimeMillis() + 3_600_000L;
        while (notices(realmId) < expectedNotices && System.currentTimeMillis() < deadline) {
            Thread.sleep(5000);
        }
        RealmAttributes.set(realm.admin(), Map.of("lampss.recertificationPeriod", "off"));
        assertEquals(expectedNotices, notices(realmId), "every notice was written");
        long campaigns = UpkeepSeed.one("select count(*) from lampss_campaign where realm_id = ?", realmId);
        long reviews = UpkeepSeed.one("select count(*) from lampss_campaign_review r join lampss_campaign c on c.id = r.campaign_id"
                + " where c.realm_id = ?", realmId);
        // Rows are written before their emails go out: the pass ends when the last email reached the mail server.
        long expectedEmails = expectedNotices - 1;
        while (mail.getReceivedMessages().length < expectedEmails && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        long lastDelivered = System.currentTimeMillis();
        long firstOpened = UpkeepSeed.one("select min(opened_at) from lampss_campaign where realm_id = ?", realmId);
        double passSeconds = (lastDelivered - firstOpened) / 1000.0;
        int delivered = mail.getReceivedMessages().length;
        assertEquals(organizations + 1L, campaigns, "a campaign per organization");
        assertEquals(seeded.active(), reviews, "a review row per active contact");

        Map<String, Object> line = Bench.values("organizations", organizations, "people", organizations * people,
                "campaigns", campaigns, "review_rows", reviews, "emails_delivered", delivered, "pass_s", passSeconds,
                "cleanup_interval_s", 900, "within_interval", passSeconds < 900);
        Map<String, double[]> after = statements();
        for (String phase : PHASES) {
            double[] was = before.getOrDefault(phase, new double[3]);
            double[] now = after.getOrDefault(phase, new double[3]);
            double batches = now[0] - was[0];
            line.put(phase + "_batches", (long) batches);
            line.put(phase + "_statements_per_batch", batches == 0 ? 0.0 : (now[1] - was[1]) / batches);
            line.put(phase + "_statements_peak", (long) now[2]);
        }
        Bench.report(FILE, "upkeep", line);
        assertEquals(expectedEmails, delivered, "each email reached the mail server once");
        assertTrue(passSeconds < 900, "the pass fits in the default clean-up interval: " + passSeconds + " s");
    }

    private static long notices(String realmId) throws Exception {
        return UpkeepSeed.one("select count(*) from lampss_notice where realm_id = ?", realmId);
    }

    /** Per phase: batches, statements, the most statements in one batch since the server started. */
    private static Map<String, double[]> statements() {
        Map<String, double[]> result = new HashMap<>();
        for (String phase : PHASES) {
            result.put(phase, new double[] {
                ServerMetrics.value("lampss_upkeep_batch_statements_count", "phase", phase),
                ServerMetrics.value("lampss_upkeep_batch_statements_sum", "phase", phase),
                ServerMetrics.value("lampss_upkeep_batch_statements_peak", "phase", phase)});
        }
        return result;
    }
}
