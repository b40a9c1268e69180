package ca.novascotia.lampss.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.novascotia.lampss.domain.Module;
import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
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

/** {@code GET /modules}: the modules as Module.java defines them, for anyone signed in, nobody else. */
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
