package ca.novascotia.lampss.it.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.InvitationMail;
import ca.novascotia.lampss.it.api.LampssApi;
import ca.novascotia.lampss.it.api.Mailbox;
import ca.novascotia.lampss.it.api.People;
import ca.novascotia.lampss.it.api.RealmAttributes;
import ca.novascotia.lampss.it.browser.Chromium;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Every LaMPSS email as it arrives at the real SMTP server, rendered in a real Chromium from the
 * HTML part: the shared layout (logo and program names, an English and a French half each marked
 * with its language, one button with its address written out, who sent it and for which
 * organization, what happens next, how to check it is genuine and whom to ask), axe-core clean,
 * photographed under target/screenshots, with every value a person typed shown as text, never as
 * markup; and its plain-text twin saying the same.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class LampssEmailsTest {

    /** Typed into a name, a message or a setting by someone: must arrive as these characters. */
    private static final String TYPED = "<img src=x onerror=alert(1)> & \"Co\"";
    private static final String HELP = "Operations Support <ops@example.ca> & friends";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    private LampssApi ops;
    private String linkBase;
    private Fixture fixture;
    /** The name of the person who sends the email, as LaMPSS holds it when it is sent. */
    private String sender;
    private String senderEmail;

    @BeforeEach
    void operationsSupportAndWhomToAsk() {
        setRealmAttribute("lampss.emailHelp", HELP);
        People people = new People(realm);
        ops = people.operationsSupport(Fixture.unique("ops"));
        fixture = new Fixture(people, ops, mail, mynsaccount);
        linkBase = realm.getBaseUrl() + "/";
    }

    /**
     * The organization's primary contact, whose name was typed with markup in LaMPSS; returns the API
     * as them (they send the emails below) and remembers the name the emails must show.
     */
    private LampssApi primaryContactOf(String org) {
        String id = ops.post("/organizations/" + org + "/contacts", Map.of("firstName", "<b>Olga</b>", "lastName", "O'Hara",
                "email", Fixture.unique("olga") + "@example.ca", "profiles", List.of())).string("id");
        // Keycloak's own user profile refuses markup in names, so the stand-in identity has a plain one.
        fixture.activateAs(org, id, fixture.standInIdentity("Olga", "O'Hara"), People.PASSWORD);
        LampssApi.Reply olga = ops.get(Fixture.path(org, id));
        sender = olga.string("firstName") + " " + olga.string("lastName");
        senderEmail = olga.string("email");
        return fixture.people.signInAs(id);
    }

    @Test
    void theInvitation() throws Exception {
        String org = organization();
        String email = Fixture.unique("invitee") + "@example.ca";
        assertEquals(201, primaryContactOf(org).post("/organizations/" + org + "/contacts", Map.of("firstName", "Alex", "lastName", "Martin",
                "email", email, "invitationMessage", "<script>alert(2)</script>\nWelcome!")).status());
        var message = InvitationMail.lastMessageTo(mail, email);
        String link = InvitationMail.link(InvitationMail.part(message, "text/plain"));
        assertTrue(link.startsWith(linkBase), "the email's own advice holds: its link starts with " + linkBase);

        try (Chromium browser = rendered(InvitationMail.part(message, "text/html"), "email-invitation")) {
            assertLayout(browser);
            String english = half(browser, "en").getText();
            String french = half(browser, "fr").getText();
            assertTrue(english.contains(sender + " invited you to access LaMPSS for Org " + TYPED + "."), english);
            assertTrue(french.contains(sender + " vous a invité à accéder au LaMPSS pour Organisme " + TYPED + "."), french);
            assertTrue(english.contains("<script>alert(2)</script>") && french.contains("<script>alert(2)</script>"), english);
            assertTrue(english.matches("(?s).*valid until [A-Z][a-z]+ \\d{1,2}, \\d{4} and can be used once.*"), english);
            assertTrue(french.matches("(?s).*valide jusqu'au \\d{1,2} [a-zéû]+ \\d{4} et ne peut.*"), french);
            assertTrue(english.contains("What happens next") && english.contains("My NS Account"), english);
            assertTrue(french.contains("Et ensuite?") && french.contains("mon compte Mon NS"), french);
            for (String lang : List.of("en", "fr")) {
                List<WebElement> links = half(browser, lang).findElements(By.cssSelector("a[href]"));
                assertEquals(2, links.size(), "one button and its address written out, in " + lang);
                links.forEach(a -> assertEquals(link, a.getAttribute("href")));
                assertEquals(link, links.get(1).getText(), "the address is written out");
            }
        }
        String text = InvitationMail.part(message, "text/plain");
        for (String said : List.of("Org " + TYPED, "Organisme " + TYPED, sender, "<script>alert(2)</script>",
                "What happens next", "Et ensuite?", "Is this email genuine? LaMPSS links always start with " + linkBase,
                "contact " + HELP, "Labour Market Programs Support System")) {
            assertTrue(text.contains(said), "the plain-text twin says " + said + ":\n" + text);
        }
    }

    @Test
    void theNoticeToAnAddressThatStoppedBeingAPersons() throws Exception {
        String org = organization();
        LampssApi olga = primaryContactOf(org);
        String old = Fixture.unique("old") + "@example.ca";
        String id = olga.post("/organizations/" + org + "/contacts", Map.of("firstName", "Sam", "lastName", "Lee", "email", old))
                .string("id");
        assertEquals(200, olga.put(Fixture.path(org, id), Map.of("firstName", "Sam", "lastName", "Lee",
                "email", Fixture.unique("new") + "@example.ca")).status());
        var message = InvitationMail.lastMessageTo(mail, old);

        try (Chromium browser = rendered(InvitationMail.part(message, "text/html"), "email-changed")) {
            assertLayout(browser);
            assertTrue(half(browser, "en").getText().contains(sender + " changed the email address of your LaMPSS account from " + old),
                    half(browser, "en").getText());
            assertTrue(half(browser, "fr").getText().contains(sender + " a remplacé " + old), half(browser, "fr").getText());
        }
        String text = InvitationMail.part(message, "text/plain");
        assertTrue(text.contains("What happens next") && text.contains("contact " + HELP), text);
    }

    /**
     * An active contact is told when someone changes their profiles or deactivates them; nobody is
     * told of a change to an invitation not accepted yet, nor when the realm turns the notices off.
     */
    @Test
    void theNoticeOfAChangeOfAccess() throws Exception {
        String org = organization();
        primaryContactOf(org);
        Fixture.Member member = fixture.activeMember(org, "ofa-user");
        String invited = Fixture.unique("invited") + "@example.ca";
        String invitedId = ops.post("/organizations/" + org + "/contacts", Map.of("firstName", "Ivy", "lastName", "Ng",
                "email", invited, "profiles", List.of("ofa-user"))).string("id");
        String opsName = ops.get("/me").string("firstName") + " " + ops.get("/me").string("lastName");
        int invitedMails = mailsTo(invited);

        assertEquals(200, ops.put(Fixture.path(org, member.userId()), details(member.email(), "ofa-read-only")).status());
        var changed = InvitationMail.lastMessageTo(mail, member.email());
        assertTrue(changed.getSubject().contains("your access for Org " + TYPED), changed.getSubject());
        try (Chromium browser = rendered(InvitationMail.part(changed, "text/html"), "email-access-changed")) {
            assertLayout(browser);
            String english = half(browser, "en").getText();
            assertTrue(english.contains(opsName + " changed your profiles in LaMPSS for Org " + TYPED + ". You now hold:\n"
                    + "Organization Funding Agreement/Read only"), english);
            assertTrue(half(browser, "fr").getText().contains("Vous détenez maintenant :"), half(browser, "fr").getText());
            assertEquals(linkBase + "lampss/console/", half(browser, "en").findElement(By.cssSelector("a[href]")).getAttribute("href"));
        }
        assertEquals(200, ops.post(Fixture.path(org, member.userId()) + "/deactivate", null).status());
        String deactivated = InvitationMail.part(InvitationMail.lastMessageTo(mail, member.email()), "text/plain");
        assertTrue(deactivated.contains(opsName + " deactivated your access to LaMPSS for Org " + TYPED + "."), deactivated);

        assertEquals(200, ops.put(Fixture.path(org, invitedId), Map.of("firstName", "Ivy", "lastName", "Ng", "email", invited,
                "profiles", List.of("ofa-read-only"))).status());
        assertEquals(invitedMails, mailsTo(invited), "an invited person is not using LaMPSS yet: no notice");
        setRealmAttribute("lampss.accessChangeNotices", "false");
        Fixture.Member quiet = fixture.activeMember(org, "ofa-user");
        int quietMails = mailsTo(quiet.email());
        assertEquals(200, ops.put(Fixture.path(org, quiet.userId()), details(quiet.email(), "ofa-read-only")).status());
        assertEquals(quietMails, mailsTo(quiet.email()), "notices off");
        setRealmAttribute("lampss.accessChangeNotices", "true");
    }

    /**
     * The emails of access over time, each as received, rendered and checked like the others: the
     * reminder before an invitation expires and the notice to its sender when it expired, the
     * campaign's notice to its contact managers, and Operations Support's decision on a request
     * (whose text, typed with markup, stays text).
     */
    @Test
    void theRemindersAndNoticesOfAccessOverTime() throws Exception {
        String org = organization();
        LampssApi olga = primaryContactOf(org);
        Fixture.Member staff = fixture.activeMember(org, "ofa-user");
        String olgaEmail = senderEmail;
        setRealmAttribute("lampss.invitationLifetime", "PT20S");
        setRealmAttribute("lampss.invitationReminders", "PT10S");
        try {
            String late = Fixture.unique("late") + "@example.ca";
            assertEquals(201, olga.post("/organizations/" + org + "/contacts", Map.of("firstName", "Lee", "lastName", "Late",
                    "email", late, "profiles", List.of("ofa-user"))).status());
            assertEquals(201, ops.post("/organizations/" + org + "/campaign", Map.of()).status());
            String asked = olga.post("/organizations/" + org + "/requests", Map.of("userId", staff.userId(),
                    "profile", "ofa-self-service-full-update", "reason", "Backup")).string("id");
            assertEquals(200, ops.post("/requests/" + asked + "/refuse", Map.of("decision", "<script>alert(3)</script> Not yet.")).status());

            var reminder = awaitMail(late, "expires soon");
            try (Chromium browser = rendered(InvitationMail.part(reminder, "text/html"), "email-invitation-reminder")) {
                assertLayout(browser);
                assertTrue(half(browser, "en").getText().contains(sender + " invited you to access LaMPSS for Org " + TYPED
                        + ". You have not accepted yet."), half(browser, "en").getText());
                assertTrue(half(browser, "fr").getText().contains("Vous ne l'avez pas encore acceptée."), half(browser, "fr").getText());
            }
            var expired = awaitMail(olgaEmail, "expired");
            try (Chromium browser = rendered(InvitationMail.part(expired, "text/html"), "email-invitation-expired")) {
                assertLayout(browser);
                assertTrue(half(browser, "en").getText().contains("The invitation you sent to Lee Late (" + late + ") for Org " + TYPED
                        + " expired on"), half(browser, "en").getText());
                assertTrue(half(browser, "en").findElement(By.cssSelector("a[href]")).getAttribute("href")
                        .startsWith(linkBase + "lampss/console/o/" + org + "/contacts/"), "to the contact's page");
            }
            var campaign = awaitMail(olgaEmail, "confirm who has access");
            try (Chromium browser = rendered(InvitationMail.part(campaign, "text/html"), "email-campaign")) {
                assertLayout(browser);
                assertTrue(half(browser, "en").getText().contains("A review of who may use LaMPSS for Org " + TYPED + " has opened."),
                        half(browser, "en").getText());
                assertTrue(half(browser, "fr").getText().contains("Un examen des personnes qui peuvent utiliser le LaMPSS pour Organisme "
                        + TYPED + " est ouvert."), half(browser, "fr").getText());
                assertEquals(linkBase + "lampss/console/o/" + org + "/review",
                        half(browser, "en").findElement(By.cssSelector("a[href]")).getAttribute("href"));
            }
            var decided = awaitMail(staff.email(), "access request");
            try (Chromium browser = rendered(InvitationMail.part(decided, "text/html"), "email-request-decided")) {
                assertLayout(browser);
                String english = half(browser, "en").getText();
                assertTrue(english.contains("refused the request made by " + sender) && english.contains("<script>alert(3)</script> Not yet."),
                        english);
                assertTrue(half(browser, "fr").getText().contains("a refusé la demande"), half(browser, "fr").getText());
            }
            for (var message : List.of(reminder, expired, campaign, decided)) {
                String text = InvitationMail.part(message, "text/plain");
                assertTrue(text.contains("What happens next") && text.contains("Et ensuite?") && text.contains("contact " + HELP), text);
            }
        } finally {
            setRealmAttribute("lampss.invitationLifetime", "P30D");
            setRealmAttribute("lampss.invitationReminders", "P7D,P1D");
        }
    }

    private jakarta.mail.internet.MimeMessage awaitMail(String email, String subjectPart) throws Exception {
        var received = Mailbox.await(mail, email, subjectPart, 1, 60);
        assertTrue(!received.isEmpty(), "no email to " + email + " about " + subjectPart);
        return received.get(0);
    }

    private static Map<String, Object> details(String email, String... profiles) {
        return Map.of("firstName", "First " + email, "lastName", "Last " + email, "email", email, "profiles", List.of(profiles));
    }

    private int mailsTo(String email) {
        return Mailbox.to(mail, email, "").size();
    }

    private void setRealmAttribute(String name, String value) {
        RealmAttributes.set(realm.admin(), Map.of(name, value));
    }

    private String organization() {
        LampssApi.Reply created = ops.post("/organizations", Map.of("nameEn", "Org " + TYPED, "nameFr", "Organisme " + TYPED,
                "externalNumber", Fixture.unique("NS"), "modules", List.of()));
        assertEquals(201, created.status(), created::toString);
        return created.string("id");
    }

    /** The email's HTML opened as a page of its own, photographed and checked with axe-core. */
    private static Chromium rendered(String html, String name) throws Exception {
        Path file = Files.createTempFile(name, ".html");
        Files.writeString(file, html);
        Chromium browser = Chromium.start("en");
        browser.open(file.toUri().toString());
        browser.screenshot(name);
        browser.assertAccessible(name);
        return browser;
    }

    /** What every LaMPSS email has, whatever it says; and nothing typed became markup. */
    private void assertLayout(Chromium browser) throws Exception {
        assertEquals(0L, browser.js("return document.querySelectorAll('script, img[onerror], b, iframe, form').length"),
                "only the layout's own elements: what people typed stays text");
        assertEquals("en", browser.js("return document.documentElement.lang"));
        String top = browser.find(By.cssSelector("body")).getText();
        assertTrue(top.startsWith("Labour Market Programs Support System\nSystème de soutien aux programmes du marché du travail"), top);
        WebElement logo = browser.find(By.cssSelector("img"));
        assertEquals("", logo.getAttribute("alt"), "decorative: the names are written beside it");
        HttpResponse<byte[]> image = HTTP.send(HttpRequest.newBuilder(URI.create(logo.getAttribute("src"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, image.statusCode(), logo.getAttribute("src"));
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
        assertTrue(half(browser, "en").getText().contains("Is this email genuine? LaMPSS links always start with " + linkBase
                + ". LaMPSS never asks for your password by email. If in doubt, do not click: contact " + HELP + "."));
        assertTrue(half(browser, "fr").getText().contains("Ce courriel est-il authentique? Les liens du LaMPSS commencent toujours par "
                + linkBase + "."));
    }

    private static WebElement half(Chromium browser, String lang) {
        return browser.find(By.cssSelector("td[lang='" + lang + "']"));
    }
}
