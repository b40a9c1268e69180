package ca.novascotia.lampss.onboarding;

import ca.novascotia.lampss.domain.Module;
import ca.novascotia.lampss.domain.OnboardingPlan.RowPlan;
import ca.novascotia.lampss.domain.OnboardingReport;
import ca.novascotia.lampss.domain.SecurityProfile;
import ca.novascotia.lampss.model.Page;
import ca.novascotia.lampss.store.OnboardingJobEntity;
import ca.novascotia.lampss.store.OnboardingRowEntity;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.common.util.Time;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.util.JsonSerialization;

/**
 * Onboarding jobs and their rows in the database: created from a checked file, read by the API,
 * and advanced by {@link OnboardingWorker}. A job's counters change in the same transaction as its
 * rows' outcomes, so progress is never ahead of what was written.
 */
public final class OnboardingJobs {

    /** Job states: rows to apply; invitations to send; invitations held until released; finished. */
    public static final String APPLYING = "APPLYING";
    public static final String SENDING = "SENDING";
    public static final String HELD = "HELD";
    public static final String DONE = "DONE";

    /** Row outcomes. REFUSED: by the check before the job started; FAILED: while applying. */
    public static final String PENDING = "PENDING";
    public static final String APPLIED = "APPLIED";
    public static final String UNCHANGED = "UNCHANGED";
    public static final String FAILED = "FAILED";
    public static final String REFUSED = "REFUSED";

    /** Row invitation states. */
    public static final String NONE = "NONE";
    public static final String WAITING = "WAITING";
    public static final String SENT = "SENT";
    public static final String NOT_SENT = "NOT_SENT";

    /** Rows written between two flushes while a job is created: memory stays bounded. */
    private static final int FLUSH_EVERY = 500;

    private final EntityManager em;

    public OnboardingJobs(EntityManager em) {
        this.em = em;
    }

    /**
     * A job for a checked file: its refused rows are done (refused) from the start, the others wait
     * to be applied, a new organization's primary contact first.
     *
     * @param baseUri       the server's address as the request that starts the job saw it (for the emails' links)
     * @param hold          invitations wait until {@link #release}
     * @param ratePerMinute invitations sent per minute at most (0: as fast as rows are applied)
     */
    public OnboardingJobEntity create(String realmId, String createdBy, String fileName, String baseUri, boolean hold,
                                      int ratePerMinute, OnboardingReport report) {
        long now = Time.currentTimeMillis();
        OnboardingJobEntity job = new OnboardingJobEntity();
        job.setId(KeycloakModelUtils.generateId());
        job.setRealmId(realmId);
        job.setCreatedBy(createdBy);
        job.setCreatedAt(now);
        job.setFileName(fileName);
        job.setBaseUri(baseUri);
        job.setInvitations(hold ? "HOLD" : "SEND");
        job.setRatePerMinute(ratePerMinute);
        job.setSendFrom(hold ? null : now);
        job.setTotalRows(report.rows().size());
        job.setState(APPLYING);
        em.persist(job);
        Map<String, OnboardingReport.OrganizationChange> organizations = new LinkedHashMap<>();
        report.organizations().forEach(change -> organizations.put(change.number(), change));
        int written = 0;
        int refused = 0;
        for (RowPlan row : report.rows()) {
            em.persist(row(job.getId(), row, organizations.get(row.organizationNumber())));
            refused += row.refused() ? 1 : 0;
            if (++written % FLUSH_EVERY == 0) {
                em.flush();
                em.clear();
                job = em.find(OnboardingJobEntity.class, job.getId());
            }
        }
        job.setRowsDone(refused);
        job.setRowsFailed(refused);
        settle(job);
        em.flush();
        return job;
    }

