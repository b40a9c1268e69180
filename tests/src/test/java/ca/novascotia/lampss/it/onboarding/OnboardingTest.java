package ca.novascotia.lampss.it.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.LampssApi;
import ca.novascotia.lampss.it.api.People;
import ca.novascotia.lampss.it.api.ServerMetrics;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Onboarding from a file through the real server: the dry run writes nothing and reports each
 * refused row; a job applies the rest in the background, holds invitations until released, and a
 * second run of the same file changes nothing; bad files are refused whole.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class OnboardingTest {

    static final String HEADER = GeneratedFile.HEADER;

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm lampss;

    @InjectMailServer
    MailServer mail;

    LampssApi ops;
    People people;

    @BeforeEach
    void operationsSupport() {
        people = new People(lampss);
        ops = people.operationsSupport(Fixture.unique("ops"));
    }

    private LampssApi.Reply dryRun(String csv) {
        return ops.sendFile("/onboarding/dry-run", "text/csv", csv.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private long organizationsNamed(String number) {
        return ((Number) ops.get("/organizations?search=" + number).json().get("total")).longValue();
    }

    private int mailsTo(String address) throws MessagingException {
        int count = 0;
        for (MimeMessage message : mail.getReceivedMessages()) {
            for (Address recipient : message.getAllRecipients()) {
                count += recipient.toString().equalsIgnoreCase(address) ? 1 : 0;
            }
        }
        return count;
    }

    @SuppressWarnings("unchecked")
    @Test
    void theDryRunReportsEachRefusedRowAndWritesNothing() {
        String a = Fixture.unique("A");
        String b = Fixture.unique("B");
        String csv = HEADER
                + a + ",Org A,Org A FR,sr,Doe,Jo," + a + "-jo@example.ca,,yes\n"
                + a + ",,,,Roe,Al," + a + "-al@example.ca,sr-user,no\n"
                + a + ",,,,Roe,Al," + a + "-al@example.ca,,no\n"
                + a + ",,,,\"=CMD()\",Al," + a + "-x@example.ca,,no\n"
                + a + ",,,,Poe,Ed," + a + "-ed@example.ca,ecm-inquiry,no\n"
                + b + ",Org B,Org B FR,,Doe,Jo," + b + "-jo@example.ca,,no\n";
        LampssApi.Reply reply = dryRun(csv);
        assertEquals(200, reply.status(), reply.toString());
        Map<String, Object> report = reply.json();
        assertEquals(6, report.get("rows"));
        Map<String, Object> counts = (Map<String, Object>) report.get("counts");
        assertEquals(2, counts.get("NEW_PERSON"));
        assertEquals(4, counts.get("REFUSED"));
        assertEquals(1, ((Map<String, Object>) report.get("organizations")).get("CREATE"));
        List<Map<String, Object>> refusals = (List<Map<String, Object>>) report.get("refusals");
        assertEquals(List.of(4, 5, 6, 7), refusals.stream().map(r -> r.get("line")).toList());
        assertEquals("EMAIL_TWICE_IN_ORGANIZATION", refusals.get(0).get("code"));
        assertEquals("3", refusals.get(0).get("detail"));
        assertEquals("FORMULA_IN_CELL", refusals.get(1).get("code"));
        assertEquals("last_name", refusals.get(1).get("column"));
        assertEquals("MODULE_NOT_ENABLED", refusals.get(2).get("code"));
        assertEquals("NO_PRIMARY_CONTACT", refusals.get(3).get("code"));
        Map<String, String> message = (Map<String, String>) refusals.get(1).get("message");
        assertTrue(message.get("fr").startsWith("Nom de famille") || message.get("fr").contains("formule"), message.toString());
        assertTrue(message.get("en").contains("formula"), message.toString());
        assertEquals(0, organizationsNamed(a));
        assertEquals(0, organizationsNamed(b));
        assertTrue(lampss.admin().users().searchByEmail(a + "-jo@example.ca", true).isEmpty());

        LampssApi.Reply asCsv = ops.sendFile("/onboarding/dry-run", "text/csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(200, asCsv.status());
        String[] lines = asCsv.body().split("\r\n");
        assertEquals("line,column,code,detail,message_en,message_fr", lines[0]);
        assertEquals(5, lines.length);
        assertTrue(lines[2].startsWith("5,\"last_name\",\"FORMULA_IN_CELL\""), lines[2]);
    }

    @Test
    void badFilesAreRefusedWholeAndNothingIsWritten() {
        String a = Fixture.unique("A");
        String row = a + ",Org,Org FR,,Doe,Jo," + a + "@example.ca,,yes\n";
        byte[] latin1 = (HEADER + a + ",Société,Org FR,,Doe,Jo," + a + "@example.ca,,yes\n").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("NOT_UTF8", ops.sendFile("/onboarding/dry-run", "text/csv", latin1, "application/json").error());
        assertEquals("MISSING_COLUMNS", dryRun("organization_number,email\n" + a + ",x@example.ca\n").error());
        assertEquals("UNCLOSED_QUOTE", dryRun(HEADER + "\"" + row).error());
        assertEquals("FILE_EMPTY", dryRun("").error());
        LampssApi.Reply unknown = dryRun(HEADER.replace("\n", ",<script>\n") + row);
        assertEquals("UNKNOWN_COLUMN", unknown.error());
        assertTrue(!unknown.body().contains("<script>"), unknown.body());
        assertEquals(400, ops.sendFile("/onboarding/dry-run", "application/json", "{\"rows\": 3}".getBytes(StandardCharsets.UTF_8),
                "application/json").status());
        StringBuilder big = new StringBuilder(HEADER);
        for (int i = 0; i <= 100_000; i++) {
            big.append(a).append(",O,O,,D,J,p").append(i).append("@example.ca,,no\n");
        }
        LampssApi.Reply tooMany = dryRun(big.toString());
        assertEquals("TOO_MANY_ROWS", tooMany.error(), tooMany.toString());
        assertEquals(400, ops.sendFile("/onboarding/jobs", "text/csv", latin1, "application/json").status());
        assertEquals(0, organizationsNamed(a));
        // Only Operations Support onboards: an organization's member is refused before the file is read.
        assertEquals(403, people.outsider(Fixture.unique("outsider")).sendFile("/onboarding/dry-run", "text/csv",
                (HEADER + row).getBytes(StandardCharsets.UTF_8), "application/json").status());
    }

    @Test
    void aJobHoldsInvitationsUntilReleasedAndRunningTheFileAgainChangesNothing() throws Exception {
        String a = Fixture.unique("A");
        String b = Fixture.unique("B");
        String csv = HEADER
                + a + ",Org A,Org A FR,sr,Roe,Al," + a + "-al@example.ca,sr-user,no\n"
                + a + ",Org A,Org A FR,sr,Doe,Jo," + a + "-jo@example.ca,,yes\n"
                + b + ",Org B,Org B FR,,Doe,Jo," + a + "-jo@example.ca,ofa-user,yes\n"
                + b + ",,,,Bad,Row,not-an-email,,no\n";
        LampssApi.Reply started = ops.sendFile("/onboarding/jobs?invitations=hold&fileName=first.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(201, started.status(), started.toString());
        String job = started.string("id");
        Map<String, Object> held = waitForState(job, "HELD");
        assertEquals(4, held.get("rowsDone"));
        assertEquals(1, held.get("rowsFailed"));
        assertEquals(3, held.get("invitationsWaiting"));
        assertEquals(0, mailsTo(a + "-jo@example.ca"));
        assertEquals(0, mailsTo(a + "-al@example.ca"));

        LampssApi.Reply refused = ops.get("/onboarding/jobs/" + job + "/rows?outcome=REFUSED,FAILED");
        assertEquals(1, refused.items().size());
        assertEquals(5, refused.items().get(0).get("line"));
        assertEquals("INVALID_EMAIL", refused.items().get(0).get("code"));

        String organizationA = (String) ops.get("/organizations?search=" + a).items().get(0).get("id");
        LampssApi.Reply contacts = ops.get("/organizations/" + organizationA + "/contacts?activeOnly=false");
        assertEquals(2, contacts.items().size(), contacts.toString());
        Map<String, Object> jo = contacts.items().stream().filter(c -> (a + "-jo@example.ca").equalsIgnoreCase((String) c.get("email"))).findFirst().orElseThrow();
        assertEquals(true, jo.get("primaryContact"));
        assertEquals("INVITED", jo.get("state"));
        List<Map<String, Object>> audit = ops.get("/organizations/" + organizationA + "/audit?max=50").items();
        assertTrue(audit.stream().anyMatch(entry -> String.valueOf(entry.get("after")).contains("onboarding job " + job)), audit.toString());

        assertEquals(200, ops.post("/onboarding/jobs/" + job + "/release", null).status());
        Map<String, Object> done = waitForState(job, "DONE");
        assertEquals(3, done.get("invitationsSent"));
        assertEquals(0, done.get("invitationsNotSent"));
        assertEquals(3, ops.get("/onboarding/jobs/" + job + "/rows?invitation=SENT").items().size());
        assertEquals(2, mailsTo(a + "-jo@example.ca"));
        assertEquals(1, mailsTo(a + "-al@example.ca"));
        int auditRows = ops.get("/organizations/" + organizationA + "/audit").json().get("total") instanceof Number n ? n.intValue() : -1;

        LampssApi.Reply again = ops.sendFile("/onboarding/jobs?fileName=again.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(201, again.status(), again.toString());
        waitForState(again.string("id"), "DONE");
        LampssApi.Reply outcomes = ops.get("/onboarding/jobs/" + again.string("id") + "/rows");
        assertEquals(List.of("UNCHANGED", "UNCHANGED", "UNCHANGED", "REFUSED"),
                outcomes.items().stream().map(r -> r.get("outcome")).toList(), outcomes.toString());
        assertEquals(auditRows, ((Number) ops.get("/organizations/" + organizationA + "/audit").json().get("total")).intValue());
        assertEquals(2, mailsTo(a + "-jo@example.ca"));
        assertTrue(ops.get("/onboarding/jobs").items().stream().anyMatch(j -> job.equals(j.get("id"))));
    }

    /**
     * Attack: Operations Support starts a job, then loses the role (left the team). The job goes on
     * to its end, but nothing more is changed in that person's name: each remaining row fails with
     * the rule that refuses it, and its organization is never created.
     */
    @Test
    void aJobStopsChangingAnythingOnceItsCreatorLosesOperationsSupport() throws Exception {
        String username = Fixture.unique("leaver");
        String leaver = people.createUser(username, true);
        LampssApi api = people.signIn(username);
        String csv = GeneratedFile.csv(Fixture.unique("L"), 60, 5, "", "");
        double failedBefore = ServerMetrics.value("lampss_onboarding_rows_total", "realm", "lampss", "outcome", "FAILED");
        LampssApi.Reply started = api.sendFile("/onboarding/jobs?invitations=hold", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(201, started.status(), started.toString());
        lampss.admin().users().get(leaver).roles().realmLevel()
                .remove(List.of(lampss.admin().roles().get("operations-support").toRepresentation()));

        String job = started.string("id");
        Map<String, Object> end = waitForState(job, "HELD", "DONE");
        assertEquals(300, end.get("rowsDone"), end.toString());
        int failed = (Integer) end.get("rowsFailed");
        assertTrue(failed > 0, "rows after the role was removed fail: " + end);
        LampssApi.Reply rows = ops.get("/onboarding/jobs/" + job + "/rows?outcome=FAILED&max=100");
        assertEquals(failed, ((Number) rows.json().get("total")).intValue(), rows.toString());
        // The delegation table's refusal: Operations Support only, or not a member of an organization created before.
        assertTrue(rows.items().stream().allMatch(row -> List.of("OPERATIONS_SUPPORT_ONLY", "NOT_IN_ORGANIZATION")
                .contains(row.get("code"))), rows.toString());
        String lastFailed = (String) ops.get("/onboarding/jobs/" + job + "/rows?outcome=FAILED&first=" + (failed - 1))
                .items().get(0).get("organizationNumber");
        assertEquals(0, organizationsNamed(lastFailed));
        assertEquals(failed, ServerMetrics.value("lampss_onboarding_rows_total", "realm", "lampss", "outcome", "FAILED") - failedBefore,
                0.001, "failed rows are counted on /metrics");
        // And the former Operations Support person can no longer read or release jobs.
        assertEquals(403, api.get("/onboarding/jobs/" + job).status());
        assertEquals(403, api.post("/onboarding/jobs/" + job + "/release", null).status());
    }

    /** Invitations go out as rows are applied, at most the job's rate: 2 a minute sends one now, the next 30 s later. */
    @Test
    void invitationsGoOutAsRowsAreAppliedAtTheJobsRate() throws Exception {
        String prefix = Fixture.unique("R");
        String csv = GeneratedFile.csv(prefix, 1, 3, "", "");
        LampssApi.Reply started = ops.sendFile("/onboarding/jobs?ratePerMinute=2", "text/csv", csv.getBytes(StandardCharsets.UTF_8),
                "application/json");
        assertEquals(201, started.status(), started.toString());
        String job = started.string("id");
        Map<String, Object> sending = waitForState(job, "SENDING");
        Thread.sleep(3000);
        Map<String, Object> later = ops.get("/onboarding/jobs/" + job).json();
        assertEquals(1, later.get("invitationsSent"), later.toString());
        assertEquals(2, later.get("invitationsWaiting"), later.toString());
        assertEquals("SENDING", later.get("state"));
        assertEquals(3, sending.get("rowsDone"));
        int mailed = 0;
        for (int p = 0; p < 3; p++) {
            mailed += mailsTo(GeneratedFile.email(prefix, 0, p));
        }
        assertEquals(1, mailed, "one invitation sent so far, the others wait for the rate");
    }

    @Test
    void aCompressedFileIsReadAndAZipBombIsRefused() throws Exception {
        String a = Fixture.unique("Z");
        String csv = HEADER + a + ",Org,Org FR,,Doe,Jo," + a + "-jo@example.ca,,yes\n";
        LampssApi.Reply compressed = ops.sendFile("/onboarding/dry-run", "text/csv", gzip(csv.getBytes(StandardCharsets.UTF_8)),
                "application/json", "gzip");
        assertEquals(200, compressed.status(), compressed.toString());
        assertEquals(1, compressed.json().get("rows"));
        // About 270 MB once unpacked, 0.3 MB as sent: refused past 256 MiB, and nothing is written.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(HEADER.getBytes(StandardCharsets.UTF_8));
            byte[] row = (a + ",\"" + "x".repeat(3000) + "\",O,,D,J,x@example.ca,,no\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 90_000; i++) {
                out.write(row);
            }
        }
        LampssApi.Reply bomb = ops.sendFile("/onboarding/dry-run", "text/csv", bytes.toByteArray(), "application/json", "gzip");
        assertEquals("FILE_TOO_LARGE", bomb.error(), bomb.toString());
        assertEquals(0, organizationsNamed(a));
    }

    private static byte[] gzip(byte[] plain) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    private Map<String, Object> waitForState(String job, String state) throws InterruptedException {
        return waitForState(job, state, state);
    }

    private Map<String, Object> waitForState(String job, String state, String orState) throws InterruptedException {
        Map<String, Object> current = Map.of();
        for (int i = 0; i < 120; i++) {
            current = ops.get("/onboarding/jobs/" + job).json();
            if (state.equals(current.get("state")) || orState.equals(current.get("state"))) {
                return current;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("job " + job + " never reached " + state + ": " + current);
    }
}
