package ca.novascotia.lampss.upkeep;

import ca.novascotia.lampss.metrics.LampssMetrics;
import ca.novascotia.lampss.metrics.StatementCounter;
import java.util.function.Consumer;
import java.util.function.Function;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * One transaction of the scheduled work, its SQL statements counted by phase on {@code /metrics}
 * ({@code lampss_upkeep_batch_statements}): how "a bounded number of statements per batch" is
 * measured, in production as in the benchmark.
 */
final class Batches {

    private final KeycloakSessionFactory factory;

    Batches(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    <T> T run(String phase, Function<KeycloakSession, T> work) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            StatementCounter counter = StatementCounter.attach(session);
            T result = work.apply(session);
            session.getProvider(org.keycloak.connections.jpa.JpaConnectionProvider.class).getEntityManager().flush();
            LampssMetrics.upkeepBatch(phase, counter.count());
            return result;
        });
    }

    void run(String phase, Consumer<KeycloakSession> work) {
        run(phase, session -> {
            work.accept(session);
            return null;
        });
    }
}
