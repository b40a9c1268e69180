package ca.novascotia.lampss.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.Locale;

/**
 * Our counters, in Micrometer's global registry. Keycloak adds its Prometheus registry there when
 * started with {@code --metrics-enabled=true}, so they appear on the management port's
 * {@code /metrics} (e.g. {@code lampss_invitations_sent_total{realm="lampss"}}); without it the
 * global registry is empty and counting costs nothing. Tags take values from short fixed lists
 * (realm names, refusal reasons, actions), never ids, so the number of series stays small.
 */
public final class LampssMetrics {

    static final String INVITATIONS_SENT = "lampss.invitations.sent";
    static final String INVITATIONS_ACCEPTED = "lampss.invitations.accepted";
    static final String INVITATIONS_EXPIRED = "lampss.invitations.expired";
    static final String INVITATIONS_REFUSED = "lampss.invitations.refused";
    static final String DELEGATION_REFUSALS = "lampss.delegation.refusals";
    static final String NOTICES = "lampss.notices";
    static final String ONBOARDING_ROWS = "lampss.onboarding.rows";
    static final String ACCESS_REVIEW_STATEMENTS = "lampss.access.review.statements";
    static final String UPKEEP_BATCH_STATEMENTS = "lampss.upkeep.batch.statements";

    private LampssMetrics() {
    }

    /** A notice email to a person (e.g. {@code access-changed}): {@code sent}, or {@code failed} (the change stands). */
    public static void notice(String realm, String kind, boolean sent) {
        counter(NOTICES, "Notice emails to people", "realm", realm, "kind", kind, "outcome", sent ? "sent" : "failed").increment();
    }

    /** A row of an onboarding job was applied ({@code APPLIED}, {@code UNCHANGED}) or failed ({@code FAILED}). */
    public static void onboardingRow(String realm, String outcome) {
        counter(ONBOARDING_ROWS, "Onboarding rows done", "realm", realm, "outcome", outcome).increment();
    }

    /** An invitation email went out (a new contact, or a re-send). */
    public static void invitationSent(String realm) {
        counter(INVITATIONS_SENT, "Invitation emails sent", "realm", realm).increment();
    }

    /** A person signed in with My NS Account through a valid invitation. */
    public static void invitationAccepted(String realm) {
        counter(INVITATIONS_ACCEPTED, "Invitations accepted", "realm", realm).increment();
    }

    /** The clean-up marked this many overdue invitations expired. */
    public static void invitationsExpired(String realm, int count) {
        counter(INVITATIONS_EXPIRED, "Invitations marked expired by the clean-up", "realm", realm).increment(count);
    }

    /**
     * An invitation link or the sign-in gate refused someone; {@code reason} is the refusal page's
     * message key without its prefix, e.g. {@code expired}, {@code revoked}, {@code no-access-yet}.
     */
    public static void invitationRefused(String realm, String messageKey) {
        counter(INVITATIONS_REFUSED, "Invitation links and sign-ins refused", "realm", realm, "reason", reason(messageKey))
                .increment();
    }

    /** The delegation policy refused an action (e.g. a profile the caller may not give). */
    public static void delegationRefused(String realm, String action, String reason) {
        counter(DELEGATION_REFUSALS, "Actions the delegation policy refused", "realm", realm, "action", action,
                "reason", reason).increment();
    }

    /**
     * Diagnostic, counted only with the query-count setting: the SQL statements of an access-review
     * export, which runs after its response headers are sent and so cannot report them in a header.
     */
    public static void accessReviewStatements(String realm, int count) {
        counter(ACCESS_REVIEW_STATEMENTS, "SQL statements of access-review exports (query-count setting)", "realm", realm)
                .increment(count);
    }

    /**
     * One batch (one transaction) of the scheduled access upkeep and its SQL statements, by phase:
     * {@code open}, {@code overdue}, {@code find}, {@code claim}, {@code send}, {@code mark}. Prometheus
     * shows the batches ({@code _count}), their statements ({@code _sum}) and the most in one ({@code _max}).
     */
    public static void upkeepBatch(String phase, int statements) {
        io.micrometer.core.instrument.DistributionSummary.builder(UPKEEP_BATCH_STATEMENTS)
                .description("SQL statements per batch of the scheduled access upkeep").tag("phase", phase)
                .register(Metrics.globalRegistry).record(statements);
        PEAKS.computeIfAbsent(phase, key -> Metrics.globalRegistry.gauge(UPKEEP_BATCH_STATEMENTS + ".peak",
                io.micrometer.core.instrument.Tags.of("phase", key), new java.util.concurrent.atomic.AtomicInteger()))
                .accumulateAndGet(statements, Math::max);
    }

    /** The most statements one batch of each phase ran since the server started (the summary's max decays in minutes). */
    private static final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> PEAKS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** {@code lampssInvitationExpired} → {@code expired}; {@code lampssNoAccessYet} → {@code no-access-yet}. */
    static String reason(String messageKey) {
        String name = messageKey.replaceFirst("^lampss(Invitation)?", "");
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** A missing tag value (e.g. an event without a realm name) is "unknown": Micrometer refuses null values. */
    private static Counter counter(String name, String description, String... tags) {
        for (int i = 1; i < tags.length; i += 2) {
            tags[i] = tags[i] == null ? "unknown" : tags[i];
        }
        return Counter.builder(name).description(description).tags(tags).register(Metrics.globalRegistry);
    }
}
