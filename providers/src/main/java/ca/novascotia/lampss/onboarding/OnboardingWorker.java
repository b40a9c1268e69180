package ca.novascotia.lampss.onboarding;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.contacts.Caller;
import ca.novascotia.lampss.contacts.NotFound;
import ca.novascotia.lampss.contacts.Workspace;
import ca.novascotia.lampss.domain.DomainException;
import ca.novascotia.lampss.domain.OnboardingColumn;
import ca.novascotia.lampss.domain.Reason;
import ca.novascotia.lampss.metrics.LampssMetrics;
import ca.novascotia.lampss.model.Actors;
import ca.novascotia.lampss.model.LampssRealm;
import ca.novascotia.lampss.model.Memberships;
import ca.novascotia.lampss.store.OnboardingJobEntity;
import ca.novascotia.lampss.store.OnboardingRowEntity;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.AdminAuth;

/**
 * Applies onboarding jobs in the background, on every node, one job at a time per node and each job
 * on one node at a time: a node takes a job by writing its lease in the job's row (a conditional
 * update, so two nodes cannot both take it), renews it with every batch, and another node takes over
 * a job whose lease ran out (its node stopped or was lost). A batch of rows is one transaction with
 * the job's counters, so a job resumes exactly after its last committed batch; a batch that fails is
 * applied again row by row, so one bad row fails alone.
 */
public final class OnboardingWorker {

    private static final Logger LOG = Logger.getLogger(OnboardingWorker.class);
    /** Rows (or invitations) per transaction. */
    static final int BATCH = 50;
    /** Invitations of a batch sent at once, each share in its own transaction: rendering and SMTP dominate. */
    static final int SENDERS = 4;
    /** This node, in job leases. */
    private static final String NODE = UUID.randomUUID().toString();

    private final KeycloakSessionFactory factory;
    private final LampssSettings settings;
    private ScheduledExecutorService executor;
    private ExecutorService senders;

    private OnboardingWorker(KeycloakSessionFactory factory, LampssSettings settings) {
        this.factory = factory;
        this.settings = settings;
    }

