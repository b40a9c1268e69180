package ca.novascotia.lampss.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/** Operations Support creates and finds organizations; members see only their own. */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class OrganizationsApiTest {

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm realm;

    /** Adding a contact sends the invitation email; a refused delivery fails the request. */
    @InjectMailServer
    MailServer mail;

    /** The My NS Account stand-in, where the invited people sign in to accept (Fixture.activate). */
    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    Fixture fixture;

    @BeforeEach
    void operationsSupport() {
        People people = new People(realm);
        fixture = new Fixture(people, people.operationsSupport(Fixture.unique("ops")), mail, mynsaccount);
    }

    @Test
    void operationsSupportCreatesAnOrganizationThatIsAGroupWithAttributes() {
        LampssApi.Reply created = fixture.operationsSupport.post("/organizations", Map.of(
                "nameEn", "Halifax Learning Centre", "nameFr", "Centre d'apprentissage d'Halifax",
                "externalNumber", "HLC-001", "modules", List.of("lm", "sr")));

        assertEquals(201, created.status(), created::toString);
        assertEquals(List.of("ofa", "sr", "lm"), created.json().get("modules"), "Funding Agreement is always there");
        var group = realm.admin().groups().group(created.string("id")).toRepresentation();
        assertEquals("HLC-001", group.getName());
        assertEquals("/organizations/HLC-001", group.getPath());
        assertEquals(List.of("Centre d'apprentissage d'Halifax"), group.getAttributes().get("lampss.nameFr"));
    }
}
