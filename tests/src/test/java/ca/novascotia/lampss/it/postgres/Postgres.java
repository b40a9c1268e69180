package ca.novascotia.lampss.it.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The machine's PostgreSQL 15, as {@code scripts/postgres-for-tests.sh} prepares it. Tests make
 * their own throw-away databases with {@link #createDatabase}, so each starts from empty.
 */
public final class Postgres {

    private static final String URL = System.getProperty("lampss.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getProperty("lampss.pg.user", "lampss");
    private static final String PASSWORD = System.getProperty("lampss.pg.password", "lampss");

    private Postgres() {
    }

    public static String url(String database) {
        return URL + database;
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    public static Connection connect(String database) throws SQLException {
        try {
            return DriverManager.getConnection(url(database), USER, PASSWORD);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL 15 is not reachable at " + url(database) + " as " + USER
                    + " (" + e.getMessage() + "). Run `sudo bash scripts/postgres-for-tests.sh` first, "
                    + "or leave the PostgreSQL part out with -DskipPostgres.", e);
        }
    }

    /** A new empty database owned by the test role; its name starts with {@code prefix}. */
    public static String createDatabase(String prefix) throws SQLException {
        String name = prefix + "_" + Long.toString(System.currentTimeMillis(), 36);
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    public static void dropDatabase(String name) throws SQLException {
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
