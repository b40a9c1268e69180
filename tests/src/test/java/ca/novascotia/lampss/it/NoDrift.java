package ca.novascotia.lampss.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.novascotia.lampss.it.api.LampssApi;
import ca.novascotia.lampss.it.api.People;
import jakarta.ws.rs.NotFoundException;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * After every test, whatever it adopted, refused or broke on purpose, the drift check
 * ({@code GET /lampss/consistency}) finds every LaMPSS realm the test used with Keycloak's groups and
 * LaMPSS's rows agreeing. Registered for the whole suite (service loader, autodetection on in tests/pom.xml), so no test
 * class can forget it; a realm without the organizations group is not a LaMPSS realm and is left alone.
 */
public final class NoDrift implements AfterEachCallback {

    /** The realm administrator who runs the check, made once per realm. */
    static final String CHECKER = "lampss-drift-check";

    @Override
    public void afterEach(ExtensionContext context) throws IllegalAccessException {
        Object test = context.getTestInstance().orElse(null);
        for (Class<?> type = test == null ? null : test.getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == ManagedRealm.class) {
                    field.setAccessible(true);
                    check((ManagedRealm) field.get(test));
                }
            }
        }
    }

    private static void check(ManagedRealm realm) {
        if (realm == null || !hasOrganizations(realm)) {
            return;
        }
        People people = new People(realm);
        LampssApi checker = realm.admin().users().searchByUsername(CHECKER, true).isEmpty()
                ? people.realmAdministrator(CHECKER) : people.signIn(CHECKER);
        LampssApi.Reply check = checker.get("/consistency");
        assertEquals(200, check.status(), () -> "the drift check of realm " + realm.getName() + ": " + check);
        assertEquals(List.of(), check.json().get("differences"), () -> "drift in realm " + realm.getName() + " after this test");
    }

    private static boolean hasOrganizations(ManagedRealm realm) {
        try {
            realm.admin().getGroupByPath("organizations");
            return true;
        } catch (NotFoundException notLampss) {
            return false;
        }
    }
}
