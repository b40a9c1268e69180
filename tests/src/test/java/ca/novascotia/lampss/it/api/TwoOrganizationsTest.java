package ca.novascotia.lampss.it.api;

import static ca.novascotia.lampss.it.api.Fixture.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/** One person, contact of two organizations with different profiles in each. */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class TwoOrganizationsTest {

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm realm;

    /** Adding a contact sends the invitation email; a refused delivery fails the request. */
    @InjectMailServer
    MailServer mail;

    /** The My NS Account stand-in, where the invited people sign in to accept (Fixture.activate). */
    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    @Test
    void deactivationInOneOrganizationLeavesTheOtherIntact() {
        People people = new People(realm);
        LampssApi ops = people.operationsSupport(Fixture.unique("ops"));
        Fixture fixture = new Fixture(people, ops, mail, mynsaccount);
        String funding = fixture.organization();
        String casework = fixture.organization("ecm");
        fixture.primaryContact(funding);
        fixture.primaryContact(casework);
        String email = Fixture.unique("shared") + "@example.ca";

        String inFunding = fixture.addContact(funding, email, "ofa-administrator").string("id");
        String inCasework = fixture.addContact(casework, email.toUpperCase(), "ecm-inquiry").string("id");
        assertEquals(inFunding, inCasework, "the same person: one account, recognised by email");
        fixture.activate(funding, inFunding);

        assertEquals(List.of("ofa-administrator"), people.signInAs(inFunding).tokenProfiles(),
                "a pending invitation's profiles stay out of tokens until it is accepted");

        fixture.activate(casework, inFunding);
        LampssApi person = people.signInAs(inFunding);

        assertEquals(List.of("ecm-inquiry", "ofa-administrator"), person.tokenProfiles());
        assertEquals(Map.of(funding, List.of("ofa-administrator"), casework, List.of("ecm-inquiry")), profilesByOrganization(person));

        assertEquals(200, ops.post(path(funding, inFunding) + "/deactivate", null).status());
        LampssApi again = people.signInAs(inFunding);

        assertEquals(List.of("ecm-inquiry"), again.tokenProfiles(), "still signs in, with the other organization's profiles");
        assertEquals(Map.of(casework, List.of("ecm-inquiry")), profilesByOrganization(again));
        assertEquals("ACTIVE", ops.get(path(casework, inFunding)).string("state"));
        assertEquals(List.of("ecm-inquiry"), ops.get(path(casework, inFunding)).json().get("profiles"));
        assertEquals("INACTIVE", ops.get(path(funding, inFunding)).string("state"));
        assertEquals(404, again.get("/organizations/" + funding).status(), "no longer acts in the first organization");

        assertEquals(200, ops.post(path(casework, inFunding) + "/deactivate", null).status());
        assertNotEquals(200, people.signInStatus(inFunding), "no active membership left: no sign-in");
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> profilesByOrganization(LampssApi person) {
        List<Map<String, Object>> organizations = (List<Map<String, Object>>) person.get("/me").json().get("organizations");
        return organizations.stream().collect(java.util.stream.Collectors.toMap(o -> o.get("id"), o -> o.get("profiles")));
    }
}
