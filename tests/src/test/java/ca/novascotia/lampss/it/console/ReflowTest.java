package ca.novascotia.lampss.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.LampssApi;
import ca.novascotia.lampss.it.api.People;
import ca.novascotia.lampss.it.browser.Chromium;
import ca.novascotia.lampss.it.browser.Keyboard;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Every list and form of the delegated console at 320 × 800 CSS pixels, and at 200 % text size with
 * the navigation open (WCAG 2.1 AA 1.4.4, 1.4.10): no content or control is cut off or out of reach
 * (each element lies inside the viewport and inside every box that clips it, unless a box lets it
 * scroll into view), pagination keeps all its controls, and a navigation opened over the content
 * takes the focus, keeps it off what it covers, and closes with Escape or by choosing a link.
 * Every screen is photographed (target/screenshots, reflow-* and text-200-*) and checked with axe-core.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class ReflowTest {

    /** More contacts than the smallest page holds, so that paging is needed. */
    private static final int CONTACTS = 11;

    /** The pagination's page-size menu, which shows the item count. */
    private static final String PAGE_SIZE = "#contacts-paging .pf-v5-c-menu-toggle";

    /**
     * The text and controls cut off: outside the viewport or outside a box that clips them without
     * scrolling, or whose text does not fit (fields excepted: their text scrolls as one types).
     * Boxes themselves may overhang (PatternFly's negative margins); what they hold may not.
     */
    private static final String CUT_OFF = """
            const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                + ' "' + (e.textContent || '').trim().slice(0, 40) + '"';
            const clippedBy = (e, r) => {
              for (let a = e.parentElement; a; a = a.parentElement) {
                const s = getComputedStyle(a);
                if (s.overflowX === 'visible') continue;
                if (/auto|scroll/.test(s.overflowX) && a.scrollWidth > a.clientWidth) return null;
                const c = a.getBoundingClientRect();
                if (r.left < c.left - 1 || r.right > c.right + 1) return a;
              }
              return r.left < -1 || r.right > document.documentElement.clientWidth + 1 ? document.documentElement : null;
            };
            const problems = [];
            if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) {
              problems.push('the page scrolls sideways');
            }
            const isContent = (e) => e.matches('a, button, input, select, textarea, label, [tabindex]')
                || [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
            for (const e of document.querySelectorAll('header *, #lampss-main *')) {
              if (!isContent(e) || e.closest('.pf-v5-screen-reader, svg')) continue;
              const s = getComputedStyle(e);
              const r = e.getBoundingClientRect();
              if (r.width === 0 || r.height === 0 || s.visibility === 'hidden') continue;
              const clip = clippedBy(e, r);
              if (clip) {
                problems.push(name(e) + ' is cut off by ' + name(clip));
              } else if (/hidden|clip/.test(s.overflowX) && e.scrollWidth > e.clientWidth + 1 && e.children.length === 0
                  && !e.matches('input, textarea')) {
                problems.push(name(e) + ' has its text cut off');
              }
            }
            return problems.slice(0, 15);
            """;

    /** The focused element is not behind something else (the navigation open over the content). */
    private static final String FOCUS_COVERED = """
            const e = document.activeElement;
            const r = e.getBoundingClientRect();
            const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return top && (top === e || e.contains(top) || top.contains(e)) ? null
                : e.outerHTML.slice(0, 120) + ' is covered by ' + (top ? top.outerHTML.slice(0, 120) : 'nothing');
            """;

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm lampss;

    @InjectMailServer
    MailServer mail;

    /** A screen of the console: its name in the screenshots, its path, its heading. */
    private record Screen(String name, String path, String heading) {
    }

    private String username;
    private String organizationId;
    private List<Screen> screens;

    /** An organization with more contacts than a page of 10 (all invited; nobody needs to accept here). */
    @BeforeEach
    void organizationWithContacts() {
        People people = new People(lampss);
        username = Fixture.unique("ops-reflow");
        people.createUser(username, true);
        LampssApi ops = people.operationsSupport(Fixture.unique("ops-reflow-api"));
        Fixture fixture = new Fixture(people, ops, mail, null);
        organizationId = fixture.organization("sr", "ecm");
        LampssApi.Reply contact = null;
        for (int i = 0; i < CONTACTS; i++) {
            contact = fixture.addContact(organizationId, Fixture.unique("person") + "@example.ca", "ofa-user");
            assertEquals(201, contact.status(), contact::toString);
        }
        String base = "o/" + organizationId;
        screens = List.of(
                new Screen("organizations", "organizations", "Organizations"),
                new Screen("onboard", "onboard", "Onboard an organization"),
                new Screen("home", base, ops.get("/organizations/" + organizationId).string("nameEn")),
                new Screen("contacts", base + "/contacts", "Org contacts"),
                new Screen("add-contact", base + "/contacts/new", "Add contact with LaMPSS access"),
                new Screen("contact", base + "/contacts/" + contact.string("id"), contact.string("firstName") + " " + contact.string("lastName")),
                new Screen("invitations", base + "/invitations", "Invitations"),
                new Screen("audit", base + "/audit", "Audit trail"));
    }

    @Test
    void everyScreenAt320PixelsKeepsItsContentAndControlsWithinReach() {
        try (Chromium browser = Chromium.start("en")) {
            browser.viewport(320, 800);
            signIn(browser);
            List<String> problems = new ArrayList<>();
            screens.forEach(screen -> problems.addAll(check(browser, "reflow-320-", screen)));
            assertEquals(List.of(), problems);

            open(browser, "o/" + organizationId + "/contacts", "Org contacts");
            assertPaginationUsable(browser, "contacts-paging");
            navigationOverContent(browser, "reflow-320");
        }
    }

    @Test
    void theNavigationOverContentAt683PixelsLikeADesktopAt200PercentZoom() {
        try (Chromium browser = Chromium.start("en")) {
            browser.viewport(683, 800);
            signIn(browser);
            open(browser, "o/" + organizationId + "/contacts", "Org contacts");
            assertEquals(List.of(), cutOff(browser));
            navigationOverContent(browser, "reflow-683");
        }
    }

    @Test
    void everyScreenAt200PercentTextWithTheNavigationOpenKeepsItsContentWithinReach() {
        try (Chromium browser = Chromium.start("en", 200)) {
            signIn(browser);
            assertEquals("32px", browser.js("return getComputedStyle(document.documentElement).fontSize;"), "text at 200 %");
            List<String> problems = new ArrayList<>();
            screens.forEach(screen -> {
                problems.addAll(check(browser, "text-200-", screen));
                assertEquals("true", browser.find(By.id("lampss-nav-toggle")).getAttribute("aria-expanded"), "the navigation is open");
            });
            assertEquals(List.of(), problems);
            open(browser, "o/" + organizationId + "/contacts", "Org contacts");
            assertPaginationUsable(browser, "contacts-paging");
        }
    }

    /**
     * At 320 px: a screen opened from a list scrolled down starts at its top; paging by keyboard keeps
     * the focus in the pagination when "next" disables itself on the last page.
     */
    @Test
    void pagingToTheLastPageKeepsTheFocusAndANewScreenStartsAtItsTop() {
        try (Chromium browser = Chromium.start("en")) {
            browser.viewport(320, 800);
            signIn(browser);
            Keyboard keys = new Keyboard(browser);
            open(browser, "o/" + organizationId + "/contacts", "Org contacts");

            keys.tabTo("#add-contact");
            browser.js("const main = document.getElementById('lampss-main'); main.scrollTop = main.scrollHeight;"); // the mouse wheel
            assertTrue(scrollTop(browser) > 0, "the list is scrolled down");
            keys.press(Keys.ENTER);
            keys.assertFocusOnHeading("Add contact with LaMPSS access", "following Add contact");
            assertEquals(0, scrollTop(browser), "the new screen starts at its top");

            open(browser, "o/" + organizationId + "/contacts", "Org contacts");
            browser.click(By.cssSelector(PAGE_SIZE));
            browser.click(By.cssSelector("[data-action='per-page-10']"));
            browser.waitUntil(d -> browser.find(By.cssSelector(PAGE_SIZE)).getText().startsWith("1 - 10"), "10 per page");
            keys.tabTo("#contacts-paging button[data-action='next']");
            keys.press(Keys.ENTER);
            browser.waitUntil(d -> browser.find(By.cssSelector(PAGE_SIZE)).getText().startsWith("11 - " + CONTACTS), "the last page");
            keys.waitForFocus("#contacts-paging button[data-action='previous']", "after going to the last page");
            browser.screenshot("reflow-320-contacts-last-page");
        }
    }

    private static long scrollTop(Chromium browser) {
        return ((Number) browser.js("return document.getElementById('lampss-main').scrollTop;")).longValue();
    }

    private void signIn(Chromium browser) {
        browser.open(console());
        browser.find(By.id("username")).sendKeys(username);
        browser.find(By.id("password")).sendKeys(People.PASSWORD);
        browser.click(By.id("kc-login"));
        browser.find(By.id("lampss-page-title"));
    }

    private String console() {
        return lampss.getBaseUrl() + "/lampss/console/";
    }

    private void open(Chromium browser, String path, String heading) {
        browser.open(console() + path);
        browser.waitUntil(d -> d.findElements(By.id("lampss-page-title")).stream().anyMatch(h -> h.getText().equals(heading))
                && d.findElements(By.cssSelector(".pf-v5-c-spinner")).isEmpty(), path);
    }

    /** One screen: photographed, axe-core, nothing cut off, plain tables (no role=grid without its keys). */
    private List<String> check(Chromium browser, String prefix, Screen screen) {
        String name = prefix + screen.name();
        open(browser, screen.path(), screen.heading());
        browser.screen(name, screen.heading());
        List<String> problems = new ArrayList<>(cutOff(browser).stream().map(p -> name + ": " + p).toList());
        if (!browser.driver.findElements(By.cssSelector("[role='grid']")).isEmpty()) {
            problems.add(name + ": a table says role=grid but has no grid keys");
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static List<String> cutOff(Chromium browser) {
        return (List<String>) browser.js(CUT_OFF);
    }

    /** Every control of the pagination shows, inside the viewport; the count is there in full. */
    private static void assertPaginationUsable(Chromium browser, String id) {
        long width = (Long) browser.js("return document.documentElement.clientWidth;");
        for (String control : List.of("#" + id + " .pf-v5-c-menu-toggle", "#" + id + " [data-action='first']", "#" + id + " [data-action='previous']",
                "#" + id + " [data-action='next']", "#" + id + " [data-action='last']", "#" + id + " input")) {
            var element = browser.driver.findElement(By.cssSelector(control));
            assertTrue(element.isDisplayed(), control + " shows at " + width + " px");
            var box = element.getRect();
            assertTrue(box.getX() >= 0 && box.getX() + box.getWidth() <= width, control + " lies inside the viewport: " + box);
        }
        assertEquals("1 - " + CONTACTS + " of " + CONTACTS + " items", browser.find(By.cssSelector("#" + id + " .pf-v5-c-menu-toggle")).getText(),
                "the item count, in full");
    }

    /**
     * Below 1200 px the navigation opens over the content: it starts closed; opened, it takes the
     * focus, and Tab never reaches what it covers; Escape closes it and gives the focus back to its
     * button; choosing a link closes it and the new screen takes the focus.
     */
    private static void navigationOverContent(Chromium browser, String prefix) {
        Keyboard keys = new Keyboard(browser);
        String toggle = "#lampss-nav-toggle";
        assertEquals("false", browser.find(By.cssSelector(toggle)).getAttribute("aria-expanded"), "closed on a narrow screen");
        keys.tabTo(toggle);
        keys.press(Keys.ENTER);
        keys.waitForFocus("#lampss-sidebar a", "the navigation opened");
        // The panel slides in: until its transition ends, a link can still lie outside the viewport.
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.js("return document.getAnimations().length === 0;")),
                "the navigation finished sliding in");
        browser.screenshot(prefix + "-navigation-open");
        for (int i = 0; i < 12 && !keys.focusMatches("body"); i++) {
            assertTrue(!keys.focusMatches("#lampss-main, #lampss-main *"), "Tab stays off the content under the navigation: " + keys.describeFocus());
            assertNull(browser.js(FOCUS_COVERED), "the focus is not hidden behind the navigation");
            keys.press(Keys.TAB);
        }

        keys.tabBackTo("#lampss-sidebar a");
        keys.press(Keys.ESCAPE);
        keys.waitForFocus(toggle, "Escape closes the navigation");
        assertEquals("false", browser.find(By.cssSelector(toggle)).getAttribute("aria-expanded"));

        keys.press(Keys.ENTER);
        keys.tabTo("#nav-audit");
        keys.press(Keys.ENTER);
        keys.assertFocusOnHeading("Audit trail", "choosing a link");
        assertEquals("false", browser.find(By.cssSelector(toggle)).getAttribute("aria-expanded"), "choosing a link closes the navigation");
    }
}
