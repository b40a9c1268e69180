package ca.novascotia.lampss.it.postgres;

import static ca.novascotia.lampss.it.api.Fixture.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.LampssApi;
import ca.novascotia.lampss.it.api.People;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The drift only the database can make (a release before the identity admins' rules, or a hand-made
 * SQL change), made here with SQL on the PostgreSQL database the server runs on, then listed by
 * {@code GET /consistency} and settled by {@code POST /consistency/repair}: each difference by the
 * rule docs/identity-admins.md gives the admin change that would have made it.
 */
@Tag("postgres")
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class DriftRepairOnPostgresTest {

    private static final String CHANNEL = "drift repair";

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    @Test
    void everyKindOfDriftIsSettledByTheIdentityAdminsRules() throws SQLException {
        People people = new People(realm);
        LampssApi ops = people.operationsSupport(Fixture.unique("ops"));
        LampssApi realmAdministrator = people.realmAdministrator(Fixture.unique("realm-admin"));
        Fixture fixture = new Fixture(people, ops, mail, mynsaccount);
        String org = fixture.organization();
        String primary = fixture.primaryContact(org).userId();
        String leaver = fixture.activeMember(org, "ofa-user").userId();
        String returning = fixture.activeMember(org, "ofa-user").userId();
        assertEquals(200, ops.post(path(org, returning) + "/deactivate", null).status());
        String named = fixture.activeMember(org).userId();
        String invited = fixture.addContact(org, Fixture.unique("invited") + "@example.ca", "ofa-user").string("id");
        String ofaUser = realm.admin().groups().group(org).getSubGroups(0, 100, true).stream()
                .filter(group -> group.getName().equals("ofa-user")).findFirst().orElseThrow().getId();

        try (Connection database = connect()) {
            sql(database, "insert into USER_GROUP_MEMBERSHIP (GROUP_ID, USER_ID, MEMBERSHIP_TYPE) values (?, ?, 'UNMANAGED')",
                    org, returning);
            sql(database, "insert into USER_GROUP_MEMBERSHIP (GROUP_ID, USER_ID, MEMBERSHIP_TYPE) values (?, ?, 'UNMANAGED')",
                    org, invited);
            sql(database, "insert into USER_GROUP_MEMBERSHIP (GROUP_ID, USER_ID, MEMBERSHIP_TYPE) values (?, ?, 'UNMANAGED')",
                    ofaUser, invited);
            sql(database, "delete from USER_GROUP_MEMBERSHIP where GROUP_ID = ? and USER_ID = ?", org, leaver);
            sql(database, "delete from USER_GROUP_MEMBERSHIP where GROUP_ID = ? and USER_ID = ?", org, primary);
            sql(database, "update GROUP_ATTRIBUTE set VALUE = ? where GROUP_ID = ? and NAME = 'lampss.primaryContact'",
                    named, org);
        }
        realm.admin().clearRealmCache(); // what an operator does after changing the database under Keycloak
        realm.admin().clearUserCache();
        assertEquals(7, ((Number) realmAdministrator.get("/consistency").json().get("count")).intValue());

        LampssApi.Reply repair = realmAdministrator.post("/consistency/repair", Map.of());

        assertEquals(200, repair.status(), repair::toString);
        assertEquals(Boolean.TRUE, repair.json().get("consistent"), repair::toString);
        assertEquals(Set.of(
                outcome("ACTIVE_NOT_IN_GROUP", org, leaver, "ADOPTED", "DEACTIVATED"),
                outcome("ACTIVE_NOT_IN_GROUP", org, primary, "REFUSED", "RETURNED_TO_GROUP"),
                outcome("NOT_ACTIVE_IN_GROUP", org, returning, "ADOPTED", "REACTIVATED"),
                outcome("NOT_ACTIVE_IN_GROUP", org, invited, "REFUSED", "REMOVED_FROM_GROUP"),
                outcome("PRIMARY_ATTRIBUTE_WITHOUT_ROW", org, named, "REFUSED", "PRIMARY_ATTRIBUTE_RESTORED"),
                Map.of("kind", "PRIMARY_ROW_WITHOUT_ATTRIBUTE", "organizationId", org, "userId", primary, "outcome", "SETTLED"),
                Map.of("kind", "PROFILE_NOT_ACTIVE", "organizationId", org, "userId", invited, "profile", "ofa-user",
                        "outcome", "SETTLED")),
                Set.copyOf((List<?>) repair.json().get("outcomes")));

        LampssApi.Reply left = ops.get(path(org, leaver));
        assertEquals("INACTIVE", left.string("state"));
        assertEquals(List.of("ofa-user"), left.json().get("profilesSetAside"));
        LampssApi.Reply back = ops.get(path(org, returning));
        assertEquals("ACTIVE", back.string("state"), "they had accepted once: active again");
        assertEquals(List.of("ofa-user"), back.json().get("profiles"));
        assertEquals("INVITED", ops.get(path(org, invited)).string("state"));
        assertEquals(Set.of(), groupIds(invited));
        assertTrue(groupIds(primary).contains(org));
        assertEquals(Boolean.TRUE, ops.get(path(org, primary)).json().get("primaryContact"));
        assertEquals(primary, realm.admin().groups().group(org).toRepresentation().getAttributes().get("lampss.primaryContact").get(0));
        Map<String, Long> audited = ops.get("/organizations/" + org + "/audit?max=10").items().stream()
                .filter(entry -> CHANNEL.equals(((Map<?, ?>) entry.get("after")).get("channel")))
                .collect(Collectors.groupingBy(entry -> (String) entry.get("action"), Collectors.counting()));
        assertEquals(Map.of("CONTACT_DEACTIVATED", 1L, "CONTACT_REACTIVATED", 1L, "DRIFT_REPAIRED", 3L), audited);
    }

    private static Map<String, Object> outcome(String kind, String org, String userId, String outcome, String action) {
        return Map.of("kind", kind, "organizationId", org, "userId", userId, "outcome", outcome, "action", action);
    }

    private Set<String> groupIds(String userId) {
        return realm.admin().users().get(userId).groups().stream().map(GroupRepresentation::getId).collect(Collectors.toSet());
    }

    /** The database the server runs on, as the suite's PostgreSQL execution gives it to the test framework. */
    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("kc.test.database.url"), Postgres.user(), Postgres.password());
    }

    private static void sql(Connection database, String statement, String... values) throws SQLException {
        try (PreparedStatement sql = database.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) {
                sql.setString(i + 1, values[i]);
            }
            assertEquals(1, sql.executeUpdate(), statement);
        }
    }
}
