package ca.novascotia.lampss.domain;

import java.util.Set;

/**
 * Whether a person is told by email that their access in an organization changed (issue 15: "a
 * person whose profiles changed or who was deactivated"). Only someone who uses LaMPSS there is
 * told: an active contact who accepted an invitation, whose account nobody but LaMPSS disabled, and
 * who did not make the change themselves; and only when the realm has the notices on.
 */
public final class AccessNotice {

    /** Realm attribute: {@code false} turns the notices off; anything else (or nothing) leaves them on. */
    public static final String SETTING = "lampss.accessChangeNotices";

    private AccessNotice() {
    }

    public static boolean enabled(String setting) {
        return !"false".equalsIgnoreCase(setting == null ? "" : setting.strip());
    }

    /**
     * @param wasActive     the membership was active before the change
     * @param reachable     the person's account is enabled (or disabled only by LaMPSS) and has an email
     * @param bySelf        the person made the change
     */
    public static boolean due(boolean enabled, boolean wasActive, boolean reachable, boolean bySelf,
                              Set<SecurityProfile> before, Set<SecurityProfile> after, boolean deactivated) {
        return enabled && wasActive && reachable && !bySelf && (deactivated || !before.equals(after));
    }
}