    private static OnboardingRowEntity row(String jobId, RowPlan plan, OnboardingReport.OrganizationChange organization) {
        OnboardingRowEntity row = new OnboardingRowEntity();
        row.setJobId(jobId);
        row.setLine(plan.line());
        row.setOrganizationNumber(truncate(plan.organizationNumber(), 64));
        row.setEmail(truncate(plan.email(), 254));
        row.setInvitation(NONE);
        if (plan.refused()) {
            row.setOutcome(REFUSED);
            row.setCode(plan.refusal().code());
            row.setColumnName(plan.refusal().column() == null ? null : plan.refusal().column().header());
            row.setDetail(truncate(plan.refusal().detail(), 255));
            row.setOrganizationLine(plan.line());
            row.setPrimaryRank(1);
            return row;
        }
        row.setOutcome(PENDING);
        row.setOrganizationLine(organization.firstLine());
        row.setPrimaryRank(plan.primaryContact() ? 0 : 1);
        row.setData(data(plan, organization));
        return row;
    }

    private static String data(RowPlan plan, OnboardingReport.OrganizationChange organization) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("nameEn", organization.wanted().nameEn());
        data.put("nameFr", organization.wanted().nameFr());
        data.put("modules", organization.wanted().modules().stream().map(Module::code).toList());
        data.put("firstName", plan.details().firstName());
        data.put("lastName", plan.details().lastName());
        data.put("email", plan.details().email());
        data.put("profiles", plan.profiles().stream().map(SecurityProfile::roleName).toList());
        data.put("primaryContact", plan.primaryContact());
        try {
            return JsonSerialization.writeValueAsString(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    public Optional<OnboardingJobEntity> find(String realmId, String id) {
        OnboardingJobEntity job = id == null || id.length() > 36 ? null : em.find(OnboardingJobEntity.class, id);
        return Optional.ofNullable(job != null && job.getRealmId().equals(realmId) ? job : null);
    }

    /** The realm's jobs, newest first. */
    public Page<OnboardingJobEntity> page(String realmId, int first, int max) {
        long total = em.createQuery("select count(j) from OnboardingJobEntity j where j.realmId = :realm", Long.class)
                .setParameter("realm", realmId).getSingleResult();
        List<OnboardingJobEntity> items = em.createQuery("select j from OnboardingJobEntity j where j.realmId = :realm"
                        + " order by j.createdAt desc, j.id", OnboardingJobEntity.class)
                .setParameter("realm", realmId).setFirstResult(first).setMaxResults(max).getResultList();
        return new Page<>(items, total, first, max);
    }

    /**
     * A page of a job's rows in line order: all, or those with one of {@code outcomes} and (when
     * given) one of {@code invitations} (e.g. {@code NOT_SENT}).
     */
    public Page<OnboardingRowEntity> rows(String jobId, List<String> outcomes, List<String> invitations, int first, int max) {
        String where = " from OnboardingRowEntity r where r.jobId = :job" + (outcomes.isEmpty() ? "" : " and r.outcome in :outcomes")
                + (invitations.isEmpty() ? "" : " and r.invitation in :invitations");
        var count = em.createQuery("select count(r.line)" + where, Long.class).setParameter("job", jobId);
        var page = em.createQuery("select r" + where + " order by r.line", OnboardingRowEntity.class).setParameter("job", jobId);
        if (!outcomes.isEmpty()) {
            count.setParameter("outcomes", outcomes);
            page.setParameter("outcomes", outcomes);
        }
        if (!invitations.isEmpty()) {
            count.setParameter("invitations", invitations);
            page.setParameter("invitations", invitations);
        }
        return new Page<>(page.setFirstResult(first).setMaxResults(max).getResultList(), count.getSingleResult(), first, max);
    }

    /** Operations Support's go: held invitations go out from now, at the job's rate. */
    public void release(OnboardingJobEntity job) {
        if (!"HOLD".equals(job.getInvitations())) {
            return;
        }
        job.setInvitations("SEND");
        job.setSendFrom(Time.currentTimeMillis());
        job.setSentBeforeWindow(job.getInvitationsSent());
        settle(job);
    }

    /** The state that follows from the counters: applying while rows wait, then sending, held or done. */
    static void settle(OnboardingJobEntity job) {
        if (job.getRowsDone() < job.getTotalRows()) {
            job.setState(APPLYING);
        } else if (job.getInvitationsWaiting() > 0) {
            job.setState("HOLD".equals(job.getInvitations()) ? HELD : SENDING);
        } else {
            job.setState(DONE);
        }
        if (DONE.equals(job.getState()) && job.getFinishedAt() == null) {
            job.setFinishedAt(Time.currentTimeMillis());
        }
    }
}
