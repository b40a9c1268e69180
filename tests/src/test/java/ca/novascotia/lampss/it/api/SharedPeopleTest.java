package ca.novascotia.lampss.it.api;

import static ca.novascotia.lampss.it.api.Fixture.path;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * Regression tests for the account-takeover chain through shared people, and the rules that close
 * it (R1–R12 of the brief). The chain: an organization's primary contact attaches an Operations
 * Support user as a contact by email, rewrites that user's email to an address the attacker reads,
 * re-sends the invitation there, and accepts it with an identity of their own, which links that
 * identity to the Operations Support account.
 *
 * <p>Everything goes through the public interfaces: the REST API with real tokens, real emails at
 * the test SMTP server, and a real browser that follows the emailed links and signs in at the My NS
 * Account stand-in. People are made active only by a real acceptance (each with a new stand-in
 * identity); nobody is activated by deactivating and reactivating. Every refused call is checked to
 * have changed nothing: the target account (admin API), its LaMPSS rows (the realm export), the
 * organizations' audit trails and waiting invitations.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class SharedPeopleTest {

    /**
     * Invitation emails per person and organization per hour (server option
     * {@code spi-realm-restapi-extension--lampss--invitations-per-hour}, default 5).
     */
    static final int INVITATIONS_PER_HOUR = 5;

    /** Control characters and bidirectional overrides, isolates and marks that must never be stored (R11). */
    static final Map<String, String> MISLEADING = misleading();

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm lampss;

    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    @InjectMailServer
    MailServer mail;

    @InjectOAuthClient(realmRef = "lampss")
    OAuthClient oauth;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectPage
    LoginPage loginPage;

    People people;
    Fixture fixture;
    LampssApi ops;
    String opsId;
    LampssApi realmAdministrator;
    AttackBrowser browser;
    AttackMailbox mailbox;

    /** A person of the realm: user id and the email they were invited with. */
    record Person(String id, String email) {
    }

    /** An organization's active primary contact (Self-Service with Full Update), and the API as them. */
    record Manager(String id, String email, LampssApi api) {
    }

    @BeforeEach
    void operationsSupportAndABrowserWithNoSession() {
        people = new People(lampss);
        opsId = people.createUser(Fixture.unique("ops"), true);
        ops = people.signInAs(opsId);
        fixture = new Fixture(people, ops, mail, mynsaccount);
        realmAdministrator = people.realmAdministrator(Fixture.unique("realm-admin"));
        browser = new AttackBrowser(lampss, mynsaccount, driver, loginPage, oauth);
        mailbox = new AttackMailbox(mail);
        browser.forgetSessions();
    }

    // ---------------------------------------------------------------------------------------------
    // The chain
    // ---------------------------------------------------------------------------------------------

    @Test
    void thePrimaryContactCannotTakeOverAnOperationsSupportAccount() {
        String a = organization();
        Manager attacker = activePrimaryContact(a);
        String victimName = Fixture.unique("ops-victim");
        String victimId = people.createUser(victimName, true);
        giveRealmManagementRole(victimId, "realm-admin");
        String victimEmail = emailOf(victimId);
        String attackerInbox = Fixture.unique("attacker-inbox") + "@example.ca";
        String attackerIdentity = browser.newIdentity();
        AttackSnapshot before = snapshot(victimId, a);

        // 1. Attach the Operations Support user as a contact, by their email.
        LampssApi.Reply attach = attacker.api().post(contactsOf(a), newContact("Ops", "Victim", victimEmail));
        String target = attach.status() == 201 ? attach.string("id") : victimId;
        // 2. Rewrite their email to an address the attacker reads.
        LampssApi.Reply rewrite = attacker.api().put(path(a, target), details("Ops", "Victim", attackerInbox));
        // 3. Re-send the invitation: the link goes to that address.
        LampssApi.Reply resend = attacker.api().post(path(a, target) + "/invitation", null);
        // 4. Open it and sign in with an identity of the attacker's.
        mailbox.settledCount(attackerInbox);
        List<String> stolenLinks = mailbox.invitationLinks(attackerInbox);
        AttackBrowser.Outcome accepted = stolenLinks.isEmpty() ? null
                : browser.follow(stolenLinks.get(stolenLinks.size() - 1), attackerIdentity);
        String attackersSessionToken = accepted != null && accepted.landed() ? browser.tokenOfCurrentSession() : null;

        assertAll("every step of the takeover chain is refused and the Operations Support account is untouched",
                () -> assertError(attach, 409, "EMAIL_CANNOT_BE_USED", "email"),
                () -> assertRefusedSomehow("step 2, rewriting the email", rewrite),
                () -> assertRefusedSomehow("step 3, re-sending the invitation", resend),
                () -> assertEquals(List.of(), stolenLinks, "step 3: no invitation reaches the attacker's address"),
                () -> assertTrue(accepted == null || accepted.refused(), () -> "step 4, the acceptance: " + accepted),
                () -> assertEquals(before, snapshot(victimId, a), "the Operations Support account, its rows and A's trail"),
                () -> assertEquals(List.of(), federatedIdentities(victimId), "no identity is linked to the Operations Support account"),
                () -> assertEquals(false, attacker.api().get("/me").json().get("operationsSupport"),
                        "the attacker's own token is not Operations Support"),
                () -> assertTrue(attackersSessionToken == null
                                || !Boolean.TRUE.equals(people.withToken(attackersSessionToken).get("/me").json().get("operationsSupport")),
                        "the session the attacker's identity opened is not Operations Support"),
                () -> assertTrue(mailbox.to(victimEmail).isEmpty(), "no invitation was sent to the victim's address either"));
    }

    // ---------------------------------------------------------------------------------------------
    // R1: who can be attached
    // ---------------------------------------------------------------------------------------------

    @Test
    void anAccountThatIsNotALampssPersonCannotBeAttachedAndTheRefusalDoesNotSayWhy() {
        String a = organization();
        Manager manager = activePrimaryContact(a);
        String c = organization();
        Map<String, String> targets = new LinkedHashMap<>();
        String opsName = Fixture.unique("ops-target");
        people.operationsSupport(opsName);
        targets.put("an Operations Support holder", idOf(opsName));
        targets.put("a holder of a realm-management role", userWithRealmManagementRole("query-users"));
        targets.put("a service account with an email", serviceAccountWithEmail());
        String outsiderName = Fixture.unique("outsider");
        people.outsider(outsiderName);
        targets.put("a realm user with no membership", idOf(outsiderName));
        Map<String, AttackSnapshot> before = new LinkedHashMap<>();
        targets.forEach((what, id) -> before.put(what, snapshot(id, a, c)));

        List<Executable> checks = new ArrayList<>();
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (Map.Entry<String, String> target : targets.entrySet()) {
            String email = emailOf(target.getValue());
            LampssApi.Reply byManager = manager.api().post(contactsOf(a), newContact("Any", "Name", email));
            LampssApi.Reply byOps = ops.post(contactsOf(c), newContact("Any", "Name", email));
            checks.add(() -> assertError(byManager, 409, "EMAIL_CANNOT_BE_USED", "email", "A's manager attaching " + target.getKey()));
            checks.add(() -> assertError(byOps, 409, "EMAIL_CANNOT_BE_USED", "email", "Operations Support attaching " + target.getKey()));
            bodies.add(bodyOf(byManager));
            bodies.add(bodyOf(byOps));
        }
        checks.add(() -> assertEquals(1, bodies.stream().distinct().count(),
                "one and the same refusal whichever kind of account it is: " + bodies));
        for (Map.Entry<String, String> target : targets.entrySet()) {
            checks.add(() -> assertEquals(before.get(target.getKey()), snapshot(target.getValue(), a, c),
                    target.getKey() + ": account, rows and trails unchanged"));
            checks.add(() -> assertTrue(lampss.admin().users().get(target.getValue()).toRepresentation().isEnabled(),
                    target.getKey() + " stays enabled (R4: LaMPSS never enables or disables an account outside LaMPSS)"));
            checks.add(() -> assertTrue(mailbox.to(emailOf(target.getValue())).isEmpty(), target.getKey() + " got no invitation"));
        }
        assertAll("R1: only LaMPSS people are attached", checks);
    }

    @Test
    void aPersonWhoIsAContactOfAnotherOrganizationIsAttachedAsTheSamePerson() {
        String b = organization();
        fixture.addContact(b, Fixture.unique("b-primary") + "@example.ca");
        Person shared = activeContact(b, ops, "ofa-user");
        UserRepresentation account = lampss.admin().users().get(shared.id()).toRepresentation();
        String a = organization();
        Manager manager = activePrimaryContact(a);

        LampssApi.Reply attached = manager.api().post(contactsOf(a), newContact("Other", "Names", shared.email()));

        assertEquals(201, attached.status(), attached::toString);
        assertEquals(shared.id(), attached.string("id"), "the same person, not a second account");
        assertEquals("INVITED", attached.string("state"));
        assertEquals("ACTIVE", state(b, shared.id()), "still active in B");
        UserRepresentation now = lampss.admin().users().get(shared.id()).toRepresentation();
        assertEquals(List.of(account.getFirstName(), account.getLastName(), account.getEmail()),
                List.of(now.getFirstName(), now.getLastName(), now.getEmail()), "the person keeps their names and email");
    }

    // ---------------------------------------------------------------------------------------------
    // R2: whose details
    // ---------------------------------------------------------------------------------------------

    @Test
    void aManagerCannotChangeTheDetailsOfAPersonSharedWithAnotherOrganizationButOperationsSupportCan() {
        String a = organization();
        Manager manager = activePrimaryContact(a);
        String b = organization();
        fixture.addContact(b, Fixture.unique("b-primary") + "@example.ca");
        List<Executable> checks = new ArrayList<>();
        Person last = null;
        for (String stateInB : List.of("INVITED", "ACTIVE", "INACTIVE")) {
            Person shared = invitedContact(b, ops);
            if (stateInB.equals("ACTIVE")) {
                accept(b, shared, browser.newIdentity());
            } else if (stateInB.equals("INACTIVE")) {
                ok(ops.post(path(b, shared.id()) + "/deactivate", null));
            }
            assertEquals(stateInB, state(b, shared.id()), "set-up");
            LampssApi.Reply attached = manager.api().post(contactsOf(a), newContact("Any", "Name", shared.email()));
            assertEquals(201, attached.status(), () -> "set-up: A's manager attaches B's contact: " + attached);
            Map<String, Object> current = ops.get(path(a, shared.id())).json();
            AttackSnapshot before = snapshot(shared.id(), a, b);

            LampssApi.Reply names = manager.api().put(path(a, shared.id()),
                    details("Renamed", "ByA", (String) current.get("email")));
            LampssApi.Reply email = manager.api().put(path(a, shared.id()),
                    details((String) current.get("firstName"), (String) current.get("lastName"), Fixture.unique("hijack") + "@example.ca"));

            AttackSnapshot after = snapshot(shared.id(), a, b);
            checks.add(() -> assertError(names, 403, "SHARED_PERSON", null, "names of a person " + stateInB + " in B"));
            checks.add(() -> assertError(email, 403, "SHARED_PERSON", null, "email of a person " + stateInB + " in B"));
            checks.add(() -> assertEquals(before, after, "person " + stateInB + " in B: nothing changed"));
            last = shared;
        }
        Person shared = last;
        String newEmail = Fixture.unique("ops-set") + "@example.ca";
        LampssApi.Reply byOps = ops.put(path(a, shared.id()), details("Set", "ByOps", newEmail));
        checks.add(() -> assertEquals(200, byOps.status(), "Operations Support changes a shared person's details: " + byOps));
        checks.add(() -> assertEquals(newEmail, lampss.admin().users().get(shared.id()).toRepresentation().getEmail()));
        assertAll("R2: a shared person's details are Operations Support's", checks);
    }

    @Test
    void aManagerChangesTheDetailsOfAPersonWhoIsAContactOfTheirOrganizationAlone() {
        String a = organization();
        Manager manager = activePrimaryContact(a);
        Person own = invitedContact(a, manager.api(), "ofa-user");
        String newEmail = Fixture.unique("own-new") + "@example.ca";

        LampssApi.Reply changed = manager.api().put(path(a, own.id()), details("Renamed", "ByA", newEmail));

        assertEquals(200, changed.status(), changed::toString);
        UserRepresentation account = lampss.admin().users().get(own.id()).toRepresentation();
        assertEquals(List.of("Renamed", "ByA", newEmail), List.of(account.getFirstName(), account.getLastName(), account.getEmail()));
    }

    // ---------------------------------------------------------------------------------------------
    // R3: an invitation is bound to its address
    // ---------------------------------------------------------------------------------------------

    @Test
    void anEmailChangeByOperationsSupportSupersedesThePendingInvitationsOfEveryOrganization() {
        String a = organization();
        String b = organization();
        Person person = invitedContact(a, ops, "ofa-user");
        assertEquals(person.id(), addContact(b, ops, person.email(), "ofa-read-only").id(), "set-up: one person in A and B");
        String oldLinkA = mailbox.invitationLink(person.email(), nameOf(a));
        String oldLinkB = mailbox.invitationLink(person.email(), nameOf(b));
        String newEmail = Fixture.unique("moved") + "@example.ca";

        ok(ops.put(path(a, person.id()), details("Moved", "Person", newEmail)));

        String attackerIdentity = browser.newIdentity();
        AttackBrowser.Outcome oldA = browser.follow(oldLinkA, attackerIdentity);
        List<Object> afterOldA = List.of(state(a, person.id()), federatedIdentities(person.id()));
        AttackBrowser.Outcome oldB = browser.follow(oldLinkB, attackerIdentity);
        List<Object> afterOldB = List.of(state(b, person.id()), federatedIdentities(person.id()));
        Optional<String> newLinkA = mailbox.newInvitationLink(newEmail, nameOf(a), oldLinkA);
        Optional<String> newLinkB = mailbox.newInvitationLink(newEmail, nameOf(b), oldLinkB);
        assertAll("R3: the old address's links are dead, the new address is invited, the old one is told",
                () -> assertTrue(oldA.refused(), () -> "the old link of A: " + oldA),
                () -> assertEquals(List.of("INVITED", List.of()), afterOldA, "A: still invited, no identity linked"),
                () -> assertTrue(oldB.refused(), () -> "the old link of B: " + oldB),
                () -> assertEquals(List.of("INVITED", List.of()), afterOldB, "B: still invited, no identity linked"),
                () -> assertTrue(mailbox.await(person.email(), AttackMailbox::emailChangeNotice).isPresent(),
                        () -> "a notice to the old address; it received " + AttackMailbox.subjects(mailbox.to(person.email()))),
                () -> assertTrue(newLinkA.isPresent(), "a new invitation of A to the new address"),
                () -> assertTrue(newLinkB.isPresent(), "a new invitation of B to the new address"));

        String identity = browser.newIdentity();
        AttackBrowser.Outcome acceptedA = browser.follow(newLinkA.get(), identity);
        assertTrue(acceptedA.landed(), acceptedA::toString);
        AttackBrowser.Outcome acceptedB = browser.follow(newLinkB.get(), identity);
        assertTrue(acceptedB.landed(), acceptedB::toString);
        assertEquals("ACTIVE", state(a, person.id()));
        assertEquals("ACTIVE", state(b, person.id()));
        assertEquals(1, federatedIdentities(person.id()).size());
    }

    @Test
    void anEmailChangeByTheSoleOrganizationsManagerSupersedesThePendingInvitation() {
        String a = organization();
        Manager manager = activePrimaryContact(a);
        Person person = invitedContact(a, manager.api(), "ofa-user");
        String oldLink = mailbox.invitationLink(person.email(), nameOf(a));
        String newEmail = Fixture.unique("moved") + "@example.ca";

        ok(manager.api().put(path(a, person.id()), details("Moved", "Person", newEmail)));

        AttackBrowser.Outcome old = browser.follow(oldLink, browser.newIdentity());
        List<Object> afterOld = List.of(state(a, person.id()), federatedIdentities(person.id()));
        Optional<String> newLink = mailbox.newInvitationLink(newEmail, nameOf(a), oldLink);
        assertAll("R3: the old address's link is dead, the new address is invited, the old one is told",
                () -> assertTrue(old.refused(), () -> "the old link: " + old),
                () -> assertEquals(List.of("INVITED", List.of()), afterOld, "still invited, no identity linked"),
                () -> assertTrue(mailbox.await(person.email(), AttackMailbox::emailChangeNotice).isPresent(),
                        () -> "a notice to the old address; it received " + AttackMailbox.subjects(mailbox.to(person.email()))),
                () -> assertTrue(newLink.isPresent(), "a new invitation to the new address"));

        AttackBrowser.Outcome accepted = browser.follow(newLink.get(), browser.newIdentity());
        assertTrue(accepted.landed(), accepted::toString);
        assertEquals("ACTIVE", state(a, person.id()));
    }

    // ---------------------------------------------------------------------------------------------
    // R4: enable / disable
    // ---------------------------------------------------------------------------------------------

    @Test
    void lampssDoesNotReEnableAnAccountThatAnIdentityAdministratorDisabled() {
        String a = organization();
        fixture.addContact(a, Fixture.unique("a-primary") + "@example.ca");
        String b = organization();
        fixture.addContact(b, Fixture.unique("b-primary") + "@example.ca");
        Person person = activeContact(a, ops, "ofa-user");
        addContact(b, ops, person.email(), "ofa-read-only");
        ok(ops.post(path(a, person.id()) + "/deactivate", null));
        assertEquals("INACTIVE", state(a, person.id()));
        assertTrue(enabled(person.id()), "set-up: still invited in B, so LaMPSS left the account enabled");
        UserRepresentation account = lampss.admin().users().get(person.id()).toRepresentation();
        account.setEnabled(false);
        lampss.admin().users().get(person.id()).update(account);

        LampssApi.Reply reactivated = ops.post(path(a, person.id()) + "/reactivate", null);

        assertEquals(200, reactivated.status(), reactivated::toString);
        assertNotEquals("INACTIVE", state(a, person.id()), "the membership changes");
        assertEquals(false, enabled(person.id()), "the account an identity administrator disabled stays disabled");
    }

    @Test
    void lampssUndoesItsOwnDisablingWhenItsOnlyActiveMembershipIsReactivated() {
        String a = organization();
        fixture.addContact(a, Fixture.unique("a-primary") + "@example.ca");
        Person person = activeContact(a, ops, "ofa-user");
        people.signInAs(person.id());
        assertTrue(!lampss.admin().users().get(person.id()).getUserSessions().isEmpty(), "set-up: the person has sessions");

        ok(ops.post(path(a, person.id()) + "/deactivate", null));

        assertEquals(false, enabled(person.id()), "no active or invited membership left: LaMPSS disables the account");
        assertEquals(List.of(), lampss.admin().users().get(person.id()).getUserSessions(), "and ends its sessions");

        ok(ops.post(path(a, person.id()) + "/reactivate", null));

        assertEquals("ACTIVE", state(a, person.id()));
        assertEquals(true, enabled(person.id()), "LaMPSS undoes its own disabling");
        assertEquals(200, people.signInStatus(person.id()));
    }

    // ---------------------------------------------------------------------------------------------
    // R5: states agree
    // ---------------------------------------------------------------------------------------------

    @Test
    void deactivatingAnInvitedContactWithdrawsTheInvitation() {
        String a = organization();
        fixture.addContact(a, Fixture.unique("a-primary") + "@example.ca");
        Person person = invitedContact(a, ops, "ofa-user");
        String link = mailbox.invitationLink(person.email(), nameOf(a));

        ok(ops.post(path(a, person.id()) + "/deactivate", null));

        AttackBrowser.Outcome followed = browser.follow(link, browser.newIdentity());
        assertAll("R5: a deactivated invitee's invitation is withdrawn",
                () -> assertEquals(List.of("REVOKED"), invitationStates(a, person.id()), "the invitation's state"),
                () -> assertTrue(waitingInvitations(a).stream().noneMatch(i -> person.id().equals(i.get("userId"))),
                        "no longer listed as waiting"),
                () -> assertTrue(followed.refused(), () -> "the link: " + followed),
                () -> assertEquals("INACTIVE", state(a, person.id())),
                () -> assertEquals(List.of(), federatedIdentities(person.id())));
    }

    @Test
    void reactivatingAContactWhoNeverAcceptedInvitesThemAgain() {
        String a = organization();
        fixture.addContact(a, Fixture.unique("a-primary") + "@example.ca");
        Person person = invitedContact(a, ops, "ofa-user");
        String oldLink = mailbox.invitationLink(person.email(), nameOf(a));
        ok(ops.post(path(a, person.id()) + "/deactivate", null));

        LampssApi.Reply reactivated = ops.post(path(a, person.id()) + "/reactivate", null);

        assertEquals(200, reactivated.status(), reactivated::toString);
        assertEquals("INVITED", reactivated.string("state"), "never ACTIVE without an acceptance");
        assertEquals("INVITED", state(a, person.id()));
        String newLink = mailbox.newInvitationLink(person.email(), nameOf(a), oldLink)
                .orElseThrow(() -> new AssertionError("no new invitation after the reactivation"));
        AttackBrowser.Outcome accepted = browser.follow(newLink, browser.newIdentity());
        assertTrue(accepted.landed(), accepted::toString);
        assertEquals("ACTIVE", state(a, person.id()));
    }

    // ---------------------------------------------------------------------------------------------
    // R6: nobody gives themselves access
    // ---------------------------------------------------------------------------------------------

    @Test
    void operationsSupportCannotAddItselfAsAContact() {
        String a = organization();
        AttackSnapshot before = snapshot(opsId, a);

        LampssApi.Reply added = ops.post(contactsOf(a), newContact("Ops", "Self", emailOf(opsId)));

        assertAll("R6: Operations Support adding its own email",
                () -> assertError(added, 403, "OWN_MEMBERSHIP", null, "its own email"),
                () -> assertEquals(before, snapshot(opsId, a), "nothing changed"));
    }

    @Test
    void aManagerCannotAddThemselvesAgainNorToAnotherOrganization() {
        String a = organization();
        Manager manager = activePrimaryContact(a);
        String b = organization();
        AttackSnapshot before = snapshot(manager.id(), a, b);

        LampssApi.Reply again = manager.api().post(contactsOf(a), newContact("Me", "Again", manager.email()));
        LampssApi.Reply elsewhere = manager.api().post(contactsOf(b), newContact("Me", "Elsewhere", manager.email()));

        assertAll("R6: a manager adding their own email",
                () -> assertError(again, 409, "ALREADY_A_CONTACT", "email", "to their own organization"),
                () -> assertError(elsewhere, 404, "ORGANIZATION_NOT_FOUND", null, "to an organization they are not in"),
                () -> assertEquals(before, snapshot(manager.id(), a, b), "nothing changed"));
    }

    // ---------------------------------------------------------------------------------------------
    // R7: profiles set aside on deactivation
    // ---------------------------------------------------------------------------------------------

    @Test
    void profilesSetAsideAtDeactivationAreShownAndCanBeNarrowedBeforeReactivation() {
        String a = organization();
        Manager manager = activePrimaryContact(a);
        String identity = browser.newIdentity();
        Person person = invitedContact(a, manager.api(), "ofa-administrator", "ofa-read-only", "ofa-user");
        accept(a, person, identity);
        ok(manager.api().post(path(a, person.id()) + "/deactivate", null));

        Map<String, Object> inactive = manager.api().get(path(a, person.id())).json();
        assertEquals("INACTIVE", inactive.get("state"));
        assertEquals(List.of("ofa-administrator", "ofa-read-only", "ofa-user"), sorted(inactive.get("profilesSetAside")),
                "the profiles held before deactivation: " + inactive);

        Map<String, Object> narrowed = new LinkedHashMap<>(details((String) inactive.get("firstName"), (String) inactive.get("lastName"),
                (String) inactive.get("email")));
        narrowed.put("profilesSetAside", List.of("ofa-user"));
        LampssApi.Reply put = manager.api().put(path(a, person.id()), narrowed);
        assertEquals(200, put.status(), put::toString);
        assertEquals(List.of("ofa-user"), sorted(manager.api().get(path(a, person.id())).json().get("profilesSetAside")));

        ok(manager.api().post(path(a, person.id()) + "/reactivate", null));
        if ("INVITED".equals(state(a, person.id()))) {
            accept(a, person, identity);
        }

        assertEquals("ACTIVE", state(a, person.id()));
        assertEquals(List.of("ofa-user"), sorted(manager.api().get(path(a, person.id())).json().get("profiles")));
        assertEquals(List.of("ofa-user"), people.signInAs(person.id()).tokenProfiles(), "only the remaining profile comes back");
    }

    // ---------------------------------------------------------------------------------------------
    // R8: the API is for its own clients
    // ---------------------------------------------------------------------------------------------

    @Test
    void aDepartmentApplicationsTokenIsRefusedByTheApi() {
        String a = organization();
        fixture.addContact(a, Fixture.unique("a-primary") + "@example.ca");
        String identity = browser.newIdentity();
        Person person = invitedContact(a, ops, "ofa-user");
        accept(a, person, identity);
        String departmentToken = browser.departmentAppToken(identity);
        assertEquals(person.id(), Jwt.payload(departmentToken).get("sub"), "set-up: a real token of the person");
        assertEquals(AttackBrowser.DEPARTMENT_APP, Jwt.payload(departmentToken).get("azp"));

        LampssApi department = people.withToken(departmentToken);

        assertAll("R8: a department application's token",
                () -> assertError(department.get("/me"), 401, "CLIENT_NOT_ALLOWED", null, "GET /me"),
                () -> assertError(department.get("/organizations/" + a), 401, "CLIENT_NOT_ALLOWED", null, "GET /organizations/{id}"),
                () -> assertEquals(200, people.signInAs(person.id()).get("/me").status(), "the same person through the API's own test client"));
    }

    // ---------------------------------------------------------------------------------------------
    // R11: text that cannot mislead
    // ---------------------------------------------------------------------------------------------

    @Test
    void controlAndBidiCharactersInANewContactAreRefusedAndNothingIsCreated() {
        String a = organization();
        long contacts = contactCount(a);
        int users = lampss.admin().users().count();
        int emails = mail.getReceivedMessages().length;
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, String> character : MISLEADING.entrySet()) {
            String c = character.getValue();
            for (String field : List.of("firstName", "lastName", "email", "invitationMessage")) {
                String email = Fixture.unique("chars") + "@example.ca";
                Map<String, Object> body = new LinkedHashMap<>(Map.of("firstName", "Ada", "lastName", "Lovelace", "email", email,
                        "invitationMessage", "Welcome"));
                body.put(field, field.equals("email") ? "ada" + c + email : withInside(body.get(field), c));
                sent++;
                expectInvalidCharacters(ops.post(contactsOf(a), body), field, "POST contact, " + field + " with " + character.getKey(), wrong);
            }
        }
        int requests = sent;
        assertAll("R11: " + requests + " new contacts with a misleading character",
                () -> assertTrue(wrong.isEmpty(), () -> wrong.size() + " of " + requests + " not refused as expected:\n" + summary(wrong)),
                () -> assertEquals(contacts, contactCount(a), "no contact created"),
                () -> assertEquals(users, lampss.admin().users().count(), "no account created"),
                () -> assertEquals(emails, mail.getReceivedMessages().length, "no email sent"));
    }

    @Test
    void controlAndBidiCharactersInAContactsDetailsAreRefusedAndNothingChanges() {
        String a = organization();
        Person person = invitedContact(a, ops, "ofa-user");
        Map<String, Object> current = ops.get(path(a, person.id())).json();
        AttackSnapshot before = snapshot(person.id(), a);
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, String> character : MISLEADING.entrySet()) {
            for (String field : List.of("firstName", "lastName", "email")) {
                Map<String, Object> body = new LinkedHashMap<>(details((String) current.get("firstName"), (String) current.get("lastName"),
                        (String) current.get("email")));
                body.put(field, field.equals("email") ? "new" + character.getValue() + Fixture.unique("x") + "@example.ca"
                        : withInside(body.get(field), character.getValue()));
                sent++;
                expectInvalidCharacters(ops.put(path(a, person.id()), body), field, "PUT contact, " + field + " with " + character.getKey(), wrong);
            }
        }
        int requests = sent;
        assertAll("R11: " + requests + " contact changes with a misleading character",
                () -> assertTrue(wrong.isEmpty(), () -> wrong.size() + " of " + requests + " not refused as expected:\n" + summary(wrong)),
                () -> assertEquals(before, snapshot(person.id(), a), "the person is unchanged"));
    }

    @Test
    void controlAndBidiCharactersInOrganizationNamesAreRefusedAndNothingIsCreatedOrChanged() {
        String a = organization();
        Map<String, Object> organization = ops.get("/organizations/" + a).json();
        long organizations = organizationCount();
        long auditOfA = AttackSnapshot.auditRows(ops, a);
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, String> character : MISLEADING.entrySet()) {
            for (String field : List.of("nameEn", "nameFr")) {
                String number = Fixture.unique("NS");
                Map<String, Object> created = new LinkedHashMap<>(Map.of("nameEn", "Org " + number, "nameFr", "Organisme " + number,
                        "externalNumber", number, "modules", List.of()));
                created.put(field, withInside(created.get(field), character.getValue()));
                Map<String, Object> renamed = new LinkedHashMap<>(Map.of("nameEn", organization.get("nameEn"), "nameFr", organization.get("nameFr")));
                renamed.put(field, withInside(renamed.get(field), character.getValue()));
                sent += 2;
                expectInvalidCharacters(ops.post("/organizations", created), field, "POST organization, " + field + " with " + character.getKey(), wrong);
                expectInvalidCharacters(ops.put("/organizations/" + a, renamed), field, "PUT organization, " + field + " with " + character.getKey(), wrong);
            }
        }
        int requests = sent;
        assertAll("R11: " + requests + " organization names with a misleading character",
                () -> assertTrue(wrong.isEmpty(), () -> wrong.size() + " of " + requests + " not refused as expected:\n" + summary(wrong)),
                () -> assertEquals(organizations, organizationCount(), "no organization created"),
                () -> assertEquals(organization, ops.get("/organizations/" + a).json(), "names unchanged"),
                () -> assertEquals(auditOfA, AttackSnapshot.auditRows(ops, a), "no audit row"));
    }

    @Test
    void newlinesInAnInvitationMessageStayAllowed() {
        String a = organization();
        String email = Fixture.unique("lines") + "@example.ca";
        Map<String, Object> body = new LinkedHashMap<>(newContact("Ada", "Lovelace", email));
        body.put("invitationMessage", "First line of the welcome\nSecond line of the welcome");

        LampssApi.Reply added = ops.post(contactsOf(a), body);

        assertEquals(201, added.status(), added::toString);
        String text = AttackMailbox.text(mailbox.awaitCount(email, 1).get(0));
        assertTrue(text.contains("First line of the welcome") && text.contains("Second line of the welcome"), text);
    }

    // ---------------------------------------------------------------------------------------------
    // R12: re-sends are limited
    // ---------------------------------------------------------------------------------------------

    @Test
    void invitationEmailsArePerPersonAndOrganizationLimitedPerHour() {
        String a = organization();
        Person person = invitedContact(a, ops, "ofa-user");
        for (int resend = 2; resend <= INVITATIONS_PER_HOUR; resend++) {
            LampssApi.Reply reply = ops.post(path(a, person.id()) + "/invitation", null);
            assertEquals(200, reply.status(), "invitation " + resend + " of " + INVITATIONS_PER_HOUR + " is within the limit: " + reply);
        }
        mailbox.awaitCount(person.email(), INVITATIONS_PER_HOUR);
        int emailsBefore = mailbox.settledCount(person.email());
        AttackSnapshot before = snapshot(person.id(), a);
        String latestLink = mailbox.invitationLink(person.email(), nameOf(a));

        LampssApi.Reply tooMany = ops.post(path(a, person.id()) + "/invitation", null);

        String retryAfter = header(tooMany, "Retry-After");
        assertAll("R12: invitation " + (INVITATIONS_PER_HOUR + 1) + " within the hour",
                () -> assertError(tooMany, 429, "TOO_MANY_INVITATIONS", null, "the re-send over the limit"),
                () -> assertNotNull(retryAfter, "a Retry-After header"),
                () -> assertTrue(retryAfter != null && retryAfter.matches("\\d{1,4}") && Integer.parseInt(retryAfter) >= 1
                        && Integer.parseInt(retryAfter) <= 3600, "Retry-After is whole seconds from 1 to 3600: " + retryAfter),
                () -> assertEquals(emailsBefore, mailbox.settledCount(person.email()), "no email sent"),
                () -> assertEquals(before, snapshot(person.id(), a), "nothing changed: the pending invitation, the trail"));

        String b = organization();
        assertEquals(person.id(), addContact(b, ops, person.email(), "ofa-read-only").id(), "another organization may still invite them");
        assertTrue(mailbox.newInvitationLink(person.email(), nameOf(b), "").isPresent(), "B's invitation arrives");
        AttackBrowser.Outcome accepted = browser.follow(latestLink, browser.newIdentity());
        assertTrue(accepted.landed(), () -> "the last invitation within the limit still works: " + accepted);
        assertEquals("ACTIVE", state(a, person.id()));
    }

    // ---------------------------------------------------------------------------------------------
    // People, made real
    // ---------------------------------------------------------------------------------------------

    private String organization() {
        return fixture.organization();
    }

    /** A new organization's first contact, invited by Operations Support, who accepts through My NS Account. */
    private Manager activePrimaryContact(String organizationId) {
        String email = Fixture.unique("primary") + "@example.ca";
        LampssApi.Reply added = fixture.addContact(organizationId, email);
        assertEquals(201, added.status(), added::toString);
        assertEquals(Boolean.TRUE, added.json().get("primaryContact"), "set-up: the first contact is the primary contact");
        Person primary = new Person(added.string("id"), email);
        accept(organizationId, primary, browser.newIdentity());
        LampssApi api = people.signInAs(primary.id());
        assertTrue(api.tokenProfiles().contains("ofa-self-service-full-update"), () -> "set-up: " + api.tokenProfiles());
        return new Manager(primary.id(), email, api);
    }

    /** A contact added by {@code by} and accepted with a new stand-in identity. */
    private Person activeContact(String organizationId, LampssApi by, String... profiles) {
        Person person = invitedContact(organizationId, by, profiles);
        accept(organizationId, person, browser.newIdentity());
        return person;
    }

    private Person invitedContact(String organizationId, LampssApi by, String... profiles) {
        return addContact(organizationId, by, Fixture.unique("person") + "@example.ca", profiles);
    }

    private Person addContact(String organizationId, LampssApi by, String email, String... profiles) {
        LampssApi.Reply added = by.post(contactsOf(organizationId), newContact("First " + email, "Last " + email, email, profiles));
        assertEquals(201, added.status(), () -> "set-up: adding " + email + ": " + added);
        return new Person(added.string("id"), email);
    }

    /** The person follows their newest invitation of this organization and signs in as {@code identity}: now ACTIVE. */
    private void accept(String organizationId, Person person, String identity) {
        String email = lampss.admin().users().get(person.id()).toRepresentation().getEmail();
        AttackBrowser.Outcome outcome = browser.follow(mailbox.invitationLink(email, nameOf(organizationId)), identity);
        assertTrue(outcome.landed(), () -> "set-up: acceptance by " + email + ": " + outcome);
        assertEquals("ACTIVE", state(organizationId, person.id()), "set-up: accepted");
    }

    private String userWithRealmManagementRole(String role) {
        String id = people.createUser(Fixture.unique("realm-role"), false);
        giveRealmManagementRole(id, role);
        return id;
    }

    private void giveRealmManagementRole(String userId, String role) {
        ClientRepresentation management = lampss.admin().clients().findByClientId("realm-management").get(0);
        RoleRepresentation granted = lampss.admin().clients().get(management.getId()).roles().get(role).toRepresentation();
        lampss.admin().users().get(userId).roles().clientLevel(management.getId()).add(List.of(granted));
    }

    /** A confidential client's service-account user, given an email. */
    private String serviceAccountWithEmail() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(Fixture.unique("robot"));
        client.setPublicClient(false);
        client.setSecret("robot-secret");
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        String clientUuid;
        try (var response = lampss.admin().clients().create(client)) {
            assertEquals(201, response.getStatus(), "set-up: the service account's client");
            String location = response.getLocation().getPath();
            clientUuid = location.substring(location.lastIndexOf('/') + 1);
        }
        UserRepresentation robot = lampss.admin().clients().get(clientUuid).getServiceAccountUser();
        robot.setEmail(client.getClientId() + "@example.ca");
        lampss.admin().users().get(robot.getId()).update(robot);
        assertEquals(client.getClientId() + "@example.ca", emailOf(robot.getId()), "set-up: the service account has an email");
        return robot.getId();
    }

    // ---------------------------------------------------------------------------------------------
    // Reading state from outside
    // ---------------------------------------------------------------------------------------------

    private AttackSnapshot snapshot(String userId, String... organizationIds) {
        return AttackSnapshot.of(lampss, realmAdministrator, ops, userId, organizationIds);
    }

    /** The person's state in the organization, as Operations Support reads it (or the error code). */
    private String state(String organizationId, String userId) {
        LampssApi.Reply contact = ops.get(path(organizationId, userId));
        return contact.status() == 200 ? contact.string("state") : contact.error();
    }

    /** The states of every invitation of this person in this organization, from the realm export. */
    private List<Object> invitationStates(String organizationId, String userId) {
        return AttackSnapshot.rowsOf(realmAdministrator.get("/export").json(), "invitations", userId).stream()
                .filter(row -> organizationId.equals(row.get("organizationId"))).map(row -> row.get("state")).toList();
    }

    private List<Map<String, Object>> waitingInvitations(String organizationId) {
        return ops.get("/organizations/" + organizationId + "/invitations?max=100").items();
    }

    private List<String> federatedIdentities(String userId) {
        return lampss.admin().users().get(userId).getFederatedIdentity().stream()
                .map(link -> link.getIdentityProvider() + ":" + link.getUserId()).toList();
    }

    private boolean enabled(String userId) {
        return lampss.admin().users().get(userId).toRepresentation().isEnabled();
    }

    private String emailOf(String userId) {
        return lampss.admin().users().get(userId).toRepresentation().getEmail();
    }

    private String idOf(String username) {
        return lampss.admin().users().search(username, true).get(0).getId();
    }

    private String nameOf(String organizationId) {
        return ops.get("/organizations/" + organizationId).string("nameEn");
    }

    private long contactCount(String organizationId) {
        return ((Number) ops.get(contactsOf(organizationId) + "?activeOnly=false&max=1").json().get("total")).longValue();
    }

    private long organizationCount() {
        return ((Number) ops.get("/organizations?max=1").json().get("total")).longValue();
    }

    // ---------------------------------------------------------------------------------------------
    // Requests and refusals
    // ---------------------------------------------------------------------------------------------

    private static String contactsOf(String organizationId) {
        return "/organizations/" + organizationId + "/contacts";
    }

    private static Map<String, Object> newContact(String firstName, String lastName, String email, String... profiles) {
        return Map.of("firstName", firstName, "lastName", lastName, "email", email, "profiles", List.of(profiles));
    }

    private static Map<String, Object> details(String firstName, String lastName, String email) {
        return Map.of("firstName", firstName, "lastName", lastName, "email", email);
    }

    private static void ok(LampssApi.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
    }

    private static void assertError(LampssApi.Reply reply, int status, String code, String field) {
        assertError(reply, status, code, field, "");
    }

    /** The refusal the contract names: status, code, and (when not null) the field; always a message. */
    private static void assertError(LampssApi.Reply reply, int status, String code, String field, String what) {
        String context = (what.isEmpty() ? "" : what + ": ") + "expected " + status + " " + code + ", got " + reply;
        assertEquals(status, reply.status(), context);
        Map<String, Object> body = reply.json();
        assertEquals(code, body.get("error"), context);
        if (field != null) {
            assertEquals(field, body.get("field"), context);
        }
        assertTrue(body.get("message") instanceof String message && !message.isBlank(), context);
    }

    /** A step of a chain whose exact refusal the contract does not name: any 4xx with an error code. */
    private static void assertRefusedSomehow(String what, LampssApi.Reply reply) {
        assertTrue(reply.status() >= 400 && reply.status() < 500 && reply.error() != null, what + " must be refused, got " + reply);
    }

    private static void expectInvalidCharacters(LampssApi.Reply reply, String field, String what, List<String> wrong) {
        if (reply.status() == 500) {
            wrong.add(what + ": a 500 " + reply.body());
        } else if (reply.status() != 400 || !"INVALID_CHARACTERS".equals(reply.error()) || !field.equals(reply.json().get("field"))) {
            wrong.add(what + ": " + reply.status() + " " + reply.body());
        }
    }

    private static Map<String, Object> bodyOf(LampssApi.Reply reply) {
        return reply.body() != null && reply.body().startsWith("{") ? reply.json() : Map.of("status", reply.status(), "body", reply.body());
    }

    private static String header(LampssApi.Reply reply, String name) {
        return reply.headers().entrySet().stream().filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase(name))
                .map(h -> h.getValue().get(0)).findFirst().orElse(null);
    }

    private static String withInside(Object text, String character) {
        String value = (String) text;
        int middle = value.length() / 2;
        return value.substring(0, middle) + character + value.substring(middle);
    }

    @SuppressWarnings("unchecked")
    private static List<String> sorted(Object profiles) {
        return profiles == null ? null : ((List<String>) profiles).stream().sorted().toList();
    }

    private static String summary(List<String> lines) {
        return String.join("\n", lines);
    }

    private static Map<String, String> misleading() {
        Map<String, String> characters = new LinkedHashMap<>();
        for (int codePoint : new int[] {0x0001, 0x007F, 0x0085, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068,
                0x2069, 0x200E, 0x200F}) {
            characters.put(String.format("U+%04X", codePoint), new String(Character.toChars(codePoint)));
        }
        return characters;
    }
}
