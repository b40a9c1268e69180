package ca.novascotia.lampss.bench;

import ca.novascotia.lampss.it.postgres.Postgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The benchmarks' server: Keycloak 26.5.6 with our jar and its default features (Organizations on),
 * plus the diagnostic headers. Unlike the test suite's server, dynamic scopes stay off: with them on,
 * Keycloak refuses the native organization scope value {@code organization:*} (invalid_scope).
 * With {@code -Dbench.database=postgres} (tests/pom.xml) it runs on the local PostgreSQL, on a
 * database of its own, dropped and created empty here before the server first starts.
 */
public class BenchServerConfig implements KeycloakServerConfig {

    /** The benchmarks' own PostgreSQL database, when they run on PostgreSQL. */
    static final String DATABASE = System.getProperty("lampss.pg.benchDatabase");
    private static boolean fresh;

    static boolean onPostgres() {
        return DATABASE != null && "postgres".equals(System.getProperty("kc.test.database.vendor"));
    }

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        emptyDatabase();
        return config.dependency("ca.novascotia.lampss", "lampss-keycloak-providers")
                // /metrics on the management port: the server's heap, and the access review's statement count.
                .option("metrics-enabled", "true")
                // X-Lampss-Query-Count and Server-Timing on every API answer.
                .option("spi-realm-restapi-extension--lampss--query-count-header", "true")
                .option("spi-realm-restapi-extension--lampss--api-clients", ca.novascotia.lampss.it.LampssServerConfig.API_CLIENTS)
                // The invitation benchmark re-sends to the same people many times within the hour.
                .option("spi-realm-restapi-extension--lampss--invitations-per-hour", "1000")
                // The onboarding benchmark's jobs start within a second.
                .option("spi-realm-restapi-extension--lampss--onboarding-poll-interval", "1")
                // The upkeep benchmark's pass starts within 30 s of switching recertification on.
                .option("spi-realm-restapi-extension--lampss--invitation-cleanup-interval", "30");
    }

    /** Once per run (the framework asks again for each class that shares the server). */
    private static synchronized void emptyDatabase() {
        if (!onPostgres() || fresh) {
            return;
        }
        try (Connection admin = Postgres.connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make the benchmarks' database " + DATABASE, e);
        }
        fresh = true;
    }
}
