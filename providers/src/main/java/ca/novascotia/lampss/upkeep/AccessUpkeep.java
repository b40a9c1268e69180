package ca.novascotia.lampss.upkeep;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.contacts.Workspace;
import ca.novascotia.lampss.domain.Interval;
import ca.novascotia.lampss.domain.Recertification;
import ca.novascotia.lampss.domain.Reminder;
import ca.novascotia.lampss.model.LampssRealm;
import ca.novascotia.lampss.store.CampaignEntity;
import ca.novascotia.lampss.store.TaskPeriods;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.scheduled.ScheduledTaskRunner;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;

/**
 * Keeps access right over time, once per period across a cluster (periods are claimed in the
 * database, as for the invitation clean-up): opens the recertification campaigns that are due,
 * applies due dates, and sends the reminders and notices that are due. The claim is committed at
 * once and the pass runs on a thread of its own, in batches of one transaction each, so a long pass
 * holds neither Keycloak's timer nor a lock; a node lost mid-pass leaves the rest to the next period,
 * and notice rows keep every email to one sending.
 */
public final class AccessUpkeep implements ScheduledTask {

    static final String TASK = "lampss-access-upkeep";
    private static final Logger LOG = Logger.getLogger(AccessUpkeep.class);
    /** Campaigns opened, or notices found, per transaction. */
    static final int BATCH = 200;
    /** Overdue campaigns per transaction (each may deactivate several people). */
    private static final int OVERDUE_BATCH = 20;

    private final KeycloakSessionFactory factory;
    private final LampssSettings settings;
    private final long periodMillis;
    private final ExecutorService pass;
    private final ExecutorService shares;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Batches batches;

    private AccessUpkeep(KeycloakSessionFactory factory, LampssSettings settings) {
        this.factory = factory;
        this.settings = settings;
        this.periodMillis = settings.invitationCleanupSeconds() * 1000L;
        this.pass = Executors.newSingleThreadExecutor(daemon("lampss-access-upkeep"));
        this.shares = Executors.newFixedThreadPool(NoticeSender.SHARES, daemon("lampss-notice-sender"));
        this.batches = new Batches(factory);
    }

    /** Called once at start-up on every node: every period, the node that claims it runs the pass. */
    public static AccessUpkeep schedule(KeycloakSessionFactory factory, LampssSettings settings) {
        AccessUpkeep upkeep = new AccessUpkeep(factory, settings);
        try (KeycloakSession session = factory.create()) {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            if (timer != null) {
                timer.schedule(new ScheduledTaskRunner(factory, upkeep), upkeep.periodMillis, TASK);
            }
        }
        return upkeep;
    }

    public void stop() {
        pass.shutdownNow();
        shares.shutdownNow();
    }

    @Override
    public void run(KeycloakSession session) {
        long now = Time.currentTimeMillis();
        long periodStart = now - now % periodMillis;
        if (running.get() || !TaskPeriods.claim(session.getProvider(JpaConnectionProvider.class).getEntityManager(), TASK, periodStart)) {
            return;
        }
        running.set(true);
        // The claim commits when this run returns; the pass itself runs beside Keycloak's timer.
        pass.submit(() -> {
            try {
                runPass(periodStart);
            } catch (RuntimeException failure) {
                LOG.warn("access upkeep pass failed; the next period resumes it", failure);
            } finally {
                running.set(false);
            }
        });
    }

