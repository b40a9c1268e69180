package ca.novascotia.lampss.it.adminconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.LampssApi;
import ca.novascotia.lampss.it.api.People;
import ca.novascotia.lampss.it.browser.Chromium;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The LaMPSS tab of Realm settings in Keycloak's real admin console, in headless Chromium: the
 * master admin sets the invitation lifetime, the next invitation follows it, a bad value is
 * refused with a message and changes nothing, in English and in French.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class InvitationSettingsTabTest {

    private static final String TAB_TYPE = "org.keycloak.services.ui.extend.UiTabProvider";
    private static final String LIFETIME_ATTRIBUTE = "lampss.invitationLifetime";
    private static final By LIFETIME = By.name("config.lampssInvitationLifetime");
    private static final By SAVE = By.cssSelector("[data-testid='save']");
    /** Our tab's content: the form holding its fields (the rest of the page is Keycloak's). */
    private static final String OUR_FORM = "form:has(input[name='config.lampssInvitationLifetime'])";

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm lampss;

    @InjectMailServer
    MailServer mail;

    /** The My NS Account stand-in, where the invited people sign in to accept (Fixture.activate). */
    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    Fixture fixture;

    @BeforeEach
    void operationsSupport() {
        People people = new People(lampss);
        fixture = new Fixture(people, people.operationsSupport(Fixture.unique("ops")), mail, mynsaccount);
    }

    /** Saves the tab empty (which removes the attributes: the defaults apply), then deletes it. */
    @AfterEach
    void defaultSettings() {
        removeTabs();
        try (Response created = lampss.admin().components().add(tab(Map.of()))) {
            assertEquals(201, created.getStatus());
        }
        removeTabs();
        assertTrue(attributes().keySet().stream().noneMatch(name -> name.startsWith("lampss.")), attributes()::toString);
    }

    @Test
    void anIdentityAdminSetsTheInvitationLifetimeAndTheNextInvitationFollowsIt() throws IOException {
        try (Chromium browser = Chromium.start("en")) {
            openTab(browser);
            browser.screenshot("admin-settings-en");
            assertNoSeriousViolationsInOurTab(browser, "admin-settings-en");

            type(browser, LIFETIME, "P7D");
            browser.driver.findElement(SAVE).click();
            browser.find(alert("Saved successfully"));
            assertEquals("P7D", attributes().get(LIFETIME_ATTRIBUTE));
            assertEquals(Duration.ofDays(7), lifetimeOfANewInvitation());

            type(browser, LIFETIME, "P400D");
            browser.driver.findElement(SAVE).click();
            WebElement error = browser.find(alert("P400D"));
            browser.screenshot("admin-settings-error-en");
            assertTrue(error.getText().contains("Invitation lifetime \"P400D\" is not valid")
                    && error.getText().contains("Nothing was saved"), error.getText());
            assertEquals("P7D", attributes().get(LIFETIME_ATTRIBUTE), "a refused value changes nothing");
            assertEquals(Duration.ofDays(7), lifetimeOfANewInvitation());

            browser.driver.navigate().refresh();
            assertEquals("P7D", browser.find(LIFETIME).getAttribute("value"), "the tab shows what was saved");
        }
    }

    @Test
    void theTabAndItsRefusalsAreInFrench() throws IOException {
        RealmResource master = admin.realm("master");
        RealmRepresentation before = master.toRepresentation();
        UserRepresentation administrator = master.users().search("admin", true).get(0);
        try (Chromium browser = Chromium.start("en")) {
            speakFrench(master, administrator);
            openTab(browser);
            String page = browser.driver.findElement(By.tagName("body")).getText();
            assertTrue(page.contains("Durée de validité des invitations") && page.contains("Page après l’acceptation"), page);
            browser.screenshot("admin-settings-fr");
            assertNoSeriousViolationsInOurTab(browser, "admin-settings-fr");

            type(browser, LIFETIME, "trente jours");
            browser.driver.findElement(SAVE).click();
            WebElement error = browser.find(alert("trente jours"));
            browser.screenshot("admin-settings-error-fr");
            assertTrue(error.getText().contains("La durée de validité « trente jours » n’est pas valide")
                    && error.getText().contains("Rien n’a été enregistré"), error.getText());
            assertNull(attributes().get(LIFETIME_ATTRIBUTE), "a refused value changes nothing");
        } finally {
            administrator.singleAttribute("locale", "en");
            master.users().get(administrator.getId()).update(administrator);
            master.update(languages(before.isInternationalizationEnabled(), before.getSupportedLocales(),
                    before.getDefaultLocale()));
        }
    }

    @Test
    void theServerChecksEveryFieldWhateverTheClient() {
        assertRefused(Map.of("lampssIdentityProvider", "nobody"), "no identity provider with the alias");
        assertRefused(Map.of("lampssInvitationLandingUrl", "javascript:alert(1)"), "write a full http:// or https:// URL");
        assertRefused(Map.of("lampssInvitationLifetime", "PT0S"), "from one second to 365 days");
        assertRefused(Map.of("lampssEmailHelp", "Support\nline two"), "one line of plain text, up to 300 characters");
        assertRefused(Map.of("lampssRecertificationPeriod", "yearly"), "use an ISO-8601 period such as P12M");
        assertRefused(Map.of("lampssRecertificationOverdue", "PURGE"), "use NOTHING, FLAG or DEACTIVATE");
        assertRefused(Map.of("lampssInvitationReminders", "P7D,tomorrow"), "ISO-8601 durations separated by commas");
        assertRefused(Map.of("lampssAccessChangeNotices", "maybe"), "use true or false");
        assertNull(attributes().get("lampss.recertificationPeriod"));
        assertNull(attributes().get("lampss.identityProvider"));
        assertNull(attributes().get("lampss.emailHelp"));
        assertNull(attributes().get("lampss.invitationLandingUrl"));

        String landing = lampss.getBaseUrl() + "/lampss/console/";
        try (Response created = lampss.admin().components().add(tab(Map.of("lampssInvitationLandingUrl", landing,
                "lampssIdentityProvider", "mynsaccount", "lampssInvitationLifetime", "",
                "lampssEmailHelp", "LaMPSS Operations Support, 1-800-555-0100", "lampssRecertificationPeriod", "off",
                "lampssRecertificationOverdue", "deactivate")))) {
            assertEquals(201, created.getStatus());
        }
        assertEquals("LaMPSS Operations Support, 1-800-555-0100", attributes().get("lampss.emailHelp"));
        assertEquals(landing, attributes().get("lampss.invitationLandingUrl"));
        assertEquals("mynsaccount", attributes().get("lampss.identityProvider"));
        assertNull(attributes().get(LIFETIME_ATTRIBUTE), "an empty lifetime means the default");
        assertEquals("off", attributes().get("lampss.recertificationPeriod"));
        assertEquals("deactivate", attributes().get("lampss.recertificationOverdue"), "read case-insensitively");
    }

    // --- the admin console ----------------------------------------------------------------------

    /** Signs the master admin in (the framework's bootstrap admin) and opens the lampss realm's LaMPSS tab. */
    private void openTab(Chromium browser) {
        browser.open(urls.getBase() + "/admin/master/console/#/lampss/realm-settings/lampss");
        browser.find(By.id("username")).sendKeys("admin");
        browser.driver.findElement(By.id("password")).sendKeys("admin");
        browser.driver.findElement(By.id("kc-login")).click();
        browser.find(LIFETIME);
        // The tab bar scrolls; bring our tab's title into view, as a person clicking it would.
        browser.driver.executeScript("arguments[0].scrollIntoView({inline: 'center'})",
                browser.find(By.cssSelector("a[href$='/realm-settings/lampss']")));
    }

    /** Replaces a field's text the way a person does (select all, type), so React sees the change. */
    private static void type(Chromium browser, By field, String text) {
        WebElement input = browser.find(field);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    private static By alert(String text) {
        return By.xpath("//*[contains(@class, 'alert__title') and contains(., '" + text + "')]");
    }

    /**
     * axe-core on our tab's form: no serious or critical violation. The whole page is analysed too and
     * its findings written to target/axe/{name}-page.txt: those are Keycloak's own console, not ours.
     */
    private static void assertNoSeriousViolationsInOurTab(Chromium browser, String name) throws IOException {
        Results ours = new AxeBuilder().include(OUR_FORM).analyze(browser.driver);
        Results page = new AxeBuilder().analyze(browser.driver);
        Path reports = Files.createDirectories(Path.of("target", "axe"));
        Files.writeString(reports.resolve(name + "-tab.txt"), describe(ours.getViolations()));
        Files.writeString(reports.resolve(name + "-page.txt"), describe(page.getViolations()));
        assertTrue(ours.getPasses().size() > 0, "axe checked our form");
        List<Rule> serious = ours.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())).toList();
        assertTrue(serious.isEmpty(), () -> describe(serious));
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " (" + rule.getNodes().size()
                        + " nodes) " + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining(" ")))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** The master realm offers French and the admin prefers it, as a French-speaking admin would set it. */
    private static void speakFrench(RealmResource master, UserRepresentation administrator) {
        master.update(languages(true, Set.of("en", "fr"), "en"));
        administrator.singleAttribute("locale", "fr");
        master.users().get(administrator.getId()).update(administrator);
    }

    /** A partial realm update: only the language settings (Keycloak leaves the null fields alone). */
    private static RealmRepresentation languages(Boolean enabled, Set<String> supported, String defaultLocale) {
        RealmRepresentation realm = new RealmRepresentation();
        realm.setInternationalizationEnabled(enabled);
        realm.setSupportedLocales(supported);
        realm.setDefaultLocale(defaultLocale);
        return realm;
    }

    // --- the server side --------------------------------------------------------------------------

    private Map<String, String> attributes() {
        return lampss.admin().toRepresentation().getAttributesOrEmpty();
    }

    /** Invites a new contact and reads how long their invitation is valid. */
    private Duration lifetimeOfANewInvitation() {
        String organization = fixture.organization();
        LampssApi.Reply added = fixture.addContact(organization, Fixture.unique("invitee") + "@example.ca", "ofa-user");
        assertEquals(201, added.status(), added::toString);
        Map<String, Object> invitation = fixture.operationsSupport.get("/organizations/" + organization + "/invitations")
                .items().get(0);
        return Duration.between(Instant.parse((String) invitation.get("sentAt")),
                Instant.parse((String) invitation.get("expiresAt")));
    }

    private void removeTabs() {
        lampss.admin().components().query(lampss.getId(), TAB_TYPE)
                .forEach(component -> lampss.admin().components().component(component.getId()).remove());
    }

    private static ComponentRepresentation tab(Map<String, String> values) {
        ComponentRepresentation tab = new ComponentRepresentation();
        tab.setName("lampss-settings");
        tab.setProviderId("lampss-settings");
        tab.setProviderType(TAB_TYPE);
        tab.setConfig(new org.keycloak.common.util.MultivaluedHashMap<>());
        values.forEach(tab.getConfig()::putSingle);
        return tab;
    }

    private void assertRefused(Map<String, String> values, String message) {
        try (Response refused = lampss.admin().components().add(tab(values))) {
            assertEquals(400, refused.getStatus());
            String body = refused.readEntity(String.class);
            assertTrue(body.contains(message), body);
        }
    }
}
