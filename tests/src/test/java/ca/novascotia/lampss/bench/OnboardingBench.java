package ca.novascotia.lampss.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.ShippedRealmConfig;
import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.LampssApi;
import ca.novascotia.lampss.it.api.People;
import ca.novascotia.lampss.it.api.ServerMetrics;
import ca.novascotia.lampss.it.onboarding.GeneratedFile;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * (g) Onboarding at go-live size: a file of 10,000 organizations with 5 people each (50,000 rows),
 * its dry run, then its job with invitations held, on this machine; the server's heap sampled
 * meanwhile. Then a smaller job's held invitations released at a set rate, all delivered to GreenMail.
 */
@KeycloakIntegrationTest(config = BenchServerConfig.class)
class OnboardingBench {

    private static final String FILE = "onboarding";

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    @Test
    void goLive() throws Exception {
        int organizations = Bench.setting("onboarding.organizations", 10_000);
        int perOrganization = Bench.setting("onboarding.people", 5);
        int releaseOrganizations = Bench.setting("onboarding.release.organizations", 100);
        int ratePerMinute = Bench.setting("onboarding.rate", 1200);
        // Operations Support signs in once: the token must outlive the whole benchmark.
        RealmRepresentation settings = realm.admin().toRepresentation();
        settings.setAccessTokenLifespan(3 * 3600);
        realm.admin().update(settings);
        People people = new People(realm);
        LampssApi ops = people.operationsSupport(Fixture.unique("ops"));
        byte[] file = file(Fixture.unique("g"), organizations, perOrganization);
        int rows = organizations * perOrganization;

        HeapSampler heap = HeapSampler.start();
        long started = System.nanoTime();
        LampssApi.Reply dryRun = ops.sendFile("/onboarding/dry-run", "text/csv", file, "application/json");
        double dryRunSeconds = (System.nanoTime() - started) / 1e9;
        assertEquals(200, dryRun.status(), dryRun.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) dryRun.json().get("counts");
        assertEquals(rows, ((Number) counts.get("NEW_PERSON")).intValue(), counts.toString());
        long dryRunHeap = heap.stop();

        heap = HeapSampler.start();
        started = System.nanoTime();
        LampssApi.Reply job = ops.sendFile("/onboarding/jobs?invitations=hold", "text/csv", file, "application/json");
        double createSeconds = (System.nanoTime() - started) / 1e9;
        assertEquals(201, job.status(), job.toString());
        Map<String, Object> held = waitFor(ops, job.string("id"), "HELD", 3600);
        double applySeconds = (System.nanoTime() - started) / 1e9;
        long applyHeap = heap.stop();
        assertEquals(rows, ((Number) held.get("rowsDone")).intValue());
        assertEquals(0, ((Number) held.get("rowsFailed")).intValue(), held.toString());
        Bench.report(FILE, "onboarding", Bench.values("organizations", organizations, "rows", rows,
                "file_bytes", file.length, "dry_run_s", dryRunSeconds, "dry_run_heap_peak_mb", dryRunHeap / 1_000_000,
                "job_create_s", createSeconds, "apply_held_s", applySeconds, "rows_per_s", rows / applySeconds,
                "apply_heap_peak_mb", applyHeap / 1_000_000));

        release(ops, releaseOrganizations, perOrganization, ratePerMinute);
    }

    /** A job of its own, held, then released at {@code ratePerMinute}: how fast they go out, and that all arrive. */
    private void release(LampssApi ops, int organizations, int perOrganization, int ratePerMinute) throws Exception {
        String prefix = Fixture.unique("r");
        int people = organizations * perOrganization;
        LampssApi.Reply job = ops.sendFile("/onboarding/jobs?invitations=hold&ratePerMinute=" + ratePerMinute, "text/csv",
                file(prefix, organizations, perOrganization), "application/json");
        assertEquals(201, job.status(), job.toString());
        waitFor(ops, job.string("id"), "HELD", 1800);
        long released = System.nanoTime();
        assertEquals(200, ops.post("/onboarding/jobs/" + job.string("id") + "/release", null).status());
        Map<String, Object> done = waitFor(ops, job.string("id"), "DONE", 3600);
        double seconds = (System.nanoTime() - released) / 1e9;
        mail.waitForIncomingEmail(30_000, people);
        Set<String> delivered = new HashSet<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            for (Address recipient : message.getAllRecipients()) {
                if (recipient.toString().startsWith(prefix.toLowerCase(java.util.Locale.ROOT))) {
                    delivered.add(recipient.toString());
                }
            }
        }
        double perMinute = people / seconds * 60;
        Bench.report(FILE, "onboarding_release", Bench.values("invitations", people, "rate_per_minute_set", ratePerMinute,
                "seconds", seconds, "rate_per_minute_measured", perMinute, "sent", done.get("invitationsSent"),
                "delivered", delivered.size()));
        assertEquals(people, delivered.size(), "every released invitation arrived");
        assertTrue(perMinute <= ratePerMinute * 1.05, "released at most at the set rate: " + perMinute);
    }

    static byte[] file(String prefix, int organizations, int perOrganization) {
        return GeneratedFile.csv(prefix, organizations, perOrganization, "sr;ecm", "ofa-user;sr-user").getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> waitFor(LampssApi ops, String job, String state, int seconds) throws InterruptedException {
        Map<String, Object> current = Map.of();
        for (int i = 0; i < seconds * 2; i++) {
            current = ops.get("/onboarding/jobs/" + job).json();
            if (state.equals(current.get("state"))) {
                return current;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("job " + job + " not " + state + " after " + seconds + " s: " + current);
    }

    /** The server's heap in use (Micrometer's jvm_memory_used_bytes, area heap), its peak sampled twice a second. */
    static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            sampler.thread = new Thread(() -> {
                while (sampler.running) {
                    sampler.peak.accumulateAndGet((long) ServerMetrics.value("jvm_memory_used_bytes", "area", "heap"), Math::max);
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.thread.setDaemon(true);
            sampler.thread.start();
            return sampler;
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak.get();
        }
    }
}
