package ca.novascotia.lampss.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * Our counters on Keycloak's own metrics endpoint (management port, {@code --metrics-enabled=true}):
 * invitations sent and delegation refusals here; accepted, expired and refused links are counted
 * where InvitationTest drives them through the browser.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class MetricsTest {

    private static final String SENT = "lampss_invitations_sent_total";
    private static final String DELEGATION_REFUSALS = "lampss_delegation_refusals_total";

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    /** The My NS Account stand-in, where the invited people sign in to accept (Fixture.activate). */
    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    @Test
    void invitationsSentAndDelegationRefusalsAreCountedOnTheMetricsEndpoint() {
        People people = new People(realm);
        LampssApi ops = people.operationsSupport(Fixture.unique("ops"));
        Fixture fixture = new Fixture(people, ops, mail, mynsaccount);
        String org = fixture.organization();
        fixture.primaryContact(org);
        Fixture.Member user = fixture.activeMember(org, "ofa-user");
        double sent = ServerMetrics.value(SENT, "realm", realm.getName());
        double refused = ServerMetrics.value(DELEGATION_REFUSALS, "realm", realm.getName(), "action", "ADD_CONTACT",
                "reason", "ACTION_NOT_PERMITTED");

        String invitee = fixture.addContact(org, Fixture.unique("metrics") + "@example.ca").string("id");
        assertEquals(200, ops.post(Fixture.path(org, invitee) + "/invitation", null).status());
        LampssApi.Reply refusal = user.api().post("/organizations/" + org + "/contacts", Map.of("firstName", "A",
                "lastName", "B", "email", Fixture.unique("nope") + "@example.ca", "profiles", List.of()));

        assertEquals(403, refusal.status(), refusal::toString);
        assertEquals(sent + 2, ServerMetrics.value(SENT, "realm", realm.getName()), "a new contact and a re-send");
        assertEquals(refused + 1, ServerMetrics.value(DELEGATION_REFUSALS, "realm", realm.getName(), "action", "ADD_CONTACT",
                "reason", "ACTION_NOT_PERMITTED"));
        List<String> described = ServerMetrics.scrape().lines().filter(line -> line.startsWith("# ") && line.contains("lampss_invitations_sent"))
                .toList();
        assertTrue(described.stream().anyMatch(line -> line.startsWith("# HELP") && line.endsWith("Invitation emails sent")), described::toString);
        assertTrue(described.stream().anyMatch(line -> line.startsWith("# TYPE") && line.endsWith("counter")), described::toString);
    }
}
