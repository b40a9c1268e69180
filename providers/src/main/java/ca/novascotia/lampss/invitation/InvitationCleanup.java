package ca.novascotia.lampss.invitation;

import ca.novascotia.lampss.metrics.LampssMetrics;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;

/** Marks overdue invitations expired, every configured period, once per period across a cluster. */
public final class InvitationCleanup implements ScheduledTask {

    private static final String TASK = "lampss-invitation-cleanup";
    private static final Logger LOG = Logger.getLogger(InvitationCleanup.class);

    /** Called once at start-up; Keycloak's cluster-aware runner keeps the other nodes from repeating a period's run. */
    public static void schedule(KeycloakSessionFactory factory, int intervalSeconds) {
        long intervalMillis = intervalSeconds * 1000L;
        try (KeycloakSession session = factory.create()) {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            if (timer != null) {
                timer.schedule(new ClusterAwareScheduledTaskRunner(factory, new InvitationCleanup(), intervalMillis),
                        intervalMillis, TASK);
                LOG.debugf("invitation clean-up every %d s", intervalSeconds);
            }
        }
    }

    @Override
    public void run(KeycloakSession session) {
        Invitations.expireOverdue(session.getProvider(JpaConnectionProvider.class).getEntityManager(), Time.currentTimeMillis())
                .forEach((realmId, expired) -> {
                    RealmModel realm = session.realms().getRealm(realmId);
                    String realmName = realm == null ? realmId : realm.getName();
                    LOG.infof("%d invitation(s) expired in realm %s", expired, realmName);
                    LampssMetrics.invitationsExpired(realmName, expired);
                });
    }

    @Override
    public String getTaskName() {
        return TASK;
    }
}
