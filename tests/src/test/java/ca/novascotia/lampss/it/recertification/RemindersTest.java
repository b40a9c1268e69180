package ca.novascotia.lampss.it.recertification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.InvitationMail;
import ca.novascotia.lampss.it.api.LampssApi;
import ca.novascotia.lampss.it.api.Mailbox;
import ca.novascotia.lampss.it.api.RealmAttributes;
import ca.novascotia.lampss.it.api.People;
import ca.novascotia.lampss.it.api.ServerMetrics;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Reminders before an invitation expires and the notice to its sender when it expires unused, with
 * lifetimes of seconds: each sent once, never to a disabled account, counted on /metrics.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class RemindersTest {

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

    @AfterEach
    void usualLifetimes() {
        RealmAttributes.set(realm.admin(), Map.of("lampss.invitationLifetime", "P30D", "lampss.invitationReminders", "P7D,P1D"));
    }

    @Test
    void anInviteeIsRemindedOnceAndTheInviterToldOnceWhenItExpires() throws Exception {
        String org = fixture.organization();
        Fixture.Member manager = fixture.primaryContact(org);
        double remindersBefore = ServerMetrics.value("lampss_notices_total", "kind", "invitation-reminder", "outcome", "sent");
        RealmAttributes.set(realm.admin(), Map.of("lampss.invitationLifetime", "PT24S", "lampss.invitationReminders", "PT16S,PT8S"));

        String invitee = Fixture.unique("late") + "@example.ca";
        String disabled = Fixture.unique("gone") + "@example.ca";
        assertEquals(201, add(manager.api(), org, invitee).status());
        String disabledId = add(manager.api(), org, disabled).string("id");
        UserRepresentation off = realm.admin().users().get(disabledId).toRepresentation();
        off.setEnabled(false);
        realm.admin().users().get(disabledId).update(off);
        String link = InvitationMail.linkTo(mail, invitee);

        // Two reminders are configured; the first comes due at once-ish, the second 8 s later: each once.
        var reminders = Mailbox.await(mail, invitee, "expires soon", 2, 30);
        assertEquals(2, reminders.size(), "one reminder per configured lead");
        assertEquals(Fixture.invitationIdOf(link), Fixture.invitationIdOf(InvitationMail.link(InvitationMail.part(reminders.get(0), "text/plain"))),
                "a link to the invitation itself (a token signed anew, for the same single-use invitation)");
        var told = Mailbox.await(mail, manager.email(), "expired", 2, 30);
        Thread.sleep(5000);
        assertEquals(2, Mailbox.to(mail, invitee, "expires soon").size(), "no reminder twice");
        assertEquals(2, Mailbox.to(mail, manager.email(), "expired").size(), "the inviter is told once per expired invitation");
        assertEquals(2, told.size());
        assertTrue(InvitationMail.part(told.get(0), "text/plain").contains("expired on"), "says so");
        assertEquals(0, Mailbox.to(mail, disabled, "expires soon").size(), "never to a disabled account");
        assertTrue(ServerMetrics.value("lampss_notices_total", "kind", "invitation-reminder", "outcome", "sent") >= remindersBefore + 2,
                "counted on /metrics");
    }

    private static LampssApi.Reply add(LampssApi as, String org, String email) {
        return as.post("/organizations/" + org + "/contacts", Map.of("firstName", "Lee", "lastName", "Late", "email", email,
                "profiles", java.util.List.of("ofa-user")));
    }
}
