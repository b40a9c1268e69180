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
            assertEquals(List.of("lampss_access_request", "lampss_audit", "lampss_campaign", "lampss_campaign_review",
                    "lampss_invitation", "lampss_membership", "lampss_notice", "lampss_onboarding_job",
                    "lampss_onboarding_row", "lampss_scheduled_task"), tables(connection, "fresh"));
            assertEquals(List.of("lampss-access-upkeep 0", "lampss-invitation-cleanup 0"), strings(connection,
                    "SELECT name || ' ' || period_start FROM fresh.lampss_scheduled_task ORDER BY 1"), "0.8.0's scheduled task is there to be claimed");

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

    /**
     * 0.3.0 mirrors the rows written before it into Keycloak's tables (the organization group's
     * members are its active members, its lampss.primaryContact attribute the primary contact), for
     * people and groups that still exist, once. Keycloak's four tables involved are reduced here to the
     * columns the changeset uses.
     */
    @Test
    void upgradeMirrorsActiveMembersIntoKeycloakGroups() throws Exception {
        try (Connection connection = Postgres.connect(database)) {
            createSchema(connection, "mirrored");
            execute(connection, "SET search_path TO mirrored",
                    "CREATE TABLE keycloak_group (id VARCHAR(36) PRIMARY KEY, name VARCHAR(255))",
                    "CREATE TABLE user_entity (id VARCHAR(36) PRIMARY KEY)",
                    "CREATE TABLE user_group_membership (group_id VARCHAR(36), user_id VARCHAR(36),"
                            + " membership_type VARCHAR(255) NOT NULL, PRIMARY KEY (group_id, user_id))",
                    "CREATE TABLE group_attribute (id VARCHAR(36) PRIMARY KEY, name VARCHAR(255), value VARCHAR(255), group_id VARCHAR(36))");
            update(connection, "mirrored", released(PREVIOUS_RELEASE));
            execute(connection, "INSERT INTO keycloak_group VALUES ('o1', 'NS-1'), ('o2', 'NS-2')",
                    "INSERT INTO user_entity VALUES ('u1'), ('u2'), ('u3')",
                    "INSERT INTO user_group_membership VALUES ('o2', 'u3', 'UNMANAGED')",
                    membership("m1", "o1", "u1", "ACTIVE", "'o1'"), membership("m2", "o1", "u2", "INVITED", "NULL"),
                    membership("m3", "o2", "u1", "INACTIVE", "NULL"), membership("m4", "o2", "u3", "ACTIVE", "NULL"),
                    membership("m5", "gone", "u1", "ACTIVE", "NULL"), membership("m6", "o2", "gone", "ACTIVE", "'o2'"));

            assertEquals(11, update(connection, "mirrored", current()),
                    "0.2.0's, 0.3.0's and 0.4.0's two changesets ran; 0.5.0's is marked ran (no EVENT_ENTITY here);"
                            + " 0.6.0's four ran or are marked ran; 0.7.0's onboarding tables; 0.8.0's access-over-time tables");

            assertEquals(List.of("o1 u1 UNMANAGED", "o2 u3 UNMANAGED"), strings(connection,
                    "SELECT group_id || ' ' || user_id || ' ' || membership_type FROM user_group_membership ORDER BY 1"));
            assertEquals(List.of("o1 lampss.primaryContact u1"), strings(connection,
                    "SELECT group_id || ' ' || name || ' ' || value FROM group_attribute ORDER BY 1"));
            execute(connection, "SET search_path TO public");
        }
    }

    /**
     * 0.4.0 remembers which memberships were accepted, so that reactivating one that never was
     * invites again: active rows and rows with an accepted invitation count as accepted, the others
     * (invited, or inactive without an accepted invitation) do not.
     */
    @Test
    void upgradeMarksAcceptedMembershipsOnly() throws Exception {
        try (Connection connection = Postgres.connect(database)) {
            createSchema(connection, "accepted");
            update(connection, "accepted", released(PREVIOUS_RELEASE));
            execute(connection, "SET search_path TO accepted",
                    membership("m1", "o1", "u1", "ACTIVE", "'o1'"), membership("m2", "o1", "u2", "INVITED", "NULL"),
                    membership("m3", "o1", "u3", "INACTIVE", "NULL"), membership("m4", "o1", "u4", "INACTIVE", "NULL"),
                    "INSERT INTO lampss_invitation (id, realm_id, organization_id, user_id, state, created_at, expires_at)"
                            + " VALUES ('i3', 'r', 'o1', 'u3', 'ACCEPTED', 1, 2), ('i4', 'r', 'o1', 'u4', 'REVOKED', 1, 2),"
                            + " ('i5', 'r', 'o2', 'u4', 'ACCEPTED', 1, 2)");

            update(connection, "accepted", current());

            assertEquals(List.of("m1", "m3"), strings(connection,
                    "SELECT id FROM lampss_membership WHERE accepted_at IS NOT NULL ORDER BY id"));
            execute(connection, "SET search_path TO public");
        }
    }

    /**
     * 0.5.0 indexes Keycloak's EVENT_ENTITY for the access review's last sign-in (a LOGIN per person
     * and realm, the latest), where that table exists; here reduced to the columns involved.
     */
    @Test
    void upgradeIndexesTheLastSignInLookup() throws Exception {
        try (Connection connection = Postgres.connect(database)) {
            createSchema(connection, "events");
            execute(connection, "SET search_path TO events", "CREATE TABLE event_entity (id VARCHAR(36) PRIMARY KEY,"
                    + " event_time BIGINT, realm_id VARCHAR(255), type VARCHAR(255), user_id VARCHAR(255))");
            update(connection, "events", released(PREVIOUS_RELEASE));

            update(connection, "events", current());

            assertEquals(List.of("CREATE INDEX idx_lampss_event_last_login ON event_entity USING btree (user_id, type, realm_id, event_time)"),
                    strings(connection, "SELECT replace(indexdef, 'events.', '') FROM pg_indexes"
                            + " WHERE schemaname = 'events' AND indexname = 'idx_lampss_event_last_login'"));
            execute(connection, "SET search_path TO public");
        }
    }

    /**
     * 0.6.0 serves the contact and organization searches with trigram indexes where the database
     * lets our role create pg_trgm (here, as the database's owner: a trusted extension); Keycloak's
     * two tables reduced to the columns involved. An upgraded database gets them too.
     */
    @Test
    void upgradeIndexesTheSearchesWithTrigrams() throws Exception {
        String trigrams = Postgres.createDatabase("lampss_trigrams");
        try (Connection connection = Postgres.connect(trigrams)) {
            searchedTables(connection);
            update(connection, "public", released(PREVIOUS_RELEASE));

            update(connection, "public", current());

            assertEquals(List.of("pg_trgm"), strings(connection, "SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'"));
            assertEquals(List.of("CREATE INDEX idx_lampss_organization_name ON public.group_attribute USING gin (lower((value)::text)"
                            + " gin_trgm_ops) WHERE ((name)::text = ANY ((ARRAY['lampss.nameEn'::character varying, 'lampss.nameFr'::character varying])::text[]))",
                    "CREATE INDEX idx_lampss_user_search ON public.user_entity USING gin (lower((first_name)::text) gin_trgm_ops,"
                            + " lower((last_name)::text) gin_trgm_ops, lower((email)::text) gin_trgm_ops)"),
                    strings(connection, "SELECT indexdef FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%' ORDER BY indexname"));
        } finally {
            Postgres.dropDatabase(trigrams);
        }
    }

    /**
     * Where our role may not create the extension (no CREATE on the database, not a superuser), the
     * changelog still completes: the three changesets are marked ran, no index, the searches unindexed.
     */
    @Test
    void withoutTrigramsTheChangelogCompletesWithoutTheIndexes() throws Exception {
        String plain = Postgres.createDatabase("lampss_plain");
        try (Connection connection = Postgres.connect(plain)) {
            execute(connection, "REVOKE CREATE ON DATABASE " + plain + " FROM PUBLIC, " + Postgres.user());
            searchedTables(connection);

            update(connection, "public", current());

            assertEquals(List.of(), strings(connection, "SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'"));
            assertEquals(List.of(), strings(connection, "SELECT indexname FROM pg_indexes WHERE indexname LIKE 'idx_lampss_%search%'"
                    + " OR indexname = 'idx_lampss_organization_name'"));
            assertEquals(List.of("lampss-0.6.0-trigram-extension MARK_RAN", "lampss-0.6.0-trigram-organization-names MARK_RAN",
                    "lampss-0.6.0-trigram-people MARK_RAN"), strings(connection, "SELECT id || ' ' || exectype FROM "
                    + HISTORY_TABLE + " WHERE id LIKE 'lampss-0.6.0-trigram-%' ORDER BY id"));
            assertEquals(0, pending(connection, "public", current()));
        } finally {
            Postgres.dropDatabase(plain);
        }
    }

    private static void searchedTables(Connection connection) throws SQLException {
        execute(connection, "CREATE TABLE user_entity (id VARCHAR(36) PRIMARY KEY, first_name VARCHAR(255),"
                        + " last_name VARCHAR(255), email VARCHAR(255))",
                "CREATE TABLE group_attribute (id VARCHAR(36) PRIMARY KEY, name VARCHAR(255), value VARCHAR(255), group_id VARCHAR(36))");
    }

    private static String membership(String id, String organization, String user, String state, String primaryOf) {
        return "INSERT INTO lampss_membership (id, realm_id, organization_id, user_id, state, primary_of, created_at, updated_at)"
                + " VALUES ('" + id + "', 'r', '" + organization + "', '" + user + "', '" + state + "', " + primaryOf + ", 1, 1)";
    }

    private static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
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