    /** Called once at start-up on every node, after the database is migrated. */
    public static OnboardingWorker start(KeycloakSessionFactory factory, LampssSettings settings) {
        OnboardingWorker worker = new OnboardingWorker(factory, settings);
        worker.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lampss-onboarding");
            thread.setDaemon(true);
            return thread;
        });
        worker.senders = Executors.newFixedThreadPool(SENDERS, runnable -> {
            Thread thread = new Thread(runnable, "lampss-onboarding-sender");
            thread.setDaemon(true);
            return thread;
        });
        long poll = settings.onboardingPollSeconds();
        worker.executor.scheduleWithFixedDelay(worker::drain, poll, poll, TimeUnit.SECONDS);
        // Names this node as job leases name it (a job's "worker"), so an operator can tell which node applies a job.
        LOG.infof("onboarding worker %s started, looking for work every %d s", NODE, poll);
        return worker;
    }

    public void stop() {
        executor.shutdownNow();
        senders.shutdownNow();
    }

    /** Works on the jobs this node can take until none has work left for now. */
    private void drain() {
        try {
            String job;
            while ((job = KeycloakModelUtils.runJobInTransactionWithResult(factory, this::take)) != null) {
                while (step(job)) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
            }
        } catch (RuntimeException failure) {
            LOG.warn("onboarding worker: will try again", failure);
        }
    }

    /** A job with work to do now whose lease is free or ours, leased to this node; or null. */
    private String take(KeycloakSession session) {
        EntityManager em = em(session);
        long now = Time.currentTimeMillis();
        List<OnboardingJobEntity> candidates = em.createQuery("select j from OnboardingJobEntity j"
                        + " where j.state in ('APPLYING', 'SENDING') and (j.leaseUntil < :now or j.leaseOwner = :node)"
                        + " order by j.createdAt", OnboardingJobEntity.class)
                .setParameter("now", now).setParameter("node", NODE).setMaxResults(10).getResultList();
        for (OnboardingJobEntity job : candidates) {
            if ((OnboardingJobs.APPLYING.equals(job.getState()) || due(job, now) > 0) && lease(em, job.getId(), now)) {
                return job.getId();
            }
        }
        return null;
    }

    /** Takes or renews the lease; false if another node holds it. */
    private boolean lease(EntityManager em, String jobId, long now) {
        return em.createQuery("update OnboardingJobEntity j set j.leaseOwner = :node, j.leaseUntil = :until"
                        + " where j.id = :id and (j.leaseUntil < :now or j.leaseOwner = :node)")
                .setParameter("node", NODE).setParameter("until", now + settings.onboardingLeaseSeconds() * 1000L)
                .setParameter("id", jobId).setParameter("now", now).executeUpdate() == 1;
    }

    /** One batch of the job; false when it has nothing more to do now (or the lease was lost). */
    private boolean step(String jobId) {
        Batch batch = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> next(session, jobId));
        if (batch == null || batch.lines().isEmpty()) {
            return false;
        }
        if (batch.rows()) {
            run(jobId, batch);
            return true;
        }
        try {
            Shares.run(senders, SENDERS, batch.lines(), share -> run(jobId, new Batch(false, share)))
                    .forEach(failed -> LOG.warn("onboarding: sending invitations failed; they will be sent again", failed));
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            return false;
        }
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            OnboardingJobEntity job = em(session).find(OnboardingJobEntity.class, jobId);
            if (job != null) {
                OnboardingJobs.settle(job);
            }
        });
        return true;
    }

    /** A batch in one transaction; if it fails, its lines one by one, so that one bad line fails alone. */
    private void run(String jobId, Batch batch) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> work(session, jobId, batch));
        } catch (RuntimeException batchFailed) {
            LOG.debugf(batchFailed, "onboarding job %s: a batch failed, applying its lines one by one", jobId);
            for (Integer line : batch.lines()) {
                Batch one = new Batch(batch.rows(), List.of(line));
                RuntimeException failure = attempt(jobId, one);
                // Twice: a release or a lease renewal at the same moment is a passing conflict, not the line's fault.
                failure = failure == null ? null : attempt(jobId, one);
                if (failure != null) {
                    RuntimeException lineFailed = failure;
                    KeycloakModelUtils.runJobInTransaction(factory, session -> fail(session, jobId, one, lineFailed));
                }
            }
        }
    }

    private RuntimeException attempt(String jobId, Batch one) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> work(session, jobId, one));
            return null;
        } catch (RuntimeException failed) {
            return failed;
        }
    }

    /** Lines of a job: rows to apply, or rows whose invitation to send. */
    record Batch(boolean rows, List<Integer> lines) {
    }

    /**
     * The next batch, the lease renewed: invitations due first (so that they go out as rows are
     * applied, at the job's rate), else rows to apply; null when there is nothing to do now.
     */
    private Batch next(KeycloakSession session, String jobId) {
        EntityManager em = em(session);
        long now = Time.currentTimeMillis();
        OnboardingJobEntity job = em.find(OnboardingJobEntity.class, jobId);
        if (job == null || !lease(em, jobId, now)) {
            return null;
        }
        int due = due(job, now);
        if (due > 0) {
            return new Batch(false, em.createQuery("select r.line from OnboardingRowEntity r where r.jobId = :job"
                            + " and r.invitation = 'WAITING' order by r.line", Integer.class)
                    .setParameter("job", jobId).setMaxResults(Math.min(due, BATCH)).getResultList());
        }
        if (OnboardingJobs.APPLYING.equals(job.getState())) {
            return new Batch(true, em.createQuery("select r.line from OnboardingRowEntity r where r.jobId = :job"
                            + " and r.outcome = 'PENDING' order by r.organizationLine, r.primaryRank, r.line", Integer.class)
                    .setParameter("job", jobId).setMaxResults(BATCH).getResultList());
        }
        return null;
    }

    /** Invitations the job may send now: all waiting, or its rate per minute since sending began. */
    static int due(OnboardingJobEntity job, long now) {
        if (job.getSendFrom() == null || job.getInvitationsWaiting() == 0) {
            return 0;
        }
        if (job.getRatePerMinute() == 0) {
            return job.getInvitationsWaiting();
        }
        long allowed = 1 + (now - job.getSendFrom()) * job.getRatePerMinute() / 60_000L;
        return (int) Math.max(0, Math.min(job.getInvitationsWaiting(), allowed - (job.getInvitationsSent() - job.getSentBeforeWindow())));
    }

    /**
     * Applies rows (the job's counters change with them, then its state follows), or sends
     * invitations (the counters change by one update, so that shares sent at once do not collide;
     * the state follows once every share is done).
     */
    private void work(KeycloakSession session, String jobId, Batch batch) {
        EntityManager em = em(session);
        OnboardingJobEntity job = em.find(OnboardingJobEntity.class, jobId);
        if (job == null) {
            return; // its realm was removed meanwhile, and the job with it
        }
        RealmModel realm = session.realms().getRealm(job.getRealmId());
        int sent = 0;
        try (Workspace work = workspace(session, realm, job)) {
            RowApplier applier = new RowApplier(work, new LampssRealm(session, realm, settings));
            for (Integer line : batch.lines()) {
                OnboardingRowEntity row = em.find(OnboardingRowEntity.class, new OnboardingRowEntity.Key(jobId, line));
                if (batch.rows()) {
                    applied(job, row, applier.apply(row), realm.getName());
                } else {
                    sent += sent(row, work, realm) ? 1 : 0;
                }
            }
        }
        if (batch.rows()) {
            OnboardingJobs.settle(job);
        } else {
            countInvitations(em, jobId, sent, batch.lines().size() - sent);
        }
    }

    private static void countInvitations(EntityManager em, String jobId, int sent, int notSent) {
        em.createQuery("update OnboardingJobEntity j set j.invitationsWaiting = j.invitationsWaiting - :done,"
                        + " j.invitationsSent = j.invitationsSent + :sent, j.invitationsNotSent = j.invitationsNotSent + :notSent"
                        + " where j.id = :id")
                .setParameter("done", sent + notSent).setParameter("sent", sent).setParameter("notSent", notSent)
                .setParameter("id", jobId).executeUpdate();
    }

    private static void applied(OnboardingJobEntity job, OnboardingRowEntity row, String outcome, String realmName) {
        row.setOutcome(outcome);
        job.setRowsDone(job.getRowsDone() + 1);
        if (OnboardingJobs.WAITING.equals(row.getInvitation())) {
            job.setInvitationsWaiting(job.getInvitationsWaiting() + 1);
        }
        LampssMetrics.onboardingRow(realmName, outcome);
    }

    private static boolean sent(OnboardingRowEntity row, Workspace work, RealmModel realm) {
        GroupModel group = row.getOrganizationId() == null ? null : realm.getGroupById(row.getOrganizationId());
        boolean sent = group != null && work.invitations().sendWaiting(group, row.getUserId());
        row.setInvitation(sent ? OnboardingJobs.SENT : OnboardingJobs.NOT_SENT);
        return sent;
    }

    /** A row that failed alone: recorded with the rule that refused it, and counted; the job goes on. */
    private void fail(KeycloakSession session, String jobId, Batch one, RuntimeException failure) {
        int line = one.lines().get(0);
        EntityManager em = em(session);
        OnboardingJobEntity job = em.find(OnboardingJobEntity.class, jobId);
        if (job == null) {
            return;
        }
        OnboardingRowEntity row = em.find(OnboardingRowEntity.class, new OnboardingRowEntity.Key(jobId, line));
        RealmModel realm = session.realms().getRealm(job.getRealmId());
        DomainException refused = failure instanceof DomainException domain ? domain : null;
        String code = refused != null ? refused.reason().name() : failure instanceof NotFound missing ? missing.code() : "APPLY_FAILED";
        if (refused == null && !(failure instanceof NotFound)) {
            LOG.warnf(failure, "onboarding job %s, line %d failed", jobId, line);
        }
        if (one.rows()) {
            row.setOutcome(OnboardingJobs.FAILED);
            row.setCode(code);
            row.setColumnName(refused == null ? null : columnOf(refused.field()));
            job.setRowsDone(job.getRowsDone() + 1);
            job.setRowsFailed(job.getRowsFailed() + 1);
            LampssMetrics.onboardingRow(realm.getName(), OnboardingJobs.FAILED);
            OnboardingJobs.settle(job);
        } else {
            row.setInvitation(OnboardingJobs.NOT_SENT);
            row.setCode(code);
            countInvitations(em, jobId, 0, 1);
        }
    }

    private static String columnOf(String field) {
        OnboardingColumn column = OnboardingColumn.ofField(field);
        return column == null ? null : column.header();
    }

    /** The job's creator as the caller of every change, audited on the job's channel. */
    private Workspace workspace(KeycloakSession session, RealmModel realm, OnboardingJobEntity job) {
        BackgroundRequest.enter(session, realm, java.net.URI.create(job.getBaseUri()));
        LampssRealm lampss = new LampssRealm(session, realm, settings);
        UserModel creator = session.users().getUserById(realm, job.getCreatedBy());
        if (creator == null || !creator.isEnabled()) {
            throw new DomainException(Reason.OPERATIONS_SUPPORT_ONLY, "the job's creator is gone");
        }
        AdminAuth auth = BackgroundRequest.auth(realm, creator, settings);
        Locale locale = session.getContext().resolveLocale(creator);
        return new Workspace(lampss, new Caller(creator, new Actors(lampss, new Memberships(lampss)).load(creator), auth, locale,
                channel(job.getId())));
    }

    /** The audit rows' channel for a job's changes: names the job. */
    public static String channel(String jobId) {
        return "onboarding job " + jobId;
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
