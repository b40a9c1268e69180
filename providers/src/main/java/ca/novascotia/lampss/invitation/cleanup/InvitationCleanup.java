package ca.novascotia.lampss.invitation.cleanup;

import ca.novascotia.lampss.invitation.Invitations;

import ca.novascotia.lampss.metrics.LampssMetrics;
import ca.novascotia.lampss.store.TaskPeriods;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.scheduled.ScheduledTaskRunner;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;

/**
 * Marks overdue invitations expired, once per period across a cluster: periods are fixed slots of
 * the interval (epoch-aligned), each node's timer tries every interval, and the node that claims the
 * current slot in the database runs it. (Keycloak's ClusterAwareScheduledTaskRunner only keeps two
 * nodes from running at the same moment: with offset timers each node still ran once per period.)
 */
public final class InvitationCleanup implements ScheduledTask {

    private static final String TASK = "lampss-invitation-cleanup";
    private static final Logger LOG = Logger.getLogger(InvitationCleanup.class);

    private final long periodMillis;

    private InvitationCleanup(long periodMillis) {
        this.periodMillis = periodMillis;
    }

    /** Called once at start-up on every node. */
    public static void schedule(KeycloakSessionFactory factory, int intervalSeconds) {
        long intervalMillis = intervalSeconds * 1000L;
        try (KeycloakSession session = factory.create()) {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            if (timer != null) {
                timer.schedule(new ScheduledTaskRunner(factory, new InvitationCleanup(intervalMillis)), intervalMillis, TASK);
                LOG.debugf("invitation clean-up every %d s", intervalSeconds);
            }
        }
    }

    @Override
    public void run(KeycloakSession session) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        long now = Time.currentTimeMillis();
        long periodStart = now - now % periodMillis;
        if (!TaskPeriods.claim(em, TASK, periodStart)) {
            return;
        }
        Map<String, Integer> expired = Invitations.expireOverdue(em, now);
        // One line per run, with its period: how a cluster test sees that no period ran twice.
        LOG.debugf("invitation clean-up ran for period %d: %d expired", periodStart,
                expired.values().stream().mapToInt(Integer::intValue).sum());
        expired.forEach((realmId, count) -> {
            RealmModel realm = session.realms().getRealm(realmId);
            String realmName = realm == null ? realmId : realm.getName();
            LOG.infof("%d invitation(s) expired in realm %s", count, realmName);
            LampssMetrics.invitationsExpired(realmName, count);
        });
    }

    @Override
    public String getTaskName() {
        return TASK;
    }
}
