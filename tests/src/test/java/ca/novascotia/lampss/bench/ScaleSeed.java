package ca.novascotia.lampss.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.novascotia.lampss.it.postgres.Postgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The province's size on PostgreSQL, added with SQL to the realm the benchmark seeded through the
 * APIs (the APIs would take hours for it): {@code people} more people spread over the other
 * organizations (one in ten active and a member of the organization's group, the others invited
 * with two profiles held), a year of weekly sign-ins for every active contact, and audit rows to
 * {@code auditRows} in the realm, a tenth of them the big organization's. Keycloak's caches are
 * cleared afterwards, as an operator does after loading a database, and the tables vacuumed and
 * analysed.
 */
final class ScaleSeed {

    private static final long YEAR_MS = 365L * 24 * 3600 * 1000;
    private static final long WEEK_MS = 7L * 24 * 3600 * 1000;
    private static final String FIRST = "array['Alex','Camille','Sam','Dana','Jordan','Morgan','Taylor','Robin','Dominique',"
            + "'Claude','Andrea','Charlie','Emery','Frankie','Jules','Noel']";
    private static final String LAST = "array['MacDonald','Leblanc','Martin','Tremblay','Smith','Gallant','Cormier','Boudreau',"
            + "'LeBlanc','Campbell','Fraser','MacLean','Doucet','Richard','Arsenault','MacKenzie']";

    private final ManagedRealm realm;
    private final long now = System.currentTimeMillis();

    ScaleSeed(ManagedRealm realm) {
        this.realm = realm;
    }

    void seed(String bigOrganization, String viewer) throws SQLException {
        int people = Bench.setting("scale.people", 95_000);
        int auditRows = Bench.setting("scale.auditRows", 1_000_000);
        int weeks = Bench.setting("scale.signInWeeks", 52);
        long started = System.nanoTime();
        try (Connection sql = connect()) {
            String realmId = one(sql, "select id from realm where name = ?", realm.getName());
            String viewerId = one(sql, "select id from user_entity where realm_id = ? and username = ?", realmId, viewer);
            int organizations = organizations(sql, realmId);
            people(sql, realmId, people, organizations);
            int events = update(sql, "insert into event_entity (id, client_id, realm_id, event_time, type, user_id, ip_address)"
                    + " select md5('scale-e-' || m.user_id || '-' || w)::uuid::text, 'lampss-console', m.realm_id,"
                    + " ? - w * ? - abs(hashtext(m.user_id)) % ?, 'LOGIN', m.user_id, '127.0.0.1'"
                    + " from (select distinct user_id, realm_id from lampss_membership where realm_id = ? and state = 'ACTIVE') m,"
                    + " generate_series(0, ? - 1) w",
                    now, WEEK_MS, WEEK_MS, realmId, weeks);
            int bigRows = auditRows / 10;
            audit(sql, realmId, viewerId, viewer, "big", bigRows, "'" + bigOrganization + "'", "");
            audit(sql, realmId, viewerId, viewer, "spread", auditRows - bigRows, "o.id",
                    " join scale_organization o on o.n = i % " + organizations);
            try (Statement vacuum = sql.createStatement()) {
                vacuum.execute("vacuum analyze"); // as autovacuum would soon after such inserts
            }
            realm.admin().clearRealmCache();
            realm.admin().clearUserCache();
            Bench.report("contacts", "scale-seed", Bench.values("organizations", organizations + 1,
                    "people", count(sql, "select count(*) from user_entity where realm_id = ?", realmId),
                    "memberships", count(sql, "select count(*) from lampss_membership where realm_id = ?", realmId),
                    "sign_in_events", events, "audit_rows", count(sql, "select count(*) from lampss_audit where realm_id = ?", realmId),
                    "seconds", Bench.seconds(started)));
        }
    }

    /** Drops an index (changelog 0.5.0's or 0.6.0's), to measure in the same run what it brings. */
    static void dropIndex(String name) throws SQLException {
        try (Connection sql = connect(); Statement drop = sql.createStatement()) {
            drop.execute("drop index if exists " + name);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("kc.test.database.url"), Postgres.user(), Postgres.password());
    }

