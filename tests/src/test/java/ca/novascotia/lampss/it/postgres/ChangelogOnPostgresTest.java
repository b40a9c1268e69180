package ca.novascotia.lampss.it.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.lockservice.LockServiceFactory;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Our Liquibase changelog on PostgreSQL 15, as Keycloak runs it at start-up (same changelog path,
 * same history table {@code DATABASECHANGELOG_LAMPSS}): it applies on an empty database, applies again
 * with nothing to do, and applies on top of a database the previous release created. The previous
 * release's changelog is kept verbatim under {@code released-changelogs/<version>/}; Liquibase compares
 * the checksums of the changesets already run, so an edited released changeset fails here.
 */
@Tag("postgres")
class ChangelogOnPostgresTest {

    private static final String CHANGELOG = "META-INF/lampss/changelog-master.xml";
    /** What Keycloak's JpaUtils.getCustomChangelogTableName makes of our entity provider id "lampss". */
    private static final String HISTORY_TABLE = "DATABASECHANGELOG_LAMPSS";
    private static final String PREVIOUS_RELEASE = "0.1.0";

    private static String database;

    @BeforeAll
    static void emptyDatabase() throws SQLException {
        database = Postgres.createDatabase("lampss_changelog");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        Postgres.dropDatabase(database);
    }

    @Test
    void appliesOnAnEmptyDatabaseAndAgainWithNothingToDo() throws Exception {
        try (Connection connection = Postgres.connect(database)) {
            createSchema(connection, "fresh");
            int ran = update(connection, "fresh", current());
            assertTrue(ran > 0, "changesets ran on the empty database");
            assertEquals(List.of("lampss_audit", "lampss_invitation", "lampss_membership", "lampss_scheduled_task"), tables(connection, "fresh"));

            assertEquals(0, update(connection, "fresh", current()), "a second application runs nothing");
            assertEquals(ran, historyRows(connection, "fresh"));
        }
    }

    @Test
    void appliesOnTopOfTheDatabaseThePreviousReleaseCreated() throws Exception {
        try (Connection connection = Postgres.connect(database)) {
            createSchema(connection, "upgraded");
            int released = update(connection, "upgraded", released(PREVIOUS_RELEASE));
            assertTrue(released > 0);
            insertARowOfEachTable(connection, "upgraded");

            int added = update(connection, "upgraded", current());

            System.out.printf("CHANGELOG previous_release=%s its_changesets=%d added_on_upgrade=%d%n", PREVIOUS_RELEASE, released, added);

            assertEquals(0, pending(connection, "upgraded", current()), "nothing left to run after the upgrade");
            createSchema(connection, "reference");
            update(connection, "reference", current());
            assertEquals(schemaOf(connection, "reference"), schemaOf(connection, "upgraded"),
                    "an upgraded database has the same tables, columns and indexes as a new one");
            assertEquals(1, count(connection, "upgraded", "lampss_membership"), "the upgrade keeps existing rows");
            assertEquals(0, update(connection, "upgraded", current()), "and applying it again runs nothing");
        }
    }

    private static ResourceAccessor current() {
        return new ClassLoaderResourceAccessor(ChangelogOnPostgresTest.class.getClassLoader());
    }

    private static ResourceAccessor released(String version) throws Exception {
        Path root = Path.of(ChangelogOnPostgresTest.class.getResource("/released-changelogs/" + version).toURI());
        return new DirectoryResourceAccessor(root);
    }

    /** Runs the changelog as Keycloak would; returns how many changesets ran. */
    private static int update(Connection connection, String schema, ResourceAccessor changelogs) throws Exception {
        int before = historyRows(connection, schema);
        try (Liquibase liquibase = new Liquibase(CHANGELOG, changelogs, database(connection, schema))) {
            liquibase.update(new Contexts(), new LabelExpression());
        } finally {
            forgetHistory();
        }
        return historyRows(connection, schema) - before;
    }

    private static int pending(Connection connection, String schema, ResourceAccessor changelogs) throws Exception {
        try (Liquibase liquibase = new Liquibase(CHANGELOG, changelogs, database(connection, schema))) {
            return liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size();
        } finally {
            forgetHistory();
        }
    }

    /** Liquibase caches the history it read per JVM; Keycloak resets it after each changelog too. */
    private static void forgetHistory() {
        ChangeLogHistoryServiceFactory.getInstance().resetAll();
        LockServiceFactory.getInstance().resetAll();
    }

    private static Database database(Connection connection, String schema) throws Exception {
        // The connection stays open for the test; Liquibase must not close it.
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection) {
            @Override
            public void close() {
            }
        });
        database.setDefaultSchemaName(schema);
        database.setDatabaseChangeLogTableName(HISTORY_TABLE);
        return database;
    }

    private static void createSchema(Connection connection, String schema) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE SCHEMA " + schema);
        }
    }

    private static int historyRows(Connection connection, String schema) throws SQLException {
        try (Statement sql = connection.createStatement();
             ResultSet exists = sql.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema
                     + "' AND table_name = '" + HISTORY_TABLE.toLowerCase() + "'")) {
            exists.next();
            if (exists.getInt(1) == 0) {
                return 0;
            }
        }
        return count(connection, schema, HISTORY_TABLE);
    }

    private static int count(Connection connection, String schema, String table) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery("SELECT count(*) FROM " + schema + "." + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static List<String> tables(Connection connection, String schema) throws SQLException {
        return strings(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema
                + "' AND table_name LIKE 'lampss\\_%' ORDER BY table_name");
    }

    /** Tables, columns (type, length, nullability, default) and index definitions, schema name removed. */
    private static List<String> schemaOf(Connection connection, String schema) throws SQLException {
        List<String> shape = new ArrayList<>(strings(connection, "SELECT table_name || '.' || column_name || ' ' || data_type || ' '"
                + " || coalesce(character_maximum_length::text, '') || ' ' || is_nullable || ' ' || coalesce(column_default, '')"
                + " FROM information_schema.columns WHERE table_schema = '" + schema + "' AND table_name LIKE 'lampss\\_%'"
                + " ORDER BY table_name, column_name"));
        shape.addAll(strings(connection, "SELECT replace(indexdef, '" + schema + ".', '') FROM pg_indexes WHERE schemaname = '"
                + schema + "' AND tablename LIKE 'lampss\\_%' ORDER BY indexname"));
        assertFalse(shape.isEmpty());
        return shape;
    }

    private static List<String> strings(Connection connection, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static void insertARowOfEachTable(Connection connection, String schema) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO " + schema + ".lampss_membership (id, realm_id, organization_id, user_id, state, created_at, updated_at)"
                    + " VALUES ('m1', 'r', 'o', 'u', 'ACTIVE', 1, 1)");
            sql.execute("INSERT INTO " + schema + ".lampss_audit (id, realm_id, organization_id, event_time, actor_id, action)"
                    + " VALUES ('a1', 'r', 'o', 1, 'u', 'CONTACT_ADDED')");
            sql.execute("INSERT INTO " + schema + ".lampss_invitation (id, realm_id, organization_id, user_id, state, created_at, expires_at)"
                    + " VALUES ('i1', 'r', 'o', 'u', 'PENDING', 1, 2)");
        }
    }
}
