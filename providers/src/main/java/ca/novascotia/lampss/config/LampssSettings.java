package ca.novascotia.lampss.config;

import ca.novascotia.lampss.domain.InvitationRate;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.keycloak.Config;

/**
 * Server-wide settings, read from {@code --spi-realm-restapi-extension--lampss--*} options. A value
 * that is present but unusable stops the server at start-up with a message naming the option and
 * what it accepts, rather than failing later in a request. Every provider reads them with
 * {@link #current()}, whichever SPI it belongs to.
 */
public record LampssSettings(String profilesClient, String organizationsGroup, String operationsSupportRole,
                             boolean queryCountHeader, int invitationCleanupSeconds, Set<String> apiClients,
                             int invitationsPerHour, int onboardingPollSeconds, int onboardingLeaseSeconds,
                             int onboardingMaxRows) {

    public static final String SPI = "realm-restapi-extension";
    public static final String PROVIDER = "lampss";
    public static final String OPTION_PREFIX = "spi-realm-restapi-extension--lampss--";
    public static final String PROFILES_CLIENT = "profiles-client";
    public static final String ORGANIZATIONS_GROUP = "organizations-group";
    public static final String OPERATIONS_SUPPORT_ROLE = "operations-support-role";
    /** Diagnostic: every API answer reports the SQL statements its call ran, in a response header. */
    public static final String QUERY_COUNT_HEADER = "query-count-header";
    /** Seconds between two runs of the clean-up that marks overdue invitations expired. */
    public static final String INVITATION_CLEANUP_INTERVAL = "invitation-cleanup-interval";
    /** The clients whose tokens the API accepts (comma-separated client ids): a token is meant for a client. */
    public static final String API_CLIENTS = "api-clients";
    /** At most this many invitation emails per person and organization in any hour. */
    public static final String INVITATIONS_PER_HOUR = "invitations-per-hour";
    /** Seconds between two looks of each node for onboarding work (a job to apply, invitations due). */
    public static final String ONBOARDING_POLL_INTERVAL = "onboarding-poll-interval";
    /** Seconds a node holds an onboarding job without renewing; then another node takes it over. */
    public static final String ONBOARDING_LEASE = "onboarding-lease";
    /** Rows one onboarding file may hold. */
    public static final String ONBOARDING_MAX_ROWS = "onboarding-max-rows";

    /** The defaults, which are also the names realm-config ships. */
    public static final LampssSettings DEFAULTS = new LampssSettings("lampss", "organizations", "operations-support", false, 900,
            Set.of("lampss-console"), InvitationRate.DEFAULT_PER_HOUR, 5, 60, 100_000);

    /** Client ids, group and role names: printable, no slashes (group paths), no surrounding blanks. */
    private static final Pattern NAME = Pattern.compile("[^/\\s][^/]{0,253}[^/\\s]|[^/\\s]");

    private static volatile LampssSettings current;

    /** The server's settings, read once from its configuration. */
    public static LampssSettings current() {
        LampssSettings settings = current;
        if (settings == null) {
            settings = from(Config.scope(SPI, PROVIDER));
            current = settings;
        }
        return settings;
    }

    public static LampssSettings from(Config.Scope scope) {
        return new LampssSettings(
                read(scope, PROFILES_CLIENT, DEFAULTS.profilesClient()),
                read(scope, ORGANIZATIONS_GROUP, DEFAULTS.organizationsGroup()),
                read(scope, OPERATIONS_SUPPORT_ROLE, DEFAULTS.operationsSupportRole()),
                readFlag(scope, QUERY_COUNT_HEADER, DEFAULTS.queryCountHeader()),
                readWhole(scope, INVITATION_CLEANUP_INTERVAL, DEFAULTS.invitationCleanupSeconds(), 86400),
                readNames(scope, API_CLIENTS, DEFAULTS.apiClients()),
                readWhole(scope, INVITATIONS_PER_HOUR, DEFAULTS.invitationsPerHour(), 1000),
                readWhole(scope, ONBOARDING_POLL_INTERVAL, DEFAULTS.onboardingPollSeconds(), 3600),
                readWhole(scope, ONBOARDING_LEASE, DEFAULTS.onboardingLeaseSeconds(), 3600),
                readWhole(scope, ONBOARDING_MAX_ROWS, DEFAULTS.onboardingMaxRows(), 1_000_000));
    }

    private static int readWhole(Config.Scope scope, String key, int fallback, int max) {
        String value = scope == null ? null : scope.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, value, "a whole number from 1 to " + max, fallback);
    }

    private static boolean readFlag(Config.Scope scope, String key, boolean fallback) {
        String value = scope == null ? null : scope.get(key);
        if (value == null) {
            return fallback;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw invalid(key, value, "true or false", fallback);
        }
        return Boolean.parseBoolean(value);
    }

    private static Set<String> readNames(Config.Scope scope, String key, Set<String> fallback) {
        String value = scope == null ? null : scope.get(key);
        if (value == null) {
            return fallback;
        }
        Set<String> names = Arrays.stream(value.split(",")).map(String::strip).collect(Collectors.toSet());
        if (names.stream().anyMatch(name -> !NAME.matcher(name).matches())) {
            throw invalid(key, value, "client ids separated by commas", String.join(",", fallback));
        }
        return Set.copyOf(names);
    }

    private static String read(Config.Scope scope, String key, String fallback) {
        String value = scope == null ? null : scope.get(key);
        if (value == null) {
            return fallback;
        }
        if (!NAME.matcher(value).matches()) {
            throw invalid(key, value, "a name of 1 to 255 characters without '/' or surrounding spaces", fallback);
        }
        return value;
    }

    private static IllegalArgumentException invalid(String key, String value, String expected, Object fallback) {
        return new IllegalArgumentException("Invalid value '" + value + "' for option --" + OPTION_PREFIX + key
                + ": expected " + expected + " (default: " + fallback + ")");
    }
}
