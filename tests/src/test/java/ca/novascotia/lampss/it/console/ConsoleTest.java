package ca.novascotia.lampss.it.console;

import static ca.novascotia.lampss.it.api.Fixture.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.browser.Chromium;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.LampssApi;
import ca.novascotia.lampss.it.api.People;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The delegated console in a real headless Chromium against the real server: Operations Support
 * onboards an organization, its primary contact accepts through the My NS Account stand-in and
 * manages a contact; a delegated administrator sees and does only what the delegation table allows.
 * Every screen is photographed under target/screenshots and checked with axe-core.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class ConsoleTest {

    private static final Pattern LINK = Pattern.compile("(http\\S+/login-actions/action-token\\?key=[A-Za-z0-9._-]+)");

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm lampss;

    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    @InjectMailServer
    MailServer mail;

    People people;
    LampssApi ops;
    String opsUsername;

    @BeforeEach
    void operationsSupport() {
        people = new People(lampss);
        opsUsername = Fixture.unique("ops");
        people.createUser(opsUsername, true);
        ops = people.operationsSupport(Fixture.unique("ops-api"));
    }

    private String console() {
        return lampss.getBaseUrl() + "/lampss/console/";
    }

    @Test
    void onboardingThenThePrimaryContactAddsEditsAndDeactivatesAPerson() throws Exception {
        String number = Fixture.unique("NS");
        String primaryEmail = Fixture.unique("primary") + "@example.ca";
        String organizationId;

        // 1. Operations Support onboards an organization.
        try (Chromium browser = Chromium.start("en")) {
            signIn(browser, console(), opsUsername);
            browser.screen("organizations", "Organizations");

            browser.click(By.id("nav-onboard"));
            browser.screen("onboard", "Onboard an organization");
            browser.click(By.id("onboard-submit"));
            WebElement nameError = browser.find(By.id("nameEn-error"));
            assertEquals("English name is required.", nameError.getText(), "the message next to its field");
            browser.screenshot("onboard-error");
            browser.assertAccessible("onboard-error");

            browser.type("nameEn", "Org " + number);
            browser.type("nameFr", "Organisme " + number);
            browser.type("externalNumber", number);
            browser.click(By.cssSelector("label[for='module-sr']"));
            browser.type("lastName", "Primary");
            browser.type("firstName", "Pat");
            browser.type("email", primaryEmail);
            browser.type("invitationMessage", "Welcome to LaMPSS");
            browser.click(By.id("onboard-submit"));

            assertTrue(browser.find(By.id("invitation-sent")).getText().contains("valid 30 days"));
            browser.screen("contacts-onboarded", "Org contacts");
            organizationId = browser.driver.getCurrentUrl().replaceAll(".*/o/([^/]+)/contacts.*", "$1");
            assertTrue(((List<?>) ops.get("/organizations/" + organizationId).json().get("modules")).containsAll(List.of("ofa", "sr")));

            browser.click(By.id("nav-invitations"));
            browser.screen("invitations", "Invitations");
            WebElement invitation = browser.find(By.cssSelector("[data-invitation-email='" + primaryEmail + "']"));
            assertTrue(invitation.getText().contains("Pending"), invitation.getText());
            invitation.findElement(By.cssSelector(".invitation-resend")).click();
            assertTrue(browser.find(By.id("invitation-notice")).getText().contains("A new invitation was sent to " + primaryEmail));
            browser.click(By.id("nav-home"));
            browser.screen("home-operations-support", "Org " + number);
        }

        // 2. The primary contact accepts the invitation through the My NS Account stand-in.
        try (Chromium browser = Chromium.start("en")) {
            String standIn = standInPerson();
            browser.open(invitationLink(primaryEmail));
            browser.click(By.id("lampss-invitation-sign-in"));
            browser.find(By.id("username")).sendKeys(standIn);
            browser.find(By.id("password")).sendKeys(People.PASSWORD);
            browser.click(By.id("kc-login"));
            browser.waitUntil(d -> d.getCurrentUrl().startsWith(lampss.getBaseUrl() + "/account"), "the landing page");

            browser.open(console());
            browser.screen("home", "Org " + number);
            assertFalse(browser.isPresent(By.id("nav-onboard")), "only Operations Support onboards");

            // 3. The primary contact adds a person with profiles, who shows as Invited.
            browser.click(By.id("nav-contacts"));
            browser.screen("contacts", "Org contacts");
            WebElement first = browser.find(By.cssSelector("#contacts-table tbody tr"));
            assertEquals(primaryEmail, first.getAttribute("data-contact-email"), "primary contact first");
            assertTrue(first.getText().contains("Primary contact"), first.getText());

            browser.click(By.id("add-contact"));
            browser.screen("add-contact", "Add contact with LaMPSS access");
            assertFalse(browser.find(By.id("profile-ofa-self-service-full-update")).isEnabled(), "only Operations Support gives it");
            assertFalse(browser.find(By.id("profile-sr-user")).isEnabled(), "the SR administrator gives it");
            String email = Fixture.unique("person") + "@example.ca";
            browser.type("lastName", "Doe");
            browser.type("firstName", "Jan");
            browser.type("email", email);
            browser.type("invitationMessage", "Bienvenue");
            browser.click(By.cssSelector("label[for='profile-ofa-user']"));
            browser.click(By.id("add-contact-save"));
            assertEquals("An email was sent to " + email + ". The invitation is valid 30 days.",
                    browser.find(By.cssSelector("#invitation-sent p")).getText());
            browser.screen("add-contact-sent", "Invitation sent");
            invitationLink(email);

            browser.click(By.id("back-to-contacts"));
            assertEquals("Invited", row(browser, email).findElement(By.cssSelector(".lampss-state")).getText());

            // Their invitation is withdrawn from the Invitations screen, after a confirmation.
            browser.click(By.id("nav-invitations"));
            browser.find(By.cssSelector("[data-invitation-email='" + email + "'] .invitation-revoke")).click();
            browser.find(By.id("revoke-confirm"));
            browser.screenshot("invitations-revoke-dialog");
            browser.assertAccessible("invitations-revoke-dialog");
            browser.click(By.id("revoke-confirm"));
            assertTrue(browser.find(By.id("invitation-notice")).getText().contains("was revoked"));
            browser.waitUntil(d -> d.findElements(By.cssSelector("[data-invitation-email='" + email + "']")).isEmpty(), "the revoked invitation to leave the list");
            browser.click(By.id("nav-contacts"));
            WebElement row = row(browser, email);

            // 4. The primary contact edits that person, then deactivates them: they leave the list.
            row.findElement(By.tagName("a")).click();
            browser.screen("contact", "Jan Doe");
            browser.type("firstName", "Janet");
            browser.click(By.cssSelector("label[for='profile-ofa-read-only']"));
            browser.click(By.id("contact-save"));
            browser.find(By.id("contact-saved"));
            String userId = browser.driver.getCurrentUrl().replaceAll(".*/contacts/", "");
            LampssApi.Reply edited = ops.get(path(organizationId, userId));
            assertEquals("Janet", edited.string("firstName"));
            assertEquals(List.of("ofa-read-only", "ofa-user"), ((List<?>) edited.json().get("profiles")).stream().sorted().toList());

            browser.click(By.cssSelector("label[for='contact-active']"));
            browser.click(By.id("contact-save"));
            browser.screen("contacts-after-deactivation", "Org contacts");
            browser.waitUntil(d -> d.findElements(By.cssSelector("[data-contact-email='" + email + "']")).isEmpty(), "the person to leave the list");
            assertEquals("INACTIVE", ops.get(path(organizationId, userId)).string("state"));

            // 5. Clearing "Active only" shows the person as Inactive.
            browser.click(By.cssSelector("label[for='active-only']"));
            assertEquals("Inactive", row(browser, email).findElement(By.cssSelector(".lampss-state")).getText());
            browser.screen("contacts-all", "Org contacts");

            browser.click(By.id("nav-audit"));
            browser.screen("audit", "Audit trail");
            assertTrue(browser.isPresent(By.cssSelector("#audit-table [data-action='CONTACT_DEACTIVATED']")));

            // The same screens in French, and the server's messages with them.
            browser.click(By.id("lampss-lang-switch"));
            browser.screen("audit-fr", "Piste de vérification");
            browser.click(By.id("nav-contacts"));
            browser.click(By.id("add-contact"));
            browser.screen("add-contact-fr", "Ajouter une personne-ressource avec accès à LaMPSS");
            browser.type("lastName", "Roy");
            browser.type("firstName", "Luc");
            browser.type("email", "pas-une-adresse");
            browser.click(By.id("add-contact-save"));
            assertEquals("Entrez une adresse courriel valide, par exemple nom@exemple.ca.", browser.find(By.id("email-error")).getText());
        }
    }

    @Test
    void aDelegatedAdministratorSeesAndDoesOnlyWhatTheTableAllows() throws Exception {
        Fixture fixture = new Fixture(people, ops, mail, mynsaccount);
        String organizationId = fixture.organization("sr");
        fixture.primaryContact(organizationId);
        Fixture.Member sr = fixture.activeMember(organizationId, "sr-administrator");
        Fixture.Member staff = fixture.activeMember(organizationId, "ofa-user");

        try (Chromium browser = Chromium.start("en")) {
            signIn(browser, console(), lampss.admin().users().get(sr.userId()).toRepresentation().getUsername());
            browser.find(By.id("nav-contacts"));
            assertFalse(browser.isPresent(By.id("nav-invitations")), "the SR administrator adds nobody");
            assertFalse(browser.isPresent(By.id("nav-audit")), "nor reads the audit trail");
            browser.find(By.id("names-form"));
            assertFalse(browser.isPresent(By.id("modules-form")), "modules are Operations Support's");

            browser.click(By.id("nav-contacts"));
            browser.screen("contacts-sr-administrator", "Org contacts");
            assertFalse(browser.isPresent(By.id("add-contact")));
            row(browser, staff.email()).findElement(By.tagName("a")).click();
            browser.find(By.id("contact-form"));
            browser.screen("contact-sr-administrator", browser.find(By.id("lampss-page-title")).getText());
            assertFalse(browser.find(By.id("firstName")).isEnabled(), "details are the contact managers'");
            assertFalse(browser.find(By.id("profile-ofa-read-only")).isEnabled(), "Funding Agreement profiles are not theirs");
            assertFalse(browser.isPresent(By.id("contact-active")), "deactivation is not theirs");
            assertFalse(browser.isPresent(By.id("contact-primary-contact")), "nor the primary contact role");

            browser.click(By.cssSelector("label[for='profile-sr-user']"));
            browser.click(By.id("contact-save"));
            browser.find(By.id("contact-saved"));
            assertTrue(((List<?>) ops.get(path(organizationId, staff.userId())).json().get("profiles")).contains("sr-user"));

            browser.open(console() + "o/" + organizationId + "/audit");
            browser.screen("audit-refused", "You may not see this page.");
        }

        // What the console hides, the server refuses.
        assertEquals(403, sr.api().get("/organizations/" + organizationId + "/audit").status());
        LampssApi.Reply add = sr.api().post("/organizations/" + organizationId + "/contacts",
                Map.of("firstName", "No", "lastName", "Way", "email", Fixture.unique("no") + "@example.ca"));
        assertEquals(403, add.status(), add::toString);
        Map<String, Object> details = ops.get(path(organizationId, staff.userId())).json();
        LampssApi.Reply grant = sr.api().put(path(organizationId, staff.userId()), Map.of("firstName", details.get("firstName"),
                "lastName", details.get("lastName"), "email", details.get("email"), "profiles", List.of("ofa-user", "sr-user", "ofa-read-only")));
        assertEquals(403, grant.status(), grant::toString);
        assertEquals("PROFILE_NOT_DELEGABLE", grant.error());
        assertEquals(403, sr.api().post(path(organizationId, staff.userId()) + "/deactivate", null).status());
    }

    @Test
    void theConsoleIsServedWithItsSecurityHeadersAndEveryRouteGetsThePage() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var route = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(console() + "o/some-id/contacts")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, route.statusCode());
        assertTrue(route.body().contains("<base href=\"/realms/lampss/lampss/console/\">"), route.body());
        assertTrue(route.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(route.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        assertEquals("DENY", route.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("nosniff", route.headers().firstValue("X-Content-Type-Options").orElse(""));

        Matcher script = Pattern.compile("src=\"\\./(assets/[^\"]+\\.js)\"").matcher(route.body());
        assertTrue(script.find(), route.body());
        var asset = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(console() + script.group(1))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, asset.statusCode());
        assertTrue(asset.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));

        for (String missing : List.of("assets/none.js", "assets/x.exe", "index.exe")) {
            var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(console() + missing)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(404, answer.statusCode(), missing);
        }
        var outside = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(console() + "../../account/index.html")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(outside.statusCode() == 400 || outside.statusCode() == 404, "no way out of the console's folder: " + outside.statusCode());
        var bare = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(console().replaceAll("/$", ""))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(302, bare.statusCode());
        assertEquals("/realms/lampss/lampss/console/", bare.headers().firstValue("Location").orElse("").replaceAll("^https?://[^/]+", ""));
    }

    /** Signs in at the realm's own form (people with a password: Operations Support, fixture members). */
    private static void signIn(Chromium browser, String url, String username) {
        browser.open(url);
        browser.find(By.id("username")).sendKeys(username);
        browser.find(By.id("password")).sendKeys(People.PASSWORD);
        browser.click(By.id("kc-login"));
    }

    private static WebElement row(Chromium browser, String email) {
        return browser.find(By.cssSelector("#contacts-table [data-contact-email='" + email + "']"));
    }

    /** A new person at the My NS Account stand-in, with the test password; returns their username. */
    private String standInPerson() {
        String username = Fixture.unique("myns");
        UserRepresentation person = new UserRepresentation();
        person.setUsername(username);
        person.setFirstName("Pat");
        person.setLastName("Primary");
        person.setEmail(username + "@myns.example.ca");
        person.setEmailVerified(true);
        person.setEnabled(true);
        person.setCredentials(List.of(People.password()));
        mynsaccount.admin().users().create(person).close();
        return username;
    }

    private String invitationLink(String email) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            MimeMessage[] messages = mail.getReceivedMessages();
            for (int i = messages.length - 1; i >= 0; i--) {
                if (messages[i].getAllRecipients()[0].toString().equalsIgnoreCase(email)) {
                    Matcher link = LINK.matcher(text(messages[i]));
                    assertTrue(link.find(), "a link in the email to " + email);
                    return link.group(1);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no email to " + email);
    }

    private static String text(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            Object content = multipart.getBodyPart(i).getContent();
            if (content instanceof Multipart nested) {
                for (int j = 0; j < nested.getCount(); j++) {
                    text.append(nested.getBodyPart(j).getContent());
                }
            } else {
                text.append(content);
            }
        }
        return text.toString();
    }
}
