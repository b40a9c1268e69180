package ca.novascotia.lampss.it.recertification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.InvitationMail;
import ca.novascotia.lampss.it.api.LampssApi;
import ca.novascotia.lampss.it.api.Mailbox;
import ca.novascotia.lampss.it.api.People;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Requests for the profiles only Operations Support gives, through the real server: asked by a
 * contact manager, approved or refused by Operations Support, told by email, audited; and the
 * requests the delegation table forbids, each refused with nothing changed.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class AccessRequestsTest {

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    private LampssApi ops;
    private Fixture fixture;

    @BeforeEach
    void operationsSupport() {
        People people = new People(realm);
        ops = people.operationsSupport(Fixture.unique("ops"));
        fixture = new Fixture(people, ops, mail, mynsaccount);
    }

    @Test
    void aRequestApprovedGivesTheProfileAndTellsBoth() throws Exception {
        String org = fixture.organization("sr", "ecm");
        Fixture.Member manager = fixture.primaryContact(org);
        Fixture.Member staff = fixture.activeMember(org, "ofa-user");

        LampssApi.Reply asked = ask(manager.api(), org, staff.userId(), "sr-administrator", "Runs <b>intake</b> now");
        assertEquals(201, asked.status(), asked::toString);
        assertEquals("OPEN", asked.string("state"));
        assertEquals(409, ask(manager.api(), org, staff.userId(), "sr-administrator", "again").status(), "one open request per person and profile");
        assertEquals("REQUEST_ALREADY_OPEN", ask(manager.api(), org, staff.userId(), "sr-administrator", "again").error());

        List<Map<String, Object>> queue = ops.get("/requests?state=OPEN&max=100").items();
        assertTrue(queue.stream().anyMatch(r -> asked.string("id").equals(r.get("id"))), "in Operations Support's queue");
        assertEquals(List.of(asked.string("id")), manager.api().get("/organizations/" + org + "/requests").items().stream()
                .map(r -> r.get("id")).toList(), "in the organization's list");

        LampssApi.Reply approved = ops.post("/requests/" + asked.string("id") + "/approve", Map.of());
        assertEquals(200, approved.status(), approved::toString);
        assertEquals("APPROVED", approved.string("state"));
        assertTrue(profiles(org, staff.userId()).contains("sr-administrator"), "the profile was given");
        assertEquals(409, ops.post("/requests/" + asked.string("id") + "/refuse", Map.of("decision", "late")).status(), "decided once");

        for (String email : List.of(manager.email(), staff.email())) {
            var told = Mailbox.await(mail, email, "access request", 1, 10);
            assertEquals(1, told.size(), "one email to " + email);
            String text = InvitationMail.part(told.get(0), "text/plain");
            assertTrue(text.contains("approved the request") && text.contains("Service Registration Administrator"), text);
        }
        List<String> audit = ops.get("/organizations/" + org + "/audit?max=100").items().stream().map(e -> (String) e.get("action")).toList();
        assertTrue(audit.containsAll(List.of("REQUEST_MADE", "REQUEST_APPROVED", "CONTACT_UPDATED")), audit.toString());
    }

    @Test
    void aRequestRefusedNeedsAReasonAndChangesNothing() throws Exception {
        String org = fixture.organization("ecm");
        Fixture.Member manager = fixture.primaryContact(org);
        Fixture.Member staff = fixture.activeMember(org, "ofa-user");
        LampssApi.Reply asked = ask(manager.api(), org, staff.userId(), "ecm-administrator", "Backup for the case team");
        assertEquals(201, asked.status(), asked::toString);

        LampssApi.Reply withoutReason = ops.post("/requests/" + asked.string("id") + "/refuse", Map.of());
        assertEquals(400, withoutReason.status());
        assertEquals("REQUIRED_FIELD_MISSING", withoutReason.error());
        LampssApi.Reply refused = ops.post("/requests/" + asked.string("id") + "/refuse", Map.of("decision", "<img src=x onerror=alert(1)> one is enough"));
        assertEquals(200, refused.status(), refused::toString);
        assertEquals("REFUSED", refused.string("state"));
        assertEquals(List.of("ofa-user"), profiles(org, staff.userId()), "nothing given");

        var told = Mailbox.await(mail, staff.email(), "access request", 1, 10);
        assertEquals(1, told.size());
        String html = InvitationMail.part(told.get(0), "text/html");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;") && !html.contains("<img src=x"), "the decision is escaped");
    }

    @Test
    void theDelegationTableRefusesAndNothingChanges() {
        String org = fixture.organization("sr");
        Fixture.Member manager = fixture.primaryContact(org);
        Fixture.Member staff = fixture.activeMember(org, "ofa-user");
        String otherOrg = fixture.organization("sr", "pcc");
        Fixture.Member otherManager = fixture.primaryContact(otherOrg);
        Fixture.Member otherStaff = fixture.activeMember(otherOrg, "ofa-user");

        assertRefused(403, "OWN_PROFILES", ask(manager.api(), org, manager.userId(), "sr-administrator", "me"));
        assertRefused(409, "PROFILE_NOT_REQUESTABLE", ask(manager.api(), org, staff.userId(), "ofa-administrator", "give it yourself"));
        assertRefused(409, "MODULE_NOT_ENABLED", ask(manager.api(), org, staff.userId(), "pcc-administrator", "no college"));
        assertRefused(403, "ACTION_NOT_PERMITTED", ask(staff.api(), org, manager.userId(), "sr-administrator", "not a manager"));
        // Another organization's person, through one's own organization and through theirs.
        assertRefused(404, "CONTACT_NOT_FOUND", ask(manager.api(), org, otherStaff.userId(), "sr-administrator", "not ours"));
        assertRefused(404, "ORGANIZATION_NOT_FOUND", ask(manager.api(), otherOrg, otherStaff.userId(), "sr-administrator", "not ours"));
        assertRefused(400, "REQUIRED_FIELD_MISSING", ask(manager.api(), org, staff.userId(), "sr-administrator", " "));
        assertRefused(400, "FIELD_TOO_LONG", ask(manager.api(), org, staff.userId(), "sr-administrator", "x".repeat(501)));

        // Operations Support's side is Operations Support's.
        LampssApi.Reply theirs = ask(otherManager.api(), otherOrg, otherStaff.userId(), "sr-administrator", "theirs");
        assertEquals(201, theirs.status(), theirs::toString);
        assertRefused(403, "OPERATIONS_SUPPORT_ONLY", manager.api().get("/requests"));
        assertRefused(403, "OPERATIONS_SUPPORT_ONLY", manager.api().post("/requests/" + theirs.string("id") + "/approve", Map.of()));
        assertRefused(404, "ORGANIZATION_NOT_FOUND", manager.api().get("/organizations/" + otherOrg + "/requests"));

        assertEquals(0, manager.api().get("/organizations/" + org + "/requests").items().size(), "no request was stored");
        assertEquals("OPEN", ops.get("/requests?state=OPEN&max=100").items().stream()
                .filter(r -> theirs.string("id").equals(r.get("id"))).findFirst().orElseThrow().get("state"));
        assertEquals(List.of("ofa-user"), profiles(otherOrg, otherStaff.userId()), "nothing given");
    }

    @Test
    void aRequestClosesWhenItsPersonIsDeactivated() {
        String org = fixture.organization("lm");
        Fixture.Member manager = fixture.primaryContact(org);
        Fixture.Member staff = fixture.activeMember(org, "ofa-user");
        LampssApi.Reply asked = ask(manager.api(), org, staff.userId(), "lm-administrator", "Runs the learner desk");
        assertEquals(201, asked.status(), asked::toString);
        assertEquals(200, manager.api().post(Fixture.path(org, staff.userId()) + "/deactivate", Map.of()).status());

        Map<String, Object> closed = manager.api().get("/organizations/" + org + "/requests").items().get(0);
        assertEquals("CLOSED", closed.get("state"));
        assertRefused(409, "REQUEST_ALREADY_DECIDED", ops.post("/requests/" + asked.string("id") + "/approve", Map.of()));
        assertEquals(List.of(), ops.get("/requests?state=OPEN&max=100").items().stream()
                .filter(r -> asked.string("id").equals(r.get("id"))).toList(), "out of the queue");
    }

    private static LampssApi.Reply ask(LampssApi as, String org, String userId, String profile, String reason) {
        return as.post("/organizations/" + org + "/requests", Map.of("userId", userId, "profile", profile, "reason", reason));
    }

    @SuppressWarnings("unchecked")
    private List<String> profiles(String org, String userId) {
        return (List<String>) ops.get(Fixture.path(org, userId)).json().get("profiles");
    }

    private static void assertRefused(int status, String code, LampssApi.Reply reply) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(code, reply.error(), reply::toString);
    }
}
