package ca.novascotia.lampss.it.adminconsole;

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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.GroupRepresentation;
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
 * The first row of docs/identity-admins.md in Keycloak's real admin console, in headless Chromium:
 * the master admin opens Groups, the organization, Members, Add member. Adding someone who is no
 * contact is refused with LaMPSS's message and changes nothing; adding back a deactivated contact is
 * adopted as a reactivation, audited with the channel, and the primary contact sees them active
 * again in the delegated console.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class AddMemberInAdminConsoleTest {

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm lampss;

    @InjectMailServer
    MailServer mail;

    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    People people;
    Fixture fixture;

    @BeforeEach
    void operationsSupport() {
        people = new People(lampss);
        fixture = new Fixture(people, people.operationsSupport(Fixture.unique("ops")), mail, mynsaccount);
    }

    @Test
    void addingAMemberInTheAdminConsoleIsRefusedForAnOutsiderAndAdoptedForADeactivatedContact() {
        LampssApi ops = fixture.operationsSupport;
        String org = fixture.organization();
        Fixture.Member primary = fixture.primaryContact(org);
        Fixture.Member member = fixture.activeMember(org, "ofa-user");
        assertEquals(200, ops.post(path(org, member.userId()) + "/deactivate", null).status());
        String outsider = people.createUser(Fixture.unique("outsider"), false);
        int audited = auditSize(ops, org);

        try (Chromium browser = Chromium.start("en")) {
            openMembers(browser, org);

            addMember(browser, username(outsider));
            WebElement refusal = browser.find(alert("Could not add users to the group"));
            browser.screenshot("admin-add-member-refused");
            assertTrue(refusal.getText().contains("LaMPSS console"), refusal.getText());
            assertFalse(groupIds(outsider).contains(org), "nothing changed: the outsider is not in the group");
            assertEquals(404, ops.get(path(org, outsider)).status(), "no contact was made");
            assertEquals(audited, auditSize(ops, org), "nothing audited");

            browser.driver.navigate().refresh();
            browser.click(By.cssSelector("[data-testid='members']"));
            addMember(browser, username(member.userId()));
            browser.find(alert("user added to the group"));
            browser.waitUntil(d -> d.findElements(By.xpath("//*[@data-testid='members-table']//td[contains(., '"
                    + username(member.userId()) + "')]")).size() > 0 ? Boolean.TRUE : null, "the contact listed as a member");
            browser.screenshot("admin-add-member-adopted");
        }
        assertEquals("ACTIVE", ops.get(path(org, member.userId())).string("state"), "reactivated");
        assertTrue(groupIds(member.userId()).contains(org));
        Map<String, Object> audit = ops.get("/organizations/" + org + "/audit").items().get(0);
        assertEquals("CONTACT_REACTIVATED", audit.get("action"));
        assertEquals("Keycloak admin", ((Map<?, ?>) audit.get("after")).get("channel"));
        assertEquals(java.util.List.of("ofa-user"), people.signInAs(member.userId()).tokenProfiles(), "the profiles set aside are back");

        try (Chromium browser = Chromium.start("en")) {
            browser.open(lampss.getBaseUrl() + "/lampss/console/");
            browser.find(By.id("username")).sendKeys(username(primary.userId()));
            browser.find(By.id("password")).sendKeys(People.PASSWORD);
            browser.click(By.id("kc-login"));
            browser.click(By.id("nav-contacts"));
            WebElement row = browser.find(By.cssSelector("#contacts-table [data-contact-email='" + member.email() + "']"));
            assertEquals("Active", row.findElement(By.cssSelector(".lampss-state")).getText());
            browser.screenshot("delegated-console-after-admin-add-member");
        }
    }

    /** Signs the master admin in and opens the organization's group at its Members tab. */
    private void openMembers(Chromium browser, String org) {
        GroupRepresentation root = lampss.admin().getGroupByPath("organizations");
        browser.open(urls.getBase() + "/admin/master/console/#/lampss/groups/" + root.getId() + "/" + org);
        browser.find(By.id("username")).sendKeys("admin");
        browser.driver.findElement(By.id("password")).sendKeys("admin");
        browser.driver.findElement(By.id("kc-login")).click();
        browser.click(By.cssSelector("[data-testid='members']"));
    }

    /** Add member, search the user, tick them, Add: as a person does it. */
    private static void addMember(Chromium browser, String username) {
        browser.click(By.cssSelector("[data-testid='addMember']"));
        WebElement search = browser.find(By.xpath("//*[@role='dialog']//input[@placeholder='Search user']"));
        search.sendKeys(username, Keys.ENTER);
        browser.click(By.xpath("//*[@role='dialog']//tr[.//td[contains(., '" + username + "')]]//input[@type='checkbox']"));
        browser.click(By.xpath("//*[@role='dialog']//button[@data-testid='add']"));
    }

    private static By alert(String text) {
        return By.xpath("//*[contains(@class, 'alert__title') and contains(., '" + text + "')]");
    }

    private String username(String userId) {
        return lampss.admin().users().get(userId).toRepresentation().getUsername();
    }

    private java.util.List<String> groupIds(String userId) {
        return lampss.admin().users().get(userId).groups().stream().map(GroupRepresentation::getId).toList();
    }

    private static int auditSize(LampssApi ops, String org) {
        return ((Number) ops.get("/organizations/" + org + "/audit").json().get("total")).intValue();
    }
}
