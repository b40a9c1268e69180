package ca.novascotia.lampss.bench;

import ca.novascotia.lampss.it.postgres.Postgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The province's size for the scheduled work, written with SQL on PostgreSQL (through the APIs it
 * would take hours): {@code organizations} copies of a template organization the benchmark made
 * through the API, each with {@code people} people. The first person of each is its primary contact
 * and a contact manager (Self-Service Full Update's group); every {@code invitedEvery}-th person is
 * invited, with an invitation sent 27 days ago that expires in 3 days (its 7-day reminder is due);
 * the others are active. Rows are copied from the template's own (PostgreSQL's
 * {@code jsonb_populate_record}), so they hold what Keycloak writes, whatever its columns. Keycloak's
 * caches are cleared afterwards, and the tables vacuumed and analysed.
 */
final class UpkeepSeed {

    private static final long DAY_MS = 24L * 3600 * 1000;

    private final long now = System.currentTimeMillis();

    record Seeded(int organizations, int active, int invited, double seconds) {
    }

    Seeded seed(String realmId, String templateOrganization, String templateUser, int organizations, int people, int invitedEvery)
            throws SQLException {
        long started = System.nanoTime();
        try (Connection sql = DriverManager.getConnection(System.getProperty("kc.test.database.url"), Postgres.user(), Postgres.password())) {
            update(sql, "insert into keycloak_group select (jsonb_populate_record(null::keycloak_group, to_jsonb(t)"
                    + " || jsonb_build_object('id', md5('up-g-' || i)::uuid::text, 'name', 'UP-' || i))).*"
                    + " from keycloak_group t, generate_series(1, ?) i where t.id = ?", organizations, templateOrganization);
            update(sql, "insert into group_attribute select (jsonb_populate_record(null::group_attribute, to_jsonb(a)"
                    + " || jsonb_build_object('id', md5('up-ga-' || i || a.name)::uuid::text, 'group_id', md5('up-g-' || i)::uuid::text,"
                    + " 'value', case when a.name = 'lampss.nameEn' then 'Organization UP-' || i when a.name = 'lampss.nameFr'"
                    + " then 'Organisme UP-' || i when a.name = 'lampss.externalNumber' then 'UP-' || i else a.value end))).*"
                    + " from group_attribute a, generate_series(1, ?) i where a.group_id = ?", organizations, templateOrganization);
            update(sql, "insert into group_attribute (id, name, value, group_id) select md5('up-gp-' || i)::uuid::text,"
                    + " 'lampss.primaryContact', md5('up-u-' || ((i - 1) * ? + 1))::uuid::text, md5('up-g-' || i)::uuid::text"
                    + " from generate_series(1, ?) i", people, organizations);
            update(sql, "insert into keycloak_group select (jsonb_populate_record(null::keycloak_group, to_jsonb(t)"
                    + " || jsonb_build_object('id', md5('up-s-' || i)::uuid::text, 'name', 'ofa-self-service-full-update',"
                    + " 'parent_group', md5('up-g-' || i)::uuid::text))).*"
                    + " from keycloak_group t, generate_series(1, ?) i where t.id = ?", organizations, templateOrganization);
            int total = organizations * people;
            update(sql, "insert into user_entity select (jsonb_populate_record(null::user_entity, to_jsonb(u)"
                    + " || jsonb_build_object('id', md5('up-u-' || j)::uuid::text, 'username', 'up-' || j,"
                    + " 'email', 'up-' || j || '@bench.example.ca', 'email_constraint', 'up-' || j || '@bench.example.ca',"
                    + " 'first_name', 'Person', 'last_name', 'UP ' || j, 'enabled', true))).*"
                    + " from user_entity u, generate_series(1, ?) j where u.id = ?", total, templateUser);
            // Person j works for organization (j - 1) / people + 1; the first of each is its primary contact.
            String organization = "md5('up-g-' || ((j - 1) / " + people + " + 1))::uuid::text";
            String invited = "(j % " + invitedEvery + " = 0 and (j - 1) % " + people + " <> 0)";
            update(sql, "insert into lampss_membership (id, realm_id, organization_id, user_id, state, primary_of, created_at,"
                    + " updated_at, version, accepted_at)"
                    + " select md5('up-m-' || j)::uuid::text, ?, " + organization + ", md5('up-u-' || j)::uuid::text,"
                    + " case when " + invited + " then 'INVITED' else 'ACTIVE' end,"
                    + " case when (j - 1) % " + people + " = 0 then " + organization + " end, ?, ?, 0,"
                    + " case when " + invited + " then null else ? end from generate_series(1, ?) j",
                    realmId, now - 365 * DAY_MS, now - 365 * DAY_MS, now - 365 * DAY_MS, total);
            update(sql, "insert into user_group_membership (group_id, user_id, membership_type)"
                    + " select " + organization + ", md5('up-u-' || j)::uuid::text, 'UNMANAGED' from generate_series(1, ?) j"
                    + " where not " + invited, total);
            update(sql, "insert into user_group_membership (group_id, user_id, membership_type)"
                    + " select md5('up-s-' || ((j - 1) / " + people + " + 1))::uuid::text, md5('up-u-' || j)::uuid::text, 'UNMANAGED'"
                    + " from generate_series(1, ?, " + people + ") j", total);
            int invitations = update(sql, "insert into lampss_invitation (id, realm_id, organization_id, user_id, state, created_at,"
                    + " created_by, expires_at, version)"
                    + " select md5('up-i-' || j)::uuid::text, ?, " + organization + ", md5('up-u-' || j)::uuid::text, 'PENDING', ?,"
                    + " md5('up-u-' || ((j - 1) / " + people + " * " + people + " + 1))::uuid::text, ?, 0"
                    + " from generate_series(1, ?) j where " + invited,
                    realmId, now - 27 * DAY_MS, now + 3 * DAY_MS, total);
            try (Statement vacuum = sql.createStatement()) {
                vacuum.execute("vacuum analyze");
            }
            return new Seeded(organizations, total - invitations, invitations, Bench.seconds(started));
        }
    }

    static long one(String query, Object... parameters) throws SQLException {
        try (Connection sql = DriverManager.getConnection(System.getProperty("kc.test.database.url"), Postgres.user(), Postgres.password());
             PreparedStatement statement = sql.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static int update(Connection sql, String statement, Object... parameters) throws SQLException {
        try (PreparedStatement prepared = sql.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            return prepared.executeUpdate();
        }
    }
}
