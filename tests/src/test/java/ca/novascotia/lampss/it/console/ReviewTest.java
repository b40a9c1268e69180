package ca.novascotia.lampss.it.console;

import static ca.novascotia.lampss.it.api.Fixture.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.LampssApi;
import ca.novascotia.lampss.it.api.People;
import ca.novascotia.lampss.it.browser.Chromium;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 15 in a real headless Chromium against the real server: a contact manager walks the
 * organization's access review (confirms one contact, changes another's profiles, deactivates a
 * third after a confirmation, signs off, refused first while contacts are still to review), and asks
 * for a profile only Operations Support gives, which Operations Support approves in its queue; the
 * campaign overview extends a due date. The API then shows what the screens did. Every screen is
 * photographed (review-*.png) in English and French and checked with axe-core.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class ReviewTest {

    private static final ZoneId PROVINCE = ZoneId.of("America/Halifax");

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm lampss;

    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    @InjectMailServer
    MailServer mail;

    People people;
    LampssApi ops;
    String opsUsername;
    Fixture fixture;

    @BeforeEach
    void operationsSupport() {
        people = new People(lampss);
        opsUsername = Fixture.unique("ops");
        people.createUser(opsUsername, true);
        ops = people.operationsSupport(Fixture.unique("ops-api"));
        fixture = new Fixture(people, ops, mail, mynsaccount);
    }

    private String console() {
        return lampss.getBaseUrl() + "/lampss/console/";
    }

    @Test
    void theContactManagerConfirmsChangesDeactivatesAndSignsOff() {
        String organizationId = fixture.organization("sr");
        Fixture.Member primary = fixture.primaryContact(organizationId);
        Fixture.Member kept = fixture.activeMember(organizationId, "ofa-user");
        Fixture.Member changed = fixture.activeMember(organizationId, "ofa-user");
        Fixture.Member leaving = fixture.activeMember(organizationId, "ofa-read-only");
        LampssApi.Reply opened = ops.post("/organizations/" + organizationId + "/campaign", Map.of());
        assertEquals(201, opened.status(), opened::toString);
        String title = "Org " + ops.get("/organizations/" + organizationId).string("externalNumber");

        try (Chromium browser = Chromium.start("en")) {
            signIn(browser, console(), username(primary));

            // The organization's home tells of the campaign and leads to it.
            browser.screen("review-home", title);
            assertEquals("Open", browser.find(By.id("home-campaign-state")).getText());
            assertFalse(browser.find(By.id("home-campaign-due")).getText().isBlank());
            browser.click(By.id("home-campaign-review"));
            browser.screen("review-open", "Access review");
            assertEquals("4", browser.find(By.id("campaign-count-total")).getText());
            assertEquals("4", browser.find(By.id("campaign-count-pending")).getText());
            for (Fixture.Member member : List.of(primary, kept, changed, leaving)) {
                assertEquals("PENDING", row(browser, member.email()).getAttribute("data-review"), member.email());
            }
            WebElement keptRow = row(browser, kept.email());
            assertTrue(keptRow.getText().contains("Organization Funding Agreement/User"),
                    "profiles by their labels, not role names: " + keptRow.getText());
            assertFalse(keptRow.getText().contains("ofa-user"), keptRow.getText());
            assertFalse(row(browser, primary.email()).findElements(By.cssSelector(".review-confirm")).size() > 0,
                    "no action on one's own row");

            // Signing off too early is refused, and says why.
            browser.click(By.id("review-sign-off"));
            WebElement incomplete = browser.find(By.id("sign-off-error"));
            assertTrue(incomplete.getText().contains("The review is not complete"), incomplete.getText());
            browser.screenshot("review-incomplete");
            browser.assertAccessible("review-incomplete");

            // Confirm one contact as is.
            row(browser, kept.email()).findElement(By.cssSelector(".review-confirm")).click();
            waitForReview(browser, kept.email(), "CONFIRMED");
            assertTrue(browser.find(By.id("review-notice")).getText().contains("is confirmed"));
            assertTrue(row(browser, kept.email()).findElement(By.cssSelector(".lampss-reviewed-by")).getText()
                    .contains(primary.email()), "who reviewed (their names hold their email here): " + row(browser, kept.email()).getText());
            browser.screen("review-confirmed", "Access review");

            // Change another's profiles: the current ones are ticked, one more is added.
            row(browser, changed.email()).findElement(By.cssSelector(".review-change")).click();
            browser.find(By.id("change-profiles-dialog"));
            assertTrue(browser.find(By.id("profile-ofa-user")).isSelected(), "the current profile is ticked");
            assertFalse(browser.find(By.id("profile-ofa-read-only")).isSelected());
            browser.click(By.cssSelector("label[for='profile-ofa-read-only']"));
            browser.screenshot("review-change-dialog");
            browser.assertAccessible("review-change-dialog");
            browser.click(By.id("change-profiles-save"));
            waitForReview(browser, changed.email(), "CHANGED");
            browser.screen("review-changed", "Access review");

            // Deactivate a third, after the confirmation step.
            row(browser, leaving.email()).findElement(By.cssSelector(".review-deactivate")).click();
            browser.find(By.id("deactivate-confirm"));
            browser.screenshot("review-deactivate-dialog");
            browser.assertAccessible("review-deactivate-dialog");
            browser.click(By.id("deactivate-confirm"));
            waitForReview(browser, leaving.email(), "DEACTIVATED");
            assertEquals("1", browser.find(By.id("campaign-count-pending")).getText(), "only the signer's own row is left");
            browser.screen("review-deactivated", "Access review");

            // In French, then signed off.
            browser.click(By.id("lampss-lang-switch"));
            browser.screen("review-fr", "Revue des accès");
            assertTrue(row(browser, kept.email()).getText().contains("Accès confirmé"), row(browser, kept.email()).getText());
            assertTrue(row(browser, leaving.email()).getText().contains("Désactivée"), row(browser, leaving.email()).getText());
            browser.click(By.id("review-sign-off"));
            browser.waitUntil(d -> "Attestée".equals(d.findElement(By.id("campaign-state")).getText()), "the campaign signed off");
            waitForReview(browser, primary.email(), "CONFIRMED");
            browser.screen("review-signed-off-fr", "Revue des accès");
            assertTrue(browser.find(By.id("campaign-signed-off")).getText().length() > 0);
            assertFalse(browser.isPresent(By.id("review-sign-off")), "nothing left to sign");
            assertTrue(browser.driver.findElements(By.cssSelector("#review-table .review-confirm")).isEmpty(), "no action left");
            browser.click(By.id("lampss-lang-switch"));
            browser.screen("review-signed-off", "Access review");
            assertEquals("Signed off", browser.find(By.id("campaign-state")).getText());
        }

        // What the API reads: the campaign done, its counts, the changes made.
        Map<String, Object> campaign = ops.get("/organizations/" + organizationId + "/campaign").json();
        assertEquals("DONE", campaign.get("state"), campaign::toString);
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) campaign.get("counts");
        assertEquals(4, counts.get("total"), counts::toString);
        assertEquals(0, counts.get("pending"), counts::toString);
        assertEquals(2, counts.get("confirmed"), "the kept contact, and the signer by the sign-off: " + counts);
        assertEquals(1, counts.get("changed"), counts::toString);
        assertEquals(1, counts.get("deactivated"), counts::toString);
        assertEquals(List.of("ofa-read-only", "ofa-user"), profiles(organizationId, changed.userId()));
        assertEquals(List.of("ofa-user"), profiles(organizationId, kept.userId()));
        assertEquals("INACTIVE", ops.get(path(organizationId, leaving.userId())).string("state"));
        assertEquals("ACTIVE", ops.get(path(organizationId, kept.userId())).string("state"));

        // Operations Support opens the next campaign from the overview, where the last one is done.
        String number = ops.get("/organizations/" + organizationId).string("externalNumber");
        try (Chromium browser = Chromium.start("en")) {
            signIn(browser, console(), opsUsername);
            browser.click(By.id("nav-campaigns"));
            new Select(browser.find(By.id("campaigns-state"))).selectByValue("DONE");
            WebElement done = campaignRow(browser, number);
            assertEquals("DONE", done.getAttribute("data-state"));
            assertTrue(done.getText().contains("Signed off") && done.getText().contains("4 of 4"), done.getText());
            browser.screen("review-campaigns-done", "Access reviews");
            done.findElement(By.cssSelector(".campaign-open")).click();
            assertTrue(browser.find(By.id("campaigns-notice")).getText().contains("A campaign was opened for " + title));
        }
        Map<String, Object> next = ops.get("/organizations/" + organizationId + "/campaign").json();
        assertEquals("OPEN", next.get("state"), next::toString);
        assertEquals(3, ((Map<?, ?>) next.get("counts")).get("total"), "the contacts still active: " + next);
    }

    @Test
    void aProfileAskedForIsApprovedInTheQueueAndTheOverviewExtendsADueDate() {
        String organizationId = fixture.organization("sr");
        String number = ops.get("/organizations/" + organizationId).string("externalNumber");
        Fixture.Member primary = fixture.primaryContact(organizationId);
        Fixture.Member staff = fixture.activeMember(organizationId, "sr-user");

        // The contact manager asks for SR Administrator for a contact.
        try (Chromium browser = Chromium.start("en")) {
            signIn(browser, console(), username(primary));
            browser.click(By.id("nav-requests"));
            browser.screen("review-requests", "Profile requests");
            browser.click(By.id("request-submit"));
            assertEquals("Contact is required.", browser.find(By.id("userId-error")).getText());
            assertEquals("Reason is required.", browser.find(By.id("reason-error")).getText());
            browser.screenshot("review-requests-error");
            browser.assertAccessible("review-requests-error");

            browser.waitUntil(d -> !new Select(d.findElement(By.id("userId"))).getOptions().stream()
                    .filter(o -> staff.userId().equals(o.getAttribute("value"))).toList().isEmpty(), "the contact among the choices");
            assertTrue(new Select(browser.find(By.id("userId"))).getOptions().stream()
                    .noneMatch(o -> primary.userId().equals(o.getAttribute("value"))), "not oneself");
            List<String> requestable = new Select(browser.find(By.id("profile"))).getOptions().stream()
                    .map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()).sorted().toList();
            assertEquals(List.of("ofa-self-service-full-update", "sr-administrator"), requestable,
                    "only what Operations Support gives, of the organization's modules");
            new Select(browser.find(By.id("userId"))).selectByValue(staff.userId());
            new Select(browser.find(By.id("profile"))).selectByValue("sr-administrator");
            browser.type("reason", "Takes over the registrations while our administrator is away.");
            browser.click(By.id("request-submit"));
            assertTrue(browser.find(By.id("request-sent")).getText().contains("Request sent"));
            WebElement asked = browser.find(By.cssSelector("#requests-table tr[data-person-email='" + staff.email() + "']"));
            assertEquals("OPEN", asked.getAttribute("data-state"));
            assertTrue(asked.getText().contains("Open") && asked.getText().contains("Service Registration Administrator"), asked.getText());
            browser.screen("review-requests-sent", "Profile requests");

            // Asked again: the server's refusal, shown on the form.
            new Select(browser.find(By.id("userId"))).selectByValue(staff.userId());
            new Select(browser.find(By.id("profile"))).selectByValue("sr-administrator");
            browser.type("reason", "Again.");
            browser.click(By.id("request-submit"));
            browser.waitUntil(d -> browser.bodyText().contains("A request for this person and profile is already waiting"),
                    "the server's refusal of a second open request, on the form");
            assertEquals(1, browser.driver.findElements(By.cssSelector("#requests-table tbody tr[data-request-id]")).size(),
                    "still one request");
            browser.screenshot("review-requests-refused");
            browser.assertAccessible("review-requests-refused");

            browser.click(By.id("lampss-lang-switch"));
            browser.screen("review-requests-fr", "Demandes de profil");
            assertTrue(browser.find(By.cssSelector("#requests-table tr[data-person-email='" + staff.email() + "']")).getText()
                    .contains("Ouverte"));
        }
        List<Map<String, Object>> open = primary.api().get("/organizations/" + organizationId + "/requests?state=OPEN").items();
        assertEquals(1, open.size(), open::toString);
        String requestId = (String) open.get(0).get("id");
        LampssApi.Reply second = primary.api().post("/organizations/" + organizationId + "/requests",
                Map.of("userId", staff.userId(), "profile", "ofa-self-service-full-update", "reason", "Signs our agreements."));
        assertEquals(201, second.status(), second::toString);
        String refusedId = second.string("id");

        // A campaign to show in the overview.
        LampssApi.Reply opened = ops.post("/organizations/" + organizationId + "/campaign", Map.of());
        assertEquals(201, opened.status(), opened::toString);
        LocalDate newDay = LocalDate.ofInstant(Instant.parse(opened.string("dueAt")), PROVINCE).plusDays(14);

        // Operations Support approves it in the queue, then extends the campaign's due date.
        try (Chromium browser = Chromium.start("en")) {
            signIn(browser, console(), opsUsername);
            browser.click(By.id("nav-queue"));
            browser.screen("review-queue", "Requests to decide");
            WebElement request = browser.find(By.cssSelector("#queue-table tr[data-request-id='" + requestId + "']"));
            assertTrue(request.getText().contains(number) && request.getText().contains("Takes over"), request.getText());
            request.findElement(By.cssSelector(".request-approve")).click();
            browser.find(By.id("decision-dialog"));
            browser.type("decision", "Approved for the summer.");
            browser.screenshot("review-queue-approve-dialog");
            browser.assertAccessible("review-queue-approve-dialog");
            browser.click(By.id("decision-confirm"));
            assertTrue(browser.find(By.id("request-decided")).getText().contains("Request approved"));
            browser.waitUntil(d -> d.findElements(By.cssSelector("#queue-table tr[data-request-id='" + requestId + "']")).isEmpty(),
                    "the decided request to leave the open queue");
            browser.screen("review-queue-decided", "Requests to decide");

            // The other is refused: the decision's text is required.
            browser.find(By.cssSelector("#queue-table tr[data-request-id='" + refusedId + "'] .request-refuse")).click();
            browser.find(By.id("decision-dialog"));
            browser.click(By.id("decision-confirm"));
            assertEquals("Decision is required.", browser.find(By.id("decision-error")).getText());
            browser.screenshot("review-queue-refuse-dialog");
            browser.assertAccessible("review-queue-refuse-dialog");
            browser.type("decision", "The primary contact holds it already.");
            browser.click(By.id("decision-confirm"));
            assertTrue(browser.find(By.id("request-decided")).getText().contains("Request refused"));
            browser.waitUntil(d -> d.findElements(By.cssSelector("#queue-table tr[data-request-id='" + refusedId + "']")).isEmpty(),
                    "the refused request to leave the open queue");

            new Select(browser.find(By.id("queue-state"))).selectByValue("APPROVED");
            WebElement approved = browser.find(By.cssSelector("#queue-table tr[data-request-id='" + requestId + "']"));
            assertTrue(approved.getText().contains("Approved for the summer."), approved.getText());
            browser.click(By.id("lampss-lang-switch"));
            browser.screen("review-queue-fr", "Demandes à traiter");
            browser.click(By.id("lampss-lang-switch"));

            browser.click(By.id("nav-campaigns"));
            browser.screen("review-campaigns", "Access reviews");
            new Select(browser.find(By.id("campaigns-state"))).selectByValue("OPEN");
            WebElement campaign = campaignRow(browser, number);
            assertEquals("OPEN", campaign.getAttribute("data-state"));
            campaign.findElement(By.cssSelector(".campaign-extend")).click();
            browser.find(By.id("extend-dialog"));
            setDate(browser, "dueAt", newDay.toString());
            browser.screenshot("review-campaigns-extend-dialog");
            browser.assertAccessible("review-campaigns-extend-dialog");
            browser.click(By.id("extend-save"));
            assertTrue(browser.find(By.id("campaigns-notice")).getText().contains("is now due"));
            browser.screen("review-campaigns-extended", "Access reviews");
            campaignRow(browser, number).findElement(By.cssSelector(".campaign-review-link")).click();
            browser.screen("review-operations-support", "Access review");
            browser.click(By.id("lampss-lang-switch"));
            browser.click(By.id("nav-campaigns"));
            browser.screen("review-campaigns-fr", "Revues des accès");
        }

        // What the API reads: the request approved, the profile held, the new due date.
        Map<String, Object> decided = ops.get("/requests?state=APPROVED&max=100").items().stream()
                .filter(r -> requestId.equals(r.get("id"))).findFirst().orElseThrow();
        assertEquals("Approved for the summer.", decided.get("decision"));
        assertTrue(profiles(organizationId, staff.userId()).contains("sr-administrator"), "the approved profile is held");
        assertFalse(profiles(organizationId, staff.userId()).contains("ofa-self-service-full-update"), "the refused one is not");
        Map<String, Object> refused = ops.get("/requests?state=REFUSED&max=100").items().stream()
                .filter(r -> refusedId.equals(r.get("id"))).findFirst().orElseThrow();
        assertEquals("The primary contact holds it already.", refused.get("decision"));
        Instant due = Instant.parse(ops.get("/organizations/" + organizationId + "/campaign").string("dueAt"));
        assertEquals(newDay.atTime(LocalTime.of(23, 59, 59)).atZone(PROVINCE).toInstant(), due, "the end of the chosen day in the province");
    }

    private String username(Fixture.Member member) {
        return lampss.admin().users().get(member.userId()).toRepresentation().getUsername();
    }

    @SuppressWarnings("unchecked")
    private List<String> profiles(String organizationId, String userId) {
        return ((List<String>) ops.get(path(organizationId, userId)).json().get("profiles")).stream().sorted().toList();
    }

    private static WebElement row(Chromium browser, String email) {
        return browser.find(By.cssSelector("#review-table tr[data-contact-email='" + email + "']"));
    }

    private static WebElement campaignRow(Chromium browser, String number) {
        return browser.find(By.cssSelector("#campaigns-table tr[data-organization-number='" + number + "']"));
    }

    private static void waitForReview(Chromium browser, String email, String review) {
        browser.waitUntil(d -> review.equals(d.findElement(By.cssSelector("#review-table tr[data-contact-email='" + email + "']"))
                .getAttribute("data-review")), email + " reviewed as " + review);
    }

    /** A date field's value as a date picker sets it (React hears the input event); typing dates depends on the browser's locale. */
    private static void setDate(Chromium browser, String id, String isoDate) {
        browser.js("const input = arguments[0];"
                + "Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, arguments[1]);"
                + "input.dispatchEvent(new Event('input', {bubbles: true}));", browser.find(By.id(id)), isoDate);
        assertEquals(isoDate, browser.find(By.id(id)).getAttribute("value"));
    }

    /** Signs in at the realm's own form (people with a password: Operations Support, fixture members). */
    private static void signIn(Chromium browser, String url, String username) {
        browser.open(url);
        browser.find(By.id("username")).sendKeys(username);
        browser.find(By.id("password")).sendKeys(People.PASSWORD);
        browser.click(By.id("kc-login"));
    }
}
