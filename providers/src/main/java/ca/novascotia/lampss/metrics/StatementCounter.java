package ca.novascotia.lampss.metrics;

import org.hibernate.SessionEventListener;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Counts the SQL statements of one Keycloak session, a JDBC batch of inserts counting as one: how the
 * API's header and the scheduled work's metrics are measured.
 */
public final class StatementCounter implements SessionEventListener {

    private int count;

    public static StatementCounter attach(KeycloakSession session) {
        StatementCounter counter = new StatementCounter();
        session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .unwrap(org.hibernate.Session.class).addEventListeners(counter);
        return counter;
    }

    public int count() {
        return count;
    }

    @Override
    public void jdbcExecuteStatementStart() {
        count++;
    }

    /** Hibernate sends a flush's inserts and updates to the database in JDBC batches: one round trip each. */
    @Override
    public void jdbcExecuteBatchStart() {
        count++;
    }
}
