package ca.novascotia.lampss.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.People;
import ca.novascotia.lampss.it.browser.Chromium;
import ca.novascotia.lampss.it.browser.Keyboard;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The delegated console with the keyboard alone (WCAG 2.1 AA 2.1.1, 2.4.1, 2.4.3, 2.4.7, 3.3.1,
 * 4.1.3), in a real Chromium against the real server: after the page loads, only keys act. After
 * each step the test reads where the focus is, that it shows, and that status messages reach the
 * page's live region. Screenshots go with ConsoleTest's, under target/screenshots.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class KeyboardTest {

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm lampss;

    @InjectMailServer
    MailServer mail;

    private Chromium browser;
    private Keyboard keys;

    @Test
    void operationsSupportOnboardsAddsEditsDeactivatesRevokesAndSwitchesLanguage() {
        People people = new People(lampss);
        String username = Fixture.unique("ops-keys");
        people.createUser(username, true);
        String number = Fixture.unique("NS");
        String primaryEmail = Fixture.unique("primary") + "@example.ca";
        String email = Fixture.unique("person") + "@example.ca";

        try (Chromium started = Chromium.start("en")) {
            browser = started;
            keys = new Keyboard(browser);
            signIn(username);
            skipLink();
            onboard(number, primaryEmail);
            skipLinkStaysOnTheScreen();
            addContact(email);
            editThenDeactivate(email);
            openAndCancelTheRevokeDialog(primaryEmail);
            switchLanguage();
        }
    }

    private void signIn(String username) {
        browser.open(lampss.getBaseUrl() + "/lampss/console/");
        browser.find(By.id("username"));
        keys.tabTo("#username");
        keys.press(username);
        keys.tabTo("#password");
        keys.press(People.PASSWORD, Keys.ENTER);
        browser.screen("keyboard-organizations", "Organizations");
        assertTrue(keys.focusMatches("body"), "a page just loaded leaves the focus at its start: " + keys.describeFocus());
    }

    /** 2.4.1: the first Tab reaches "Skip to content", which moves the focus to the content without loading a page. */
    private void skipLink() {
        keys.press(Keys.TAB);
        keys.waitForFocus(".pf-v5-c-skip-to-content a", "the first Tab");
        browser.screenshot("keyboard-skip-link");
        pressSkipLink("the skip link on Organizations");
    }

    private void pressSkipLink(String step) {
        String url = browser.driver.getCurrentUrl();
        Object document = documentIdentity();
        keys.press(Keys.ENTER);
        keys.waitForFocus("#lampss-main", step);
        assertEquals(url, browser.driver.getCurrentUrl(), step + ": no navigation");
        assertEquals(document, documentIdentity(), step + ": the same page, not a reload");
    }

    /** When the page's document started: a reload gives a new one. */
    private Object documentIdentity() {
        return browser.js("return performance.timeOrigin;");
    }

    /** 3.3.1 on Onboard, then 2.4.3 and 4.1.3 when the form is sent. */
    private void onboard(String number, String primaryEmail) {
        keys.tabBackTo("#nav-onboard");
        keys.press(Keys.ENTER);
        keys.assertFocusOnHeading("Onboard an organization", "following the navigation link");
        keys.tabTo("#nameEn");
        keys.press(Keys.ENTER);
        assertAllErrorsAtOnce("#onboard-form", List.of("nameEn", "nameFr", "externalNumber", "lastName", "firstName", "email"));
        assertEquals("English name is required.", browser.find(By.id("nameEn-error")).getText());
        browser.screenshot("keyboard-onboard-errors");

        keys.press("Org " + number);
        keys.tabTo("#nameFr");
        keys.press("Organisme " + number);
        keys.tabTo("#externalNumber");
        keys.press(number);
        keys.tabTo("#module-sr");
        keys.press(Keys.SPACE);
        keys.tabTo("#lastName");
        keys.press("Primary");
        keys.tabTo("#firstName");
        keys.press("Pat");
        keys.tabTo("#email");
        keys.press(primaryEmail, Keys.ENTER);
        keys.assertFocusOnHeading("Org contacts", "after onboarding");
        assertAnnounced("Invitation sent", "after onboarding");
        assertAnnounced(primaryEmail, "after onboarding");
        browser.screenshot("keyboard-onboarded");
    }

    /** On Org contacts the skip link used to go back to the organization list. */
    private void skipLinkStaysOnTheScreen() {
        keys.tabBackTo(".pf-v5-c-skip-to-content a");
        pressSkipLink("the skip link on Org contacts");
    }

    private void addContact(String email) {
        keys.tabTo("#add-contact");
        keys.press(Keys.ENTER);
        keys.assertFocusOnHeading("Add contact with LaMPSS access", "following Add contact");
        keys.tabTo("#lastName");
        keys.press(Keys.ENTER);
        assertAllErrorsAtOnce("#add-contact-form", List.of("lastName", "firstName", "email"));
        assertEquals(List.of("Last name is required.", "First name is required.", "Email is required."),
                browser.driver.findElements(By.cssSelector("#add-contact-form [id$='-error']")).stream().map(e -> e.getText()).toList());
        assertEquals("Last name is required.", describedBy(), "the error is read with its field");
        browser.screenshot("keyboard-add-contact-errors");

        keys.press("Doe");
        keys.tabTo("#firstName");
        keys.press("Jan");
        keys.tabTo("#email");
        keys.press(email);
        keys.tabTo("#profile-ofa-user");
        keys.press(Keys.SPACE);
        keys.tabTo("#add-contact-save");
        keys.press(Keys.ENTER);
        keys.assertFocusOnHeading("Invitation sent", "after adding a contact");
        assertAnnounced("An email was sent to " + email, "after adding a contact");
        browser.screenshot("keyboard-invitation-sent");

        keys.tabTo("#back-to-contacts");
        keys.press(Keys.ENTER);
        keys.assertFocusOnHeading("Org contacts", "back to the contacts");
    }

    /** Saving a deactivation returns to the list with a confirmation that is announced. */
    private void editThenDeactivate(String email) {
        keys.tabTo("[data-contact-email='" + email + "'] a");
        keys.press(Keys.ENTER);
        keys.assertFocusOnHeading("Jan Doe", "opening the contact");
        keys.tabTo("#firstName");
        keys.retype("Janet");
        keys.tabTo("#contact-save");
        keys.press(Keys.ENTER);
        keys.assertFocusOnHeading("Janet Doe", "after saving the contact");
        assertAnnounced("Saved.", "after saving the contact");

        keys.tabTo("#contact-active");
        assertEquals("Clear and save to deactivate: the person no longer appears in the contact list and cannot use LaMPSS here.",
                describedBy(), "the Active checkbox's help is read with it");
        keys.assertFocusVisible("the Active checkbox");
        keys.press(Keys.SPACE);
        keys.tabTo("#contact-save");
        keys.press(Keys.ENTER);
        keys.assertFocusOnHeading("Org contacts", "after deactivating");
        assertTrue(browser.find(By.id("contact-deactivated")).getText().contains("Contact deactivated"));
        assertAnnounced("Janet Doe no longer appears in the list", "after deactivating");
        browser.screenshot("keyboard-deactivated");
    }

    /** The dialog takes the focus, keeps it, and gives it back to the button that opened it. */
    private void openAndCancelTheRevokeDialog(String primaryEmail) {
        keys.tabBackTo("#nav-invitations");
        keys.press(Keys.ENTER);
        keys.assertFocusOnHeading("Invitations", "following the Invitations link");
        String revoke = "[data-invitation-email='" + primaryEmail + "'] .invitation-revoke";
        keys.tabTo(revoke);
        keys.press(Keys.ENTER);
        keys.waitForFocus("[role='dialog'] *", "the revoke dialog");
        browser.screenshot("keyboard-revoke-dialog");
        keys.tabTo("#revoke-cancel");
        keys.press(Keys.ENTER);
        keys.waitForFocus(revoke, "after cancelling the dialog");
        assertTrue(browser.driver.findElements(By.cssSelector("[role='dialog']")).isEmpty(), "the dialog is closed");
    }

    /** The switch keeps the focus (the person may switch back); the next screen takes it in French. */
    private void switchLanguage() {
        keys.tabBackTo("#lampss-lang-switch");
        keys.press(Keys.ENTER);
        browser.waitUntil(d -> "fr".equals(browser.js("return document.documentElement.lang;")), "the page in French");
        keys.waitForFocus("#lampss-lang-switch", "after switching language");
        assertEquals("English", browser.driver.switchTo().activeElement().getText());
        keys.tabTo("#nav-contacts");
        keys.press(Keys.ENTER);
        keys.assertFocusOnHeading("Personnes-ressources de l’organisme", "a screen in French");
        browser.screen("keyboard-contacts-fr", "Personnes-ressources de l’organisme");
    }

    /**
     * Every required field left empty shows its error at once, in the fields' order, and the focus
     * is on the first of them.
     */
    private void assertAllErrorsAtOnce(String form, List<String> fields) {
        keys.waitForFocus("#" + fields.get(0), "the first field in error");
        List<String> shown = browser.driver.findElements(By.cssSelector(form + " [id$='-error']")).stream()
                .map(e -> e.getAttribute("id")).toList();
        assertEquals(fields.stream().map(f -> f + "-error").toList(), shown, "every error at once, in the fields' order");
    }

    /** The text of what the focused element's aria-describedby names. */
    private String describedBy() {
        return String.valueOf(browser.js("const ids = (document.activeElement.getAttribute('aria-describedby') || '').split(' ');"
                + "return ids.map(id => document.getElementById(id)).filter(e => e).map(e => e.textContent).join(' ');"));
    }

    /** 4.1.3: the text is in the page's status region (role=status, polite), which screen readers read out. */
    private void assertAnnounced(String text, String step) {
        browser.waitUntil(d -> String.valueOf(browser.js("const r = document.querySelector('[role=status]#lampss-status');"
                + "return r ? r.textContent : '';")).contains(text), step + ": \"" + text + "\" in the status region");
    }
}
