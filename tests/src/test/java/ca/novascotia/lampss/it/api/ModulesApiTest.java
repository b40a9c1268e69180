package ca.novascotia.lampss.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.domain.Module;
import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import ca.novascotia.lampss.it.browser.Chromium;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.util.JsonSerialization;
import org.openqa.selenium.By;

/**
 * {@code GET /modules}: the modules as Module.java defines them, for anyone signed in, nobody else;
 * the console shows them with Module.java's labels and always-on rule.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class ModulesApiTest {

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm realm;

    People people;

    @BeforeEach
    void people() {
        people = new People(realm);
    }

    @Test
    void anyoneSignedInReadsTheModulesOfModuleJavaInItsOrder() {
        LampssApi outsider = people.outsider(Fixture.unique("outsider"));
        LampssApi ops = people.operationsSupport(Fixture.unique("ops"));

        for (LampssApi caller : List.of(outsider, ops)) {
            LampssApi.Reply reply = caller.get("/modules");
            assertEquals(200, reply.status(), reply::toString);
            List<Map<String, Object>> modules = list(reply);

            assertEquals(List.of("ofa", "sr", "ecm", "pcc", "lm"), modules.stream().map(m -> m.get("code")).toList());
            assertEquals(Arrays.stream(Module.values()).map(Module::code).toList(),
                    modules.stream().map(m -> m.get("code")).toList(), "in Module order");
            assertEquals(List.of(true, false, false, false, false),
                    modules.stream().map(m -> m.get("alwaysEnabled")).toList(), "only the Funding Agreement is always on");
            for (int i = 0; i < modules.size(); i++) {
                Module module = Module.values()[i];
                Map<String, Object> json = modules.get(i);
                assertEquals(Map.of("en", module.displayNameEn(), "fr", module.displayNameFr()), json.get("label"), module.code());
                assertEquals(Map.of("en", module.eligibility().en(), "fr", module.eligibility().fr()),
                        json.get("eligibility"), module.code());
            }
            assertEquals("Entente de financement d’organisme", label(modules.get(0), "fr"));
            assertEquals("Collèges privés d’enseignement professionnel (CPEP)", label(modules.get(3), "fr"));
        }
    }

    @Test
    void withoutAValidTokenTheModulesAreNotAnswered() {
        for (LampssApi caller : List.of(people.anonymous(), people.withToken("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."))) {
            LampssApi.Reply reply = caller.get("/modules");
            assertEquals(401, reply.status(), reply::toString);
            assertEquals("UNAUTHENTICATED", reply.error());
        }
    }

    @Test
    void theConsoleShowsModuleJavasLabelsAndKeepsTheFundingAgreementOn() {
        String username = Fixture.unique("ops");
        people.createUser(username, true);
        try (Chromium browser = Chromium.start("fr")) {
            browser.open(realm.getBaseUrl() + "/lampss/console/");
            browser.find(By.id("username")).sendKeys(username);
            browser.find(By.id("password")).sendKeys(People.PASSWORD);
            browser.click(By.id("kc-login"));
            browser.click(By.id("nav-onboard"));
            browser.screen("modules-onboard-fr", "Inscrire un organisme");

            for (Module module : Module.values()) {
                assertEquals(module.displayNameFr(), browser.find(By.cssSelector("label[for='module-" + module.code() + "']")).getText());
            }
            assertTrue(browser.find(By.id("module-ofa")).isSelected(), "the Funding Agreement is checked");
            assertFalse(browser.find(By.id("module-ofa")).isEnabled(), "and cannot be cleared");
            assertFalse(browser.find(By.id("module-sr")).isSelected());
            assertTrue(browser.find(By.id("module-sr")).isEnabled());

            browser.click(By.id("lampss-lang-switch"));
            browser.screen("modules-onboard-en", "Onboard an organization");
            assertEquals(Module.PRIVATE_CAREER_COLLEGES.displayNameEn(), browser.find(By.cssSelector("label[for='module-pcc']")).getText());
        }
    }

    @SuppressWarnings("unchecked")
    private static String label(Map<String, Object> module, String language) {
        return ((Map<String, String>) module.get("label")).get(language);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(LampssApi.Reply reply) {
        try {
            return JsonSerialization.readValue(reply.body(), List.class);
        } catch (IOException e) {
            throw new AssertionError("not a JSON array: " + reply, e);
        }
    }
}
