package ca.novascotia.lampss.it.api;

import static ca.novascotia.lampss.it.api.Fixture.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.AccessToken;
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.ErrorPage;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.util.JsonSerialization;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;
import org.keycloak.testsuite.util.oauth.PkceGenerator;
import org.openqa.selenium.By;

/**
 * The invitation path over real HTTP: the API adds a contact, the email arrives at the test SMTP
 * server, the link is followed in a browser, the person signs in at the My NS Account stand-in, and
 * back in the realm the identity is linked to the prepared user, whose token carries the profiles.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class InvitationTest {

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm lampss;

    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    @InjectMailServer
    MailServer mail;

    @InjectOAuthClient(realmRef = "lampss")
    OAuthClient oauth;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectPage
    LoginPage loginPage;

    @InjectPage
    ErrorPage errorPage;

    Fixture fixture;
    LampssApi ops;

    @BeforeEach
    void freshBrowserAndOperationsSupport() {
        forgetSessions();
        People people = new People(lampss);
        ops = people.operationsSupport(Fixture.unique("ops"));
        fixture = new Fixture(people, ops, mail, mynsaccount);
    }

    @Test
    void theInvitedPersonLinksTheirMyNsAccountAndGetsTheirProfiles() throws Exception {
        String org = fixture.organization();
        String email = Fixture.unique("invitee") + "@example.ca";
        LampssApi.Reply added = ops.post("/organizations/" + org + "/contacts", Map.of("firstName", "Alex", "lastName", "Martin",
                "email", email, "profiles", List.of("ofa-user"), "invitationMessage", "<b>Welcome</b> & see you"));
        String userId = added.string("id");

        MimeMessage message = lastMessageTo(email);
        String html = part(message, "text/html");
        String text = part(message, "text/plain");
        assertTrue(message.getSubject().contains("Org ") && message.getSubject().contains("Organisme "), message.getSubject());
        assertTrue(html.contains("&lt;b&gt;Welcome&lt;/b&gt; &amp; see you"), "the message is escaped: " + html);
        assertTrue(text.contains("<b>Welcome</b> & see you"), text);
        String link = link(text);
        Map<String, Object> claims = claims(link);
        long lifetime = ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
        assertTrue(Math.abs(lifetime - 30L * 24 * 3600) < 120, "valid 30 days by default: " + lifetime + " s");

        driver.open(link);
        driver.open(link);
        assertTrue(driver.findElement(By.id("lampss-invitation-intro")).getText().contains("Org "), driver.getCurrentUrl());
        assertEquals("INVITED", ops.get(path(org, userId)).string("state"), "opening the link consumes nothing");

        double acceptedBefore = ServerMetrics.value("lampss_invitations_accepted_total", "realm", lampss.getName());
        click(By.id("lampss-invitation-sign-in"));
        assertTrue(driver.getCurrentUrl().startsWith(mynsaccount.getBaseUrl()), driver.getCurrentUrl());
        signInAtStandIn("alex.martin");
        assertEquals(acceptedBefore + 1, ServerMetrics.value("lampss_invitations_accepted_total", "realm", lampss.getName()),
                "counted on the metrics endpoint");

        assertTrue(driver.getCurrentUrl().startsWith(lampss.getBaseUrl() + "/account"), () -> "landed: " + driver.getCurrentUrl() + "\n" + driver.findElement(By.tagName("body")).getText());
        LampssApi.Reply contact = ops.get(path(org, userId));
        assertEquals("ACTIVE", contact.string("state"));
        List<FederatedIdentityRepresentation> links = lampss.admin().users().get(userId).getFederatedIdentity();
        assertEquals(1, links.size());
        assertEquals(pairwiseSubject("alex.martin"), links.get(0).getUserId(), "linked by the pairwise subject");
        assertEquals("INVITATION_ACCEPTED", ops.get("/organizations/" + org + "/audit").items().get(0).get("action"));

        AccessToken token = signInThroughMyNsAccount("alex.martin");
        assertEquals(userId, token.getSubject(), "a second sign-in lands in the same user");
        assertTrue(token.getResourceAccess("lampss").getRoles().containsAll(List.of("ofa-user", "ofa-self-service-full-update")),
                token.getResourceAccess("lampss").getRoles().toString());

    }

    @Test
    void aPersonAlreadyLinkedJoinsASecondOrganizationWithoutLinkingAgain() throws Exception {
        String first = fixture.organization();
        String second = fixture.organization();
        String email = Fixture.unique("twice") + "@example.ca";
        String userId = fixture.addContact(first, email, "ofa-user").string("id");
        accept(link(part(lastMessageTo(email), "text/plain")), "camille.leblanc");
        assertEquals("ACTIVE", ops.get(path(first, userId)).string("state"));

        assertEquals(userId, fixture.addContact(second, email, "ofa-read-only").string("id"));
        forgetSessions();
        accept(link(part(lastMessageTo(email), "text/plain")), "camille.leblanc");

        assertEquals("ACTIVE", ops.get(path(second, userId)).string("state"));
        assertEquals(1, lampss.admin().users().get(userId).getFederatedIdentity().size());
    }

    @Test
    void anIdentityLinkedToSomeoneElseCannotTakeAnotherInvitation() throws Exception {
        String org = fixture.organization();
        String firstEmail = Fixture.unique("holder") + "@example.ca";
        fixture.addContact(org, firstEmail);
        accept(link(part(lastMessageTo(firstEmail), "text/plain")), "sam.macdonald");
        String otherEmail = Fixture.unique("other") + "@example.ca";
        String otherId = fixture.addContact(org, otherEmail).string("id");
        forgetSessions();

        accept(link(part(lastMessageTo(otherEmail), "text/plain")), "sam.macdonald");

        assertTrue(errorPage.getError().contains("already linked to another LaMPSS account"), errorPage.getError());
        assertEquals("INVITED", ops.get(path(org, otherId)).string("state"));
        assertTrue(lampss.admin().users().get(otherId).getFederatedIdentity().isEmpty());
    }

    @Test
    void anExpiredLinkIsRefusedAndChangesNothing() throws Exception {
        String org = fixture.organization();
        fixture.primaryContact(org);
        String email = Fixture.unique("late") + "@example.ca";
        String userId = addContactInvitedFor(org, email, "PT2S");
        String expiring = link(part(lastMessageTo(email), "text/plain"));
        Thread.sleep(3000);
        double refusedBefore = ServerMetrics.value("lampss_invitations_refused_total", "realm", lampss.getName(), "reason", "expired");

        driver.open(expiring);

        assertNotNull(errorPage.getError(), "expired");
        assertEquals(refusedBefore + 1, ServerMetrics.value("lampss_invitations_refused_total", "realm", lampss.getName(),
                "reason", "expired"), "counted on the metrics endpoint");
        assertEquals("INVITED", ops.get(path(org, userId)).string("state"));
        assertTrue(lampss.admin().users().get(userId).getFederatedIdentity().isEmpty());
    }

    @Test
    void aTamperedLinkIsRefusedAndChangesNothing() throws Exception {
        String org = fixture.organization();
        String email = Fixture.unique("tamper") + "@example.ca";
        String userId = fixture.addContact(org, email).string("id");
        String good = link(part(lastMessageTo(email), "text/plain"));
        String tampered = good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");

        driver.open(tampered);

        assertNotNull(errorPage.getError(), "tampered");
        assertEquals("INVITED", ops.get(path(org, userId)).string("state"));
        assertEquals("PENDING", invitationOf(org, userId).get("state"));
    }

    @Test
    void theLinkOfADeactivatedPersonIsRefusedAndChangesNothing() throws Exception {
        String org = fixture.organization();
        fixture.primaryContact(org);
        String email = Fixture.unique("gone") + "@example.ca";
        String userId = fixture.addContact(org, email).string("id");
        String link = link(part(lastMessageTo(email), "text/plain"));
        assertEquals(200, ops.post(path(org, userId) + "/deactivate", null).status());

        driver.open(link);

        assertNotNull(errorPage.getError(), "deactivated person");
        assertEquals("INACTIVE", ops.get(path(org, userId)).string("state"));
        assertTrue(lampss.admin().users().get(userId).getFederatedIdentity().isEmpty());
    }

    @Test
    void aUsedLinkIsRefused() throws Exception {
        String org = fixture.organization();
        String email = Fixture.unique("used") + "@example.ca";
        String userId = fixture.addContact(org, email).string("id");
        String link = link(part(lastMessageTo(email), "text/plain"));
        accept(link, standInPerson());
        assertEquals("ACTIVE", ops.get(path(org, userId)).string("state"));
        forgetSessions();

        driver.open(link);

        assertTrue(errorPage.getError().contains("already used"), errorPage.getError());
        assertEquals(1, lampss.admin().users().get(userId).getFederatedIdentity().size());
    }

    @Test
    void aResentInvitationReplacesTheOldLinkAndARevokedOneStopsWorking() throws Exception {
        String org = fixture.organization();
        fixture.primaryContact(org);
        String email = Fixture.unique("resent") + "@example.ca";
        String userId = fixture.addContact(org, email).string("id");
        String first = link(part(lastMessageTo(email), "text/plain"));

        assertEquals(200, ops.post(path(org, userId) + "/invitation", null).status());
        String second = newLinkTo(email, first);
        driver.open(first);
        assertTrue(errorPage.getError().contains("newer invitation"), errorPage.getError());
        forgetSessions();
        driver.open(first + "&kc_locale=fr");
        assertTrue(errorPage.getError().contains("invitation plus récente"), errorPage.getError());
        forgetSessions();
        driver.open(second + "&kc_locale=fr");
        assertTrue(driver.findElement(By.id("lampss-invitation-intro")).getText().startsWith("Vous avez été invité"),
                driver.findElement(By.id("lampss-invitation-intro")).getText());
        assertTrue(driver.findElement(By.id("lampss-invitation-intro")).getText().contains("Organisme "));

        assertEquals(200, ops.send("DELETE", path(org, userId) + "/invitation", null).status());
        forgetSessions();
        double revokedBefore = ServerMetrics.value("lampss_invitations_refused_total", "realm", lampss.getName(), "reason", "revoked");
        driver.open(second);
        assertTrue(errorPage.getError().contains("withdrawn"), errorPage.getError());
        assertEquals(revokedBefore + 1, ServerMetrics.value("lampss_invitations_refused_total", "realm", lampss.getName(),
                "reason", "revoked"), "counted on the metrics endpoint");
        assertEquals("INVITED", ops.get(path(org, userId)).string("state"));
        assertEquals("INVITATION_NOT_FOUND", ops.send("DELETE", path(org, userId) + "/invitation", null).error());
        List<String> actions = ops.get("/organizations/" + org + "/audit").items().stream().map(a -> (String) a.get("action")).toList();
        assertEquals(List.of("INVITATION_REVOKED", "INVITATION_SENT"), actions.subList(0, 2));
    }

    @Test
    void anExpiredInvitationShowsAsExpiredAndCanBeResent() throws Exception {
        String org = fixture.organization();
        fixture.primaryContact(org);
        double expiredBefore = ServerMetrics.value("lampss_invitations_expired_total", "realm", lampss.getName());
        String userId = addContactInvitedFor(org, Fixture.unique("lapsed") + "@example.ca", "PT2S");
        Thread.sleep(2500);

        assertEquals("EXPIRED", invitationOf(org, userId).get("state"));
        for (int wait = 0; wait < 50 && invitationOf(org, userId).get("closedAt") == null; wait++) {
            Thread.sleep(200);
        }
        assertNotNull(invitationOf(org, userId).get("closedAt"), "the scheduled clean-up marked it expired");
        assertTrue(ServerMetrics.value("lampss_invitations_expired_total", "realm", lampss.getName()) >= expiredBefore + 1,
                "counted on the metrics endpoint");
        assertEquals(200, ops.post(path(org, userId) + "/invitation", null).status());
        assertEquals("PENDING", invitationOf(org, userId).get("state"));
        assertEquals(1, ops.get("/organizations/" + org + "/invitations").items().stream()
                .filter(i -> i.get("userId").equals(userId)).count(), "the expired one is replaced, not listed twice");
    }

    @Test
    void aPersonWhoCancelsAtMyNsAccountIsToldAndNothingChanges() throws Exception {
        String org = fixture.organization();
        String email = Fixture.unique("cancel") + "@example.ca";
        String userId = fixture.addContact(org, email).string("id");
        driver.open(link(part(lastMessageTo(email), "text/plain")));
        click(By.id("lampss-invitation-sign-in"));
        String state = URLDecoder.decode(driver.getCurrentUrl().replaceAll(".*[?&]state=([^&]*).*", "$1"), StandardCharsets.UTF_8);

        // What My NS Account sends back when the person cancels (OAuth 2.0 access_denied).
        driver.open(lampss.getBaseUrl() + "/broker/mynsaccount/endpoint?error=access_denied&state="
                + java.net.URLEncoder.encode(state, StandardCharsets.UTF_8));

        String page = driver.findElement(By.tagName("body")).getText();
        assertTrue(page.toLowerCase().contains("cancel") || page.contains("denied"), page);
        assertEquals("INVITED", ops.get(path(org, userId)).string("state"));
        assertTrue(lampss.admin().users().get(userId).getFederatedIdentity().isEmpty());
        assertEquals("PENDING", invitationOf(org, userId).get("state"), "the invitation can still be used");
    }

    /**
     * The identity provider's sync mode is IMPORT: Keycloak copies My NS Account's names and email only into a user
     * it creates at first login, which never happens here (people are prepared by invitation). So linking and every
     * later sign-in leave LaMPSS's record as it is, whatever My NS Account says.
     */
    @Test
    void laMpssKeepsTheNamesAndEmailItHoldsWhateverMyNsAccountSays() throws Exception {
        String org = fixture.organization();
        String email = Fixture.unique("record") + "@example.ca";
        String upstream = standInPerson();
        LampssApi.Reply added = ops.post("/organizations/" + org + "/contacts", Map.of("firstName", "Robin", "lastName", "Record",
                "email", email, "profiles", List.of("ofa-user")));
        assertEquals(201, added.status(), added::toString);
        String userId = added.string("id");

        accept(link(part(lastMessageTo(email), "text/plain")), upstream);
        assertEquals("ACTIVE", ops.get(path(org, userId)).string("state"));
        assertRecord(userId, email, "Robin", "Record", "linking took nothing from My NS Account (Stand In)");

        var person = mynsaccount.admin().users().search(upstream, true).get(0);
        person.setEmail(Fixture.unique("moved") + "@example.ca");
        person.setFirstName("Changed");
        person.setLastName("Upstream");
        mynsaccount.admin().users().get(person.getId()).update(person);
        AccessToken token = signInThroughMyNsAccount(upstream);

        assertEquals(userId, token.getSubject());
        assertEquals(email, token.getEmail(), "the token carries LaMPSS's email");
        assertRecord(userId, email, "Robin", "Record", "a later sign-in took nothing from My NS Account either");
    }

    /**
     * The server runs with {@code --hostname=http://localhost:8080} (LampssServerConfig): an invitation added through
     * another address (here 127.0.0.1) still links to the configured one.
     */
    @Test
    void theEmailedLinkNamesTheConfiguredHost() throws Exception {
        String org = fixture.organization();
        String email = Fixture.unique("host") + "@example.ca";
        String body = JsonSerialization.writeValueAsString(Map.of("firstName", "Host", "lastName", "Name", "email", email,
                "profiles", List.of("ofa-user")));
        java.net.http.HttpResponse<String> added = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/realms/lampss/lampss/organizations/" + org + "/contacts"))
                        .header("Authorization", "Bearer " + ops.token())
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(201, added.statusCode(), added.body());

        String link = link(part(lastMessageTo(email), "text/plain"));
        assertTrue(link.startsWith("http://localhost:8080/realms/lampss/login-actions/action-token?"), link);
    }

    private void assertRecord(String userId, String email, String firstName, String lastName, String message) {
        var user = lampss.admin().users().get(userId).toRepresentation();
        assertEquals(List.of(email, firstName, lastName), List.of(user.getEmail(), user.getFirstName(), user.getLastName()), message);
    }

    @Test
    void theLandingPageIsTheOneTheRealmConfigures() throws Exception {
        RealmRepresentation realm = lampss.admin().toRepresentation();
        realm.getAttributes().put("lampss.invitationLandingUrl", oauth.getRedirectUri());
        lampss.admin().update(realm);
        try {
            String org = fixture.organization();
            String email = Fixture.unique("landing") + "@example.ca";
            String userId = fixture.addContact(org, email).string("id");

            accept(link(part(lastMessageTo(email), "text/plain")), standInPerson());

            assertTrue(driver.getCurrentUrl().startsWith(oauth.getRedirectUri()), driver.getCurrentUrl());
            assertEquals("ACTIVE", ops.get(path(org, userId)).string("state"));
        } finally {
            realm.getAttributes().remove("lampss.invitationLandingUrl");
            lampss.admin().update(realm);
        }
    }

    /** A new person at the My NS Account stand-in (password "demo"), so no other test has linked them. */
    private String standInPerson() {
        String username = Fixture.unique("myns");
        org.keycloak.representations.idm.UserRepresentation person = new org.keycloak.representations.idm.UserRepresentation();
        person.setUsername(username);
        person.setEmail(username + "@example.ca");
        person.setFirstName("Stand");
        person.setLastName("In");
        person.setEnabled(true);
        person.setEmailVerified(true);
        org.keycloak.representations.idm.CredentialRepresentation password = new org.keycloak.representations.idm.CredentialRepresentation();
        password.setType("password");
        password.setValue("demo");
        password.setTemporary(false);
        person.setCredentials(List.of(password));
        mynsaccount.admin().users().create(person).close();
        return username;
    }

    /** Adds a contact while the realm's invitation lifetime is {@code lifetime}, then puts the default back. */
    private String addContactInvitedFor(String org, String email, String lifetime) {
        RealmRepresentation realm = lampss.admin().toRepresentation();
        realm.getAttributes().put("lampss.invitationLifetime", lifetime);
        lampss.admin().update(realm);
        try {
            return fixture.addContact(org, email).string("id");
        } finally {
            realm.getAttributes().remove("lampss.invitationLifetime");
            lampss.admin().update(realm);
        }
    }

    private Map<String, Object> invitationOf(String org, String userId) {
        return ops.get("/organizations/" + org + "/invitations").items().stream()
                .filter(i -> i.get("userId").equals(userId)).findFirst().orElseThrow();
    }

    private String newLinkTo(String email, String old) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            String latest = link(part(lastMessageTo(email), "text/plain"));
            if (!latest.equals(old)) {
                return latest;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no new invitation email to " + email);
    }

    /** Ends the browser's sessions at both realms (cookies are scoped to each realm's path). */
    private void forgetSessions() {
        for (ManagedRealm realm : List.of(lampss, mynsaccount)) {
            driver.open(realm.getBaseUrl() + "/account");
            driver.cookies().deleteAll();
        }
    }

    /** Clicks an element, or fails showing where the browser is and what it shows. */
    private void click(By element) {
        try {
            driver.findElement(element).click();
        } catch (org.openqa.selenium.NoSuchElementException e) {
            throw new AssertionError("no " + element + " at " + driver.getCurrentUrl() + ":\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    private void signInAtStandIn(String username) {
        if (driver.driver().findElements(By.id("username")).isEmpty()) {
            throw new AssertionError("no sign-in form at " + driver.getCurrentUrl() + ":\n" + driver.findElement(By.tagName("body")).getText());
        }
        loginPage.fillLogin(username, "demo");
        loginPage.submit();
    }

    private void accept(String link, String upstreamUsername) {
        driver.open(link);
        click(By.id("lampss-invitation-sign-in"));
        if (driver.getCurrentUrl().startsWith(mynsaccount.getBaseUrl())) {
            signInAtStandIn(upstreamUsername);
        }
    }

    private AccessToken signInThroughMyNsAccount(String upstreamUsername) {
        ClientRepresentation app = lampss.admin().clients().findByClientId("lampss-demo-app").get(0);
        if (!app.getRedirectUris().contains(oauth.getRedirectUri())) {
            app.getRedirectUris().add(oauth.getRedirectUri());
            lampss.admin().clients().get(app.getId()).update(app);
        }
        oauth.client("lampss-demo-app", "demo-app-secret");
        forgetSessions();
        PkceGenerator pkce = PkceGenerator.s256();
        oauth.loginForm().codeChallenge(pkce).open();
        click(By.id("social-mynsaccount"));
        if (driver.getCurrentUrl().startsWith(mynsaccount.getBaseUrl())) {
            signInAtStandIn(upstreamUsername);
        }
        AuthorizationEndpointResponse response = oauth.parseLoginResponse();
        AccessTokenResponse tokens = oauth.accessTokenRequest(response.getCode()).codeVerifier(pkce).send();
        return oauth.verifyToken(tokens.getAccessToken());
    }

    private String pairwiseSubject(String upstreamUsername) {
        var person = mynsaccount.admin().users().search(upstreamUsername, true).get(0);
        var client = mynsaccount.admin().clients().findByClientId("lampss").get(0);
        return mynsaccount.admin().clients().get(client.getId()).clientScopesEvaluate()
                .generateExampleIdToken("openid", person.getId(), null).getSubject();
    }

    private MimeMessage lastMessageTo(String email) throws Exception {
        return InvitationMail.lastMessageTo(mail, email);
    }

    private static String part(MimeMessage message, String type) throws Exception {
        return InvitationMail.part(message, type);
    }

    private static String link(String text) {
        return InvitationMail.link(text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claims(String link) throws Exception {
        String key = URLDecoder.decode(URI.create(link).getRawQuery().replaceFirst("^key=", ""), StandardCharsets.UTF_8);
        return JsonSerialization.readValue(Base64.getUrlDecoder().decode(key.split("\\.")[1]), Map.class);
    }
}