    /** The organizations other than the big one and the consultant's, numbered from 0 in a temporary table. */
    private static int organizations(Connection sql, String realmId) throws SQLException {
        update(sql, "create temporary table scale_organization as select (row_number() over (order by g.name) - 1)::int as n, g.id"
                + " from keycloak_group g join keycloak_group r on g.parent_group = r.id"
                + " where r.realm_id = ? and r.name = 'organizations' and g.name like 'B-%'", realmId);
        return count(sql, "select count(*) from scale_organization");
    }

    /** Person i works for organization i mod the count; every tenth is active, in the organization's group. */
    private void people(Connection sql, String realmId, int people, int organizations) throws SQLException {
        // The membership type Keycloak gives a group member it did not make through its Organizations feature.
        String type = one(sql, "select min(membership_type) from user_group_membership m join user_entity u on u.id = m.user_id"
                + " where u.realm_id = ?", realmId);
        assertEquals("UNMANAGED", type, "the membership type the partial import wrote");
        update(sql, "insert into user_entity (id, email, email_constraint, email_verified, enabled, first_name, last_name,"
                + " realm_id, username, created_timestamp, not_before)"
                + " select md5('scale-' || i)::uuid::text, 'scale-' || i || '@bench.example.ca', 'scale-' || i || '@bench.example.ca',"
                + " true, true, (" + FIRST + ")[1 + i % 16], (" + LAST + ")[1 + (i / 16) % 16] || ' ' || i, ?, 'scale-' || i, ?, 0"
                + " from generate_series(1, ?) i", realmId, now, people);
        update(sql, "insert into lampss_membership (id, realm_id, organization_id, user_id, state, held_profiles, created_at,"
                + " updated_at, version, accepted_at)"
                + " select md5('scale-m-' || i)::uuid::text, ?, o.id, md5('scale-' || i)::uuid::text,"
                + " case when i % 10 = 0 then 'ACTIVE' else 'INVITED' end, case when i % 10 = 0 then null else 'ofa-user,sr-user' end,"
                + " ?, ?, 0, case when i % 10 = 0 then ? end"
                + " from generate_series(1, ?) i join scale_organization o on o.n = i % " + organizations,
                realmId, now - YEAR_MS, now - YEAR_MS, now - YEAR_MS, people);
        update(sql, "insert into user_group_membership (group_id, user_id, membership_type)"
                + " select o.id, md5('scale-' || i)::uuid::text, 'UNMANAGED'"
                + " from generate_series(10, ?, 10) i join scale_organization o on o.n = i % " + organizations, people);
    }

    /** {@code rows} profile changes over the past year, by the viewer. */
    private void audit(Connection sql, String realmId, String actorId, String actor, String key, int rows, String organization,
                       String join) throws SQLException {
        update(sql, "insert into lampss_audit (id, realm_id, organization_id, event_time, actor_id, actor_username, action,"
                + " target_user_id, target_username, before_state, after_state)"
                + " select md5('scale-a-" + key + "-' || i)::uuid::text, ?, " + organization + ", ? - (i::bigint * 7919) % ?,"
                + " ?, ?, 'CONTACT_UPDATED', ?, ?, '{\"profiles\":[\"ofa-user\"]}', '{\"profiles\":[\"ofa-user\",\"sr-user\"]}'"
                + " from generate_series(1, ?) i" + join, realmId, now, YEAR_MS, actorId, actor, actorId, actor, rows);
    }

    private static int update(Connection sql, String statement, Object... parameters) throws SQLException {
        try (PreparedStatement prepared = bind(sql.prepareStatement(statement), parameters)) {
            return prepared.executeUpdate();
        }
    }

    private static String one(Connection sql, String query, Object... parameters) throws SQLException {
        try (PreparedStatement prepared = bind(sql.prepareStatement(query), parameters); ResultSet row = prepared.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    private static int count(Connection sql, String query, Object... parameters) throws SQLException {
        return Integer.parseInt(one(sql, query, parameters));
    }

    private static PreparedStatement bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
