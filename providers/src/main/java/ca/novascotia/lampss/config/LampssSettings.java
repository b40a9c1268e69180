package ca.novascotia.lampss.config;

import java.util.regex.Pattern;

import org.keycloak.Config;

/**
 * Server-wide settings, read once at start-up from {@code --spi-realm-restapi-extension--lampss--*}
 * options. A value that is present but unusable stops the server with a message naming the option
 * and what it accepts, rather than failing later in a request.
 */
public record LampssSettings(String profilesClient, String organizationsGroup, String operationsSupportRole,
                             boolean queryCountHeader, int invitationCleanupSeconds) {

    public static final String OPTION_PREFIX = "spi-realm-restapi-extension--lampss--";
    public static final String PROFILES_CLIENT = "profiles-client";
    public static final String ORGANIZATIONS_GROUP = "organizations-group";
    public static final String OPERATIONS_SUPPORT_ROLE = "operations-support-role";
    /** Diagnostic: every API answer reports the SQL statements its call ran, in a response header. */
    public static final String QUERY_COUNT_HEADER = "query-count-header";
    /** Seconds between two runs of the clean-up that marks overdue invitations expired. */
    public static final String INVITATION_CLEANUP_INTERVAL = "invitation-cleanup-interval";

    /** The defaults, which are also the names realm-config ships. */
    public static final LampssSettings DEFAULTS = new LampssSettings("lampss", "organizations", "operations-support", false, 900);

    /** Client ids, group and role names: printable, no slashes (group paths), no surrounding blanks. */
    private static final Pattern NAME = Pattern.compile("[^/\\s][^/]{0,253}[^/\\s]|[^/\\s]");

    public static LampssSettings from(Config.Scope scope) {
        return new LampssSettings(
                read(scope, PROFILES_CLIENT, DEFAULTS.profilesClient()),
                read(scope, ORGANIZATIONS_GROUP, DEFAULTS.organizationsGroup()),
                read(scope, OPERATIONS_SUPPORT_ROLE, DEFAULTS.operationsSupportRole()),
                readFlag(scope, QUERY_COUNT_HEADER, DEFAULTS.queryCountHeader()),
                readSeconds(scope, INVITATION_CLEANUP_INTERVAL, DEFAULTS.invitationCleanupSeconds()));
    }

    private static int readSeconds(Config.Scope scope, String key, int fallback) {
        String value = scope == null ? null : scope.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int seconds = Integer.parseInt(value.strip());
            if (seconds >= 1 && seconds <= 86400) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Invalid value '" + value + "' for option --" + OPTION_PREFIX + key
                + ": expected whole seconds from 1 to 86400 (default: " + fallback + ")");
    }

    private static boolean readFlag(Config.Scope scope, String key, boolean fallback) {
        String value = scope == null ? null : scope.get(key);
        if (value == null) {
            return fallback;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("Invalid value '" + value + "' for option --" + OPTION_PREFIX + key
                    + ": expected true or false (default: " + fallback + ")");
        }
        return Boolean.parseBoolean(value);
    }

    private static String read(Config.Scope scope, String key, String fallback) {
        String value = scope == null ? null : scope.get(key);
        if (value == null) {
            return fallback;
        }
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("Invalid value '" + value + "' for option --" + OPTION_PREFIX + key
                    + ": expected a name of 1 to 255 characters without '/' or surrounding spaces (default: "
                    + fallback + ")");
        }
        return value;
    }
}
