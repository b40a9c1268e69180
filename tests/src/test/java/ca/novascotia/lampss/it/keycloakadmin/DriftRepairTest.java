package ca.novascotia.lampss.it.keycloakadmin;

import static ca.novascotia.lampss.it.api.Fixture.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.LampssApi;
import ca.novascotia.lampss.it.api.People;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Drift made where LaMPSS does not look (a migration's partial import through the admin API, which
 * docs/identity-admins.md leaves to the drift check), listed by {@code GET /consistency} and settled
 * by {@code POST /consistency/repair} under the identity admins' rules, audited with the channel
 * "drift repair". The kinds only SQL can make are repaired on PostgreSQL (DriftRepairOnPostgresTest).
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class DriftRepairTest {

    private static final String CHANNEL = "drift repair";

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    private People people;
    private LampssApi ops;
    private LampssApi realmAdministrator;
    private Fixture fixture;
    private Observed observed;

    @BeforeEach
    void fixture() {
        people = new People(realm);
        ops = people.operationsSupport(Fixture.unique("ops"));
        realmAdministrator = people.realmAdministrator(Fixture.unique("realm-admin"));
        fixture = new Fixture(people, ops, mail, mynsaccount);
        observed = new Observed(realm, ops);
    }

    /**
     * A person who is no contact, put by a partial import in an organization's group and one of its
     * profile subgroups: listed, then taken out of both (the join an admin would be refused), and the
     * organization's audit trail says so. Only realm administrators may check or repair.
     */
    @Test
    void aGroupMemberWhoIsNoContactIsListedThenTakenOutOfTheGroups() {
        String org = fixture.organization();
        fixture.primaryContact(org);
        String orgPath = realm.admin().groups().group(org).toRepresentation().getPath();
        String migrated = imported(user(Fixture.unique("migrated"), List.of(orgPath, orgPath + "/ofa-self-service-full-update")), "FAIL");
        assertEquals(2, observed.groupIds(migrated).size(), "the partial import put them in the groups");

        assertEquals(403, ops.get("/consistency").status(), "Operations Support is no realm administrator");
        assertEquals(403, ops.post("/consistency/repair", Map.of()).status());
        assertEquals(List.of(
                Map.of("kind", "NOT_ACTIVE_IN_GROUP", "organizationId", org, "userId", migrated),
                Map.of("kind", "PROFILE_NOT_ACTIVE", "organizationId", org, "userId", migrated, "profile", "ofa-self-service-full-update")),
                differences());

        LampssApi.Reply repair = realmAdministrator.post("/consistency/repair", Map.of());

        assertEquals(200, repair.status(), repair::toString);
        assertEquals(List.of(
                Map.of("kind", "NOT_ACTIVE_IN_GROUP", "organizationId", org, "userId", migrated,
                        "outcome", "REFUSED", "action", "REMOVED_FROM_GROUP"),
                Map.of("kind", "PROFILE_NOT_ACTIVE", "organizationId", org, "userId", migrated,
                        "profile", "ofa-self-service-full-update", "outcome", "SETTLED")),
                repair.json().get("outcomes"));
        assertEquals(Boolean.TRUE, repair.json().get("consistent"));
        assertEquals(List.of(), observed.groupIds(migrated), "out of the organization's group and its profile subgroup");
        assertEquals(404, ops.get(path(org, migrated)).status(), "no contact was made of them");
        Map<String, Object> audit = observed.latestAudit(org);
        assertEquals("DRIFT_REPAIRED", audit.get("action"));
        assertEquals(Map.of("inGroup", true, "profiles", List.of("ofa-self-service-full-update")), audit.get("before"));
        assertEquals(Map.of("inGroup", false, "profiles", List.of(), "difference", "NOT_ACTIVE_IN_GROUP", "channel", CHANNEL),
                audit.get("after"));
        assertEquals(realmAdministrator.get("/me").json().get("id"), ((Map<?, ?>) audit.get("actor")).get("id"));
        assertEquals(List.of(), realmAdministrator.post("/consistency/repair", Map.of()).json().get("outcomes"),
                "a second repair has nothing to do");
    }

    /**
     * A partial import that overwrites users deletes their accounts unseen (and makes new ones). The
     * contact's membership ends as a deletion would end it; the primary contact's stays, reported, until
     * Operations Support transfers the role; then it ends too.
     */
    @Test
    void accountsDeletedUnseenEndTheirMembershipsOnceNoneIsThePrimaryContact() {
        String org = fixture.organization();
        Fixture.Member primary = fixture.primaryContact(org);
        Fixture.Member member = fixture.activeMember(org, "ofa-user");
        Fixture.Member successor = fixture.activeMember(org);
        int audited = observed.auditSize(org);
        for (Fixture.Member overwritten : List.of(primary, member)) {
            UserRepresentation account = realm.admin().users().get(overwritten.userId()).toRepresentation();
            imported(user(account.getUsername(), List.of()), "OVERWRITE");
        }
        List<Map<String, Object>> expected = new java.util.ArrayList<>(List.of(deleted(org, primary.userId()), deleted(org, member.userId())));
        expected.sort(java.util.Comparator.comparing(difference -> (String) difference.get("userId")));
        assertEquals(expected, differences());

        LampssApi.Reply first = realmAdministrator.post("/consistency/repair", Map.of());

        assertEquals(200, first.status(), first::toString);
        assertTrue(((List<?>) first.json().get("outcomes")).containsAll(List.of(
                Map.of("kind", "PERSON_DELETED", "organizationId", org, "userId", member.userId(), "outcome", "ADOPTED", "action", "REMOVED"),
                Map.of("kind", "PERSON_DELETED", "organizationId", org, "userId", primary.userId(), "outcome", "UNRESOLVED",
                        "reason", "PRIMARY_CONTACT_DELETED"))), first::toString);
        assertEquals(List.of(deleted(org, primary.userId())), first.json().get("differences"));
        Map<String, Object> removed = observed.latestAudit(org);
        assertEquals("CONTACT_REMOVED", removed.get("action"));
        assertEquals(Map.of("userId", member.userId(), "state", "ACTIVE"), removed.get("before"));
        assertEquals(audited + 1, observed.auditSize(org));

        fixture.transfer(org, successor.userId());
        LampssApi.Reply second = realmAdministrator.post("/consistency/repair", Map.of());

        assertEquals(Boolean.TRUE, second.json().get("consistent"), second::toString);
        assertEquals(Boolean.TRUE, ops.get(path(org, successor.userId())).json().get("primaryContact"));
        assertEquals(List.of(successor.userId()), ops.get("/organizations/" + org + "/contacts").items().stream()
                .map(contact -> contact.get("id")).toList(), "only the successor is left");
    }

    private static Map<String, Object> deleted(String org, String userId) {
        return Map.of("kind", "PERSON_DELETED", "organizationId", org, "userId", userId);
    }

    private static UserRepresentation user(String username, List<String> groups) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setGroups(groups);
        return user;
    }

    /** Keycloak's partial import of one user (the admin console's Realm settings, Action, Partial import); returns the new id. */
    private String imported(UserRepresentation user, String ifExists) {
        PartialImportRepresentation partial = new PartialImportRepresentation();
        partial.setIfResourceExists(ifExists);
        partial.setUsers(List.of(user));
        try (Response imported = realm.admin().partialImport(partial)) {
            assertEquals(200, imported.getStatus(), () -> imported.readEntity(String.class));
        }
        return realm.admin().users().searchByUsername(user.getUsername(), true).get(0).getId();
    }

    private Object differences() {
        LampssApi.Reply check = realmAdministrator.get("/consistency");
        assertEquals(200, check.status(), check::toString);
        return check.json().get("differences");
    }



}
