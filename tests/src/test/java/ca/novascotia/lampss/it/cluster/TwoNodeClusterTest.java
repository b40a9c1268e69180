package ca.novascotia.lampss.it.cluster;

import static ca.novascotia.lampss.it.api.Fixture.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.Jwt;
import ca.novascotia.lampss.it.api.LampssApi;
import ca.novascotia.lampss.it.api.People;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.util.JsonSerialization;

/**
 * Two Keycloak nodes with our extension on one PostgreSQL database (docs/operations.md, "Production: PostgreSQL
 * and clusters"): they form one cluster, and what one node writes the other serves, including the
 * invitation path, token refresh, the scheduled clean-up, a node killed in the middle of writes, and an
 * onboarding job whose node is killed part-way.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterTest {

    private static final Pattern LINK = Pattern.compile("(http\\S+/login-actions/action-token\\?key=[A-Za-z0-9._-]+)");
    private static final Pattern CLEANUP_RUN = Pattern.compile("invitation clean-up ran for period (\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    TwoNodes cluster;
    Keycloak admin;
    People peopleOnA;
    People peopleOnB;
    LampssApi opsOnA;
    LampssApi opsOnB;
    Fixture fixture;
    long bothReadyAt;

    @BeforeAll
    void startTwoNodes() throws Exception {
        cluster = new TwoNodes();
        cluster.start();
        bothReadyAt = System.currentTimeMillis();
        admin = Keycloak.getInstance(cluster.a.url(), "master", "admin", "admin", "admin-cli");
        // The API callers sign in once; their tokens must outlive this class on a loaded machine.
        RealmRepresentation realm = admin.realm("lampss").toRepresentation();
        realm.setAccessTokenLifespan(3600);
        admin.realm("lampss").update(realm);
        peopleOnA = new People(new ManagedRealm(cluster.a.url() + "/realms/lampss", null, admin.realm("lampss")));
        peopleOnB = new People(new ManagedRealm(cluster.b.url() + "/realms/lampss", null, admin.realm("lampss")));
        String ops = peopleOnA.createUser(Fixture.unique("ops"), true);
        opsOnA = peopleOnA.signInAs(ops);
        opsOnB = peopleOnB.signInAs(ops);
        // People accept their invitations through the balancer, at the stand-in realm the nodes serve.
        ManagedRealm mynsaccount = new ManagedRealm(cluster.balancer.url() + "/realms/mynsaccount", null, admin.realm("mynsaccount"));
        fixture = new Fixture(peopleOnA, opsOnA, cluster.mail, mynsaccount);
    }

    @AfterAll
    void stopTwoNodes() throws Exception {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void theTwoNodesFormOneCluster() {
        String viewOfA = lastLineWith(cluster.a.logText(), "ISPN000094");
        String viewOfB = lastLineWith(cluster.b.logText(), "ISPN000094");
        assertTrue(viewOfA.contains("(2)"), "node A sees two members: " + viewOfA);
        assertTrue(viewOfB.contains("(2)"), "node B sees two members: " + viewOfB);
        System.out.printf("CLUSTER nodes=2 build_ms=%d node_a_ready_ms=%d node_b_ready_ms=%d view=%s%n",
                cluster.buildMillis, cluster.readyMillisA, cluster.readyMillisB,
                viewOfB.substring(viewOfB.indexOf("ISPN000094")).replaceAll("\\s+", " "));
    }

    @Test
    @Order(2)
    void anInvitationCreatedThroughNodeAIsAcceptedThroughNodeB() throws Exception {
        String org = fixture.organization();
        String email = Fixture.unique("invitee") + "@example.ca";
        LampssApi.Reply added = opsOnA.post("/organizations/" + org + "/contacts", Map.of("firstName", "Alex", "lastName", "Martin",
                "email", email, "profiles", List.of("ofa-user")));
        assertEquals(201, added.status(), added::toString);
        String userId = added.string("id");
        String link = link(textOf(lastMessageTo(email)));
        assertTrue(link.startsWith(cluster.balancer.url()), "the link names the public address: " + link);

        cluster.balancer.sendTo(cluster.b);
        int reachedA = cluster.balancer.forwardedTo(cluster.a);
        String landed = acceptInBrowser(link, "alex.martin");

        assertTrue(landed.startsWith(cluster.balancer.url() + "/realms/lampss/account"), "landed at " + landed);
        assertEquals(reachedA, cluster.balancer.forwardedTo(cluster.a), "the whole acceptance was served by node B");
        assertEquals("ACTIVE", opsOnB.get(path(org, userId)).string("state"));
        assertEquals("ACTIVE", opsOnA.get(path(org, userId)).string("state"), "node A sees it too");
        assertEquals("INVITATION_ACCEPTED", opsOnA.get("/organizations/" + org + "/audit").items().get(0).get("action"));
        assertEquals(1, admin.realm("lampss").users().get(userId).getFederatedIdentity().size());
    }

    @Test
    @Order(3)
    void aProfileRevokedOnNodeAIsMissingFromTheNextTokenRefreshedOnNodeB() throws Exception {
        String org = fixture.organization();
        fixture.primaryContact(org); // so the member is not the primary contact (who cannot be deactivated)
        Fixture.Member member = fixture.activeMember(org, "ofa-user", "ofa-read-only");
        String username = admin.realm("lampss").users().get(member.userId()).toRepresentation().getUsername();
        Map<String, Object> signedIn = token(cluster.a, "grant_type=password&username=" + enc(username) + "&password="
                + enc(People.PASSWORD) + "&scope=openid");
        assertEquals(List.of("ofa-read-only", "ofa-user"), profiles(signedIn));

        LampssApi.Reply contact = opsOnA.get(path(org, member.userId()));
        LampssApi.Reply revoked = opsOnA.put(path(org, member.userId()), Map.of("firstName", contact.string("firstName"),
                "lastName", contact.string("lastName"), "email", contact.string("email"), "profiles", List.of("ofa-user")));
        assertEquals(200, revoked.status(), revoked::toString);

        Map<String, Object> refreshed = token(cluster.b, "grant_type=refresh_token&refresh_token=" + enc((String) signedIn.get("refresh_token")));
        assertEquals(List.of("ofa-user"), profiles(refreshed), "the token refreshed on node B no longer carries the revoked profile");
    }

    @Test
    @Order(4)
    void nodeBKeepsServingWhenNodeAIsKilledAndNoAcknowledgedWriteIsLost() throws Exception {
        FaultRun run = new FaultRun(cluster, fixture, opsOnA, opsOnB);
        FaultRun.Report report = run.run();
        System.out.println(report.line());
        assertTrue(report.violations().isEmpty(), String.join("\n", report.violations()));
        assertTrue(report.ackedOnBAfterKill() > 0, "node B acknowledged writes after node A died");
    }

    @Test
    @Order(5)
    void theScheduledCleanUpRunsOncePerPeriodAcrossTheCluster() throws Exception {
        long period = Long.parseLong(TwoNodes.CLEANUP_INTERVAL_SECONDS) * 1000;
        Thread.sleep(3 * period);
        Map<Long, List<String>> runs = new TreeMap<>();
        for (KeycloakNode node : List.of(cluster.a, cluster.b)) {
            Matcher matcher = CLEANUP_RUN.matcher(node.logText());
            while (matcher.find()) {
                runs.computeIfAbsent(Long.parseLong(matcher.group(1)), p -> new java.util.ArrayList<>()).add(node.name);
            }
        }
        List<Long> twice = runs.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
        long periodsSinceBothReady = (System.currentTimeMillis() - bothReadyAt) / period;
        long coveredSinceBothReady = runs.keySet().stream().filter(p -> p >= bothReadyAt).count();
        long runsOnA = runs.values().stream().flatMap(List::stream).filter(cluster.a.name::equals).count();
        long runsOnB = runs.values().stream().flatMap(List::stream).filter(cluster.b.name::equals).count();
        System.out.printf("CLEANUP interval_s=%s periods_since_both_ready=%d periods_run=%d runs_node_a=%d runs_node_b=%d periods_run_twice=%d%n",
                TwoNodes.CLEANUP_INTERVAL_SECONDS, periodsSinceBothReady, coveredSinceBothReady, runsOnA, runsOnB, twice.size());

        assertTrue(twice.isEmpty(), "periods run by more than one node: " + twice);
        assertTrue(coveredSinceBothReady >= periodsSinceBothReady / 2, "the clean-up kept running: " + coveredSinceBothReady
                + " of " + periodsSinceBothReady + " periods");
        assertTrue(runsOnB > 0, "node B took the clean-up over once node A was gone");
    }

    @Test
    @Order(6)
    void anOnboardingJobIsTakenOverWhenItsNodeIsKilledAndAppliesEachRowOnce() throws Exception {
        // Node A was killed in order 4: it starts again and joins B, as after a restart.
        cluster.restart(cluster.a);
        System.out.println(new OnboardingTakeover(cluster, opsOnA, opsOnB).run());
    }

    @Test
    @Order(7)
    void eachReminderAndNoticeIsSentOnceByTwoNodes() throws Exception {
        // Order 6 killed the node that held the job: it starts again, so that both nodes run the upkeep.
        for (KeycloakNode node : List.of(cluster.a, cluster.b)) {
            if (!node.alive()) {
                cluster.restart(node);
            }
        }
        System.out.println(new AccessUpkeepOnce(cluster, admin.realm("lampss"), fixture, peopleOnB, opsOnB).run());
    }

    /** Follows the invitation link in a browser through the balancer and signs in at the My NS Account stand-in. */
    private String acceptInBrowser(String link, String standInUser) throws IOException {
        try (WebClient browser = new WebClient()) {
            browser.getOptions().setJavaScriptEnabled(false);
            browser.getOptions().setCssEnabled(false);
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            HtmlPage invitation = browser.getPage(link);
            HtmlPage signIn = invitation.getHtmlElementById("lampss-invitation-sign-in").click();
            assertTrue(signIn.getUrl().toString().startsWith(cluster.balancer.url() + "/realms/mynsaccount"), signIn.getUrl().toString());
            ((HtmlInput) signIn.getElementById("username")).setValue(standInUser);
            ((HtmlInput) signIn.getElementById("password")).setValue("demo");
            Page landed = ((HtmlElement) signIn.getElementById("kc-login")).click();
            return landed.getUrl().toString();
        }
    }

    /** A token response from one node's token endpoint for the API test client. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> token(KeycloakNode node, String form) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(node.url() + "/realms/lampss/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&client_id=" + People.TEST_CLIENT)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JsonSerialization.readValue(response.body(), Map.class);
    }

    /** The profiles (client roles of lampss) in a token response's access token. */
    private static List<String> profiles(Map<String, Object> tokenResponse) {
        return Jwt.profiles((String) tokenResponse.get("access_token"));
    }

    private MimeMessage lastMessageTo(String email) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            MimeMessage[] messages = cluster.mail.getReceivedMessages();
            for (int i = messages.length - 1; i >= 0; i--) {
                if (messages[i].getAllRecipients()[0].toString().equalsIgnoreCase(email)) {
                    return messages[i];
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no email to " + email);
    }

    private static String textOf(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            Object part = multipart.getBodyPart(i).getContent();
            if (multipart.getBodyPart(i).isMimeType("text/plain")) {
                return (String) part;
            }
            if (part instanceof Multipart nested) {
                for (int j = 0; j < nested.getCount(); j++) {
                    if (nested.getBodyPart(j).isMimeType("text/plain")) {
                        return (String) nested.getBodyPart(j).getContent();
                    }
                }
            }
        }
        throw new AssertionError("no text part");
    }

    private static String link(String text) {
        Matcher matcher = LINK.matcher(text);
        assertTrue(matcher.find(), text);
        return matcher.group(1);
    }

    private static String lastLineWith(String log, String marker) {
        return log.lines().filter(line -> line.contains(marker)).reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no " + marker + " line in the node's log"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
