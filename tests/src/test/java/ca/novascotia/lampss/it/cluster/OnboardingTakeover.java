package ca.novascotia.lampss.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.LampssApi;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An onboarding job on two nodes: started with both nodes up, the node applying it killed part-way,
 * the other taking it over once the lease runs out; then every row was applied once, every person
 * exists once, and every held invitation, once released, is sent once.
 */
final class OnboardingTakeover {

    static final int ORGANIZATIONS = 200;
    static final int PEOPLE_PER_ORGANIZATION = 5;
    private static final Pattern WORKER = Pattern.compile("onboarding worker (\\S+) started");

    private final TwoNodes cluster;
    private final Map<KeycloakNode, LampssApi> api;
    private final String prefix = Fixture.unique("t");

    OnboardingTakeover(TwoNodes cluster, LampssApi onA, LampssApi onB) {
        this.cluster = cluster;
        this.api = Map.of(cluster.a, onA, cluster.b, onB);
    }

    String file() {
        StringBuilder csv = new StringBuilder("organization_number,organization_name_en,organization_name_fr,modules,"
                + "last_name,first_name,email,profiles,primary_contact\n");
        for (int o = 0; o < ORGANIZATIONS; o++) {
            for (int p = 0; p < PEOPLE_PER_ORGANIZATION; p++) {
                csv.append(prefix).append('-').append(o).append(",Org ").append(o).append(",Org FR ").append(o).append(",sr,Last")
                        .append(p).append(",First,").append(email(o, p)).append(p == 0 ? ",," : ",ofa-user;sr-user,")
                        .append(p == 0 ? "yes" : "no").append('\n');
            }
        }
        return csv.toString();
    }

    String email(int organization, int person) {
        return (prefix + "-" + organization + "-" + person + "@example.ca").toLowerCase(java.util.Locale.ROOT);
    }

    /** Runs the scenario; returns a BENCH-like line with what happened. */
    String run() throws Exception {
        LampssApi onB = api.get(cluster.b);
        LampssApi.Reply started = onB.sendFile("/onboarding/jobs?invitations=hold", "text/csv",
                file().getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(201, started.status(), started.toString());
        String job = started.string("id");
        int total = ORGANIZATIONS * PEOPLE_PER_ORGANIZATION;
        Map<String, Object> before = waitFor(onB, job, j -> ((Number) j.get("rowsDone")).intValue() >= total / 10);
        int doneAtKill = ((Number) before.get("rowsDone")).intValue();
        assertTrue(doneAtKill < total, "the job was still running when its node was killed: " + before);
        KeycloakNode holder = nodeOf((String) before.get("worker"));
        KeycloakNode survivor = holder == cluster.a ? cluster.b : cluster.a;
        holder.kill();
        long killedAt = System.nanoTime();
        Map<String, Object> held = waitFor(api.get(survivor), job, j -> "HELD".equals(j.get("state")));
        long takeoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
        assertEquals(total, ((Number) held.get("rowsDone")).intValue(), held.toString());
        assertEquals(0, ((Number) held.get("rowsFailed")).intValue(), held.toString());
        assertEquals(total, ((Number) held.get("invitationsWaiting")).intValue(), held.toString());
        assertTrue(!held.get("worker").equals(before.get("worker")), "another node finished the job: " + held);
        checkEachPersonOnce(api.get(survivor));
        assertEquals(200, api.get(survivor).post("/onboarding/jobs/" + job + "/release", null).status());
        waitFor(api.get(survivor), job, j -> "DONE".equals(j.get("state")));
        checkEachInvitationOnce();
        return String.format("ONBOARDING_TAKEOVER rows=%d done_at_kill=%d killed=%s takeover_ms=%d", total, doneAtKill,
                holder.name, takeoverMillis);
    }

    private KeycloakNode nodeOf(String worker) {
        for (KeycloakNode node : List.of(cluster.a, cluster.b)) {
            Matcher matcher = WORKER.matcher(node.logText());
            while (matcher.find()) {
                if (matcher.group(1).equals(worker)) {
                    return node;
                }
            }
        }
        throw new AssertionError("no node logged worker " + worker);
    }

    /** Each organization has its five contacts once, the first its primary contact, each added once in the audit trail. */
    private void checkEachPersonOnce(LampssApi ops) {
        for (int o = 0; o < ORGANIZATIONS; o += 7) {
            String number = prefix + "-" + o;
            List<Map<String, Object>> found = ops.get("/organizations?search=" + number).items().stream()
                    .filter(org -> number.equals(org.get("externalNumber"))).toList();
            assertEquals(1, found.size(), "organization " + o + " exists once");
            String id = (String) found.get(0).get("id");
            List<Map<String, Object>> contacts = ops.get("/organizations/" + id + "/contacts?activeOnly=false&max=50").items();
            assertEquals(PEOPLE_PER_ORGANIZATION, contacts.size(), contacts.toString());
            long added = ops.get("/organizations/" + id + "/audit?max=100").items().stream()
                    .filter(entry -> "CONTACT_ADDED".equals(entry.get("action"))).count();
            assertEquals(PEOPLE_PER_ORGANIZATION, added, "each person added once in organization " + o);
        }
    }

    private void checkEachInvitationOnce() throws Exception {
        Map<String, Integer> received = new HashMap<>();
        for (MimeMessage message : cluster.mail.getReceivedMessages()) {
            for (Address recipient : message.getAllRecipients()) {
                received.merge(recipient.toString().toLowerCase(), 1, Integer::sum);
            }
        }
        for (int o = 0; o < ORGANIZATIONS; o++) {
            for (int p = 0; p < PEOPLE_PER_ORGANIZATION; p++) {
                assertEquals(1, received.getOrDefault(email(o, p), 0), "one invitation to " + email(o, p));
            }
        }
    }

    private static Map<String, Object> waitFor(LampssApi ops, String job, java.util.function.Predicate<Map<String, Object>> done)
            throws InterruptedException {
        Map<String, Object> current = Map.of();
        for (int i = 0; i < 1200; i++) {
            try {
                current = ops.get("/onboarding/jobs/" + job).json();
                if (done.test(current)) {
                    return current;
                }
            } catch (RuntimeException nodeBusy) {
                // the node may refuse a call while the other one dies; ask again
            }
            Thread.sleep(250);
        }
        throw new AssertionError("job " + job + " did not get there: " + current);
    }
}