    private void runPass(long periodStart) {
        List<String> realms = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> session.realms().getRealmsStream()
                .filter(realm -> configured(session, realm)).map(RealmModel::getId).toList());
        for (String realmId : realms) {
            Pass result = realmPass(realmId);
            LOG.debugf("access upkeep ran for period %d in realm %s: %d campaign(s) opened, %d overdue, %d notice(s) sent",
                    periodStart, realmId, result.opened, result.overdue, result.notices);
        }
    }

    private record Pass(int opened, int overdue, int notices) {
    }

    private Pass realmPass(String realmId) {
        Recertification policy = inRealm(realmId, realm -> Recertification.of(realm::getAttribute));
        int opened = policy.enabled() ? repeat(() -> openDue(realmId, policy)) : 0;
        int overdue = repeat(() -> applyOverdue(realmId, policy));
        NoticeSender sender = new NoticeSender(batches, shares);
        int notices = drain(realmId, sender, due -> due.campaignsOpened(now()));
        notices += remind(realmId, sender, policy.reminders(), false);
        notices += remind(realmId, sender, inRealm(realmId, realm -> Recertification.invitationReminders(
                realm.getAttribute(Recertification.INVITATION_REMINDERS))), true);
        notices += drain(realmId, sender, due -> due.expiredInvitations(now()));
        return new Pass(opened, overdue, notices);
    }

    /** Finds and sends a batch at a time until nothing is due: each notice found gets its row, so none is found twice. */
    private int drain(String realmId, NoticeSender sender, Function<DueNotices, List<Notice>> query) {
        int sent = 0;
        List<Notice> due;
        while (!Thread.currentThread().isInterrupted() && !(due = find(realmId, query)).isEmpty()) {
            sent += sender.send(realmId, due);
        }
        return sent;
    }

    /** Each lead's reminders, longest first, over the deadlines whose reminder it is ({@link Reminder#window}). */
    private int remind(String realmId, NoticeSender sender, List<Interval> leads, boolean invitations) {
        int sent = 0;
        for (int i = 0; i < leads.size(); i++) {
            Interval lead = leads.get(i);
            int index = i;
            sent += drain(realmId, sender, due -> {
                Reminder.Window window = Reminder.window(now(), leads, index);
                return invitations ? due.invitationReminders(now(), lead, window) : due.campaignReminders(now(), lead, window);
            });
        }
        return sent;
    }

    /** One batch of organizations due a campaign, opened in one transaction; returns how many. */
    private int openDue(String realmId, Recertification policy) {
        return batches.run("open", session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            try (Workspace work = Upkeep.workspace(session, realm, settings, "recertification")) {
                LampssRealm lampss = new LampssRealm(session, realm, settings);
                Instant now = now();
                List<String> due = lampss.em().createQuery("select g.id from GroupEntity g where g.parentId = :root"
                                + " and not exists (select c.id from CampaignEntity c where c.organizationId = g.id"
                                + " and (c.openKey is not null or c.openedAt > :cutoff)) order by g.id", String.class)
                        .setParameter("root", lampss.organizationsRoot().getId())
                        .setParameter("cutoff", policy.period().orElseThrow().before(now).toEpochMilli())
                        .setMaxResults(BATCH).getResultList();
                return due.isEmpty() ? 0 : work.recertifications().openAll(due).size();
            }
        });
    }

    /** A few campaigns past their due date: what the realm's setting says, each audited in its own name. */
    private int applyOverdue(String realmId, Recertification policy) {
        return batches.run("overdue", session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            List<CampaignEntity> overdue = session.getProvider(JpaConnectionProvider.class).getEntityManager()
                    .createQuery("select c from CampaignEntity c where c.realmId = :realm and c.openKey is not null"
                            + " and c.dueAt <= :now and c.overdueApplied is null order by c.dueAt", CampaignEntity.class)
                    .setParameter("realm", realmId).setParameter("now", now().toEpochMilli())
                    .setMaxResults(OVERDUE_BATCH).getResultList();
            for (CampaignEntity campaign : overdue) {
                try (Workspace work = Upkeep.workspace(session, realm, settings, "recertification overdue (campaign " + campaign.getId() + ")")) {
                    work.recertifications().applyOverdue(campaign, policy.overdue());
                }
            }
            return overdue.size();
        });
    }

    private List<Notice> find(String realmId, Function<DueNotices, List<Notice>> query) {
        return batches.run("find", session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            session.getContext().setRealm(realm);
            return query.apply(new DueNotices(new LampssRealm(session, realm, settings), BATCH));
        });
    }

    private <T> T inRealm(String realmId, Function<RealmModel, T> read) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> read.apply(session.realms().getRealm(realmId)));
    }

    /** A LaMPSS realm: it has the organizations group (other realms of the server are left alone). */
    private boolean configured(KeycloakSession session, RealmModel realm) {
        try {
            new LampssRealm(session, realm, settings).organizationsRoot();
            return true;
        } catch (LampssRealm.NotConfiguredException notLampss) {
            return false;
        }
    }

    /** Runs batches until one finds nothing left (each takes what it does out of the next one's query). */
    private static int repeat(java.util.function.IntSupplier batch) {
        int total = 0;
        int done;
        do {
            done = batch.getAsInt();
            total += done;
        } while (done > 0 && !Thread.currentThread().isInterrupted());
        return total;
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Time.currentTimeMillis());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public String getTaskName() {
        return TASK;
    }
}
