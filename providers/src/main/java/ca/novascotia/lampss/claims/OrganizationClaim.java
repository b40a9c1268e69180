package ca.novascotia.lampss.claims;

import ca.novascotia.lampss.domain.SecurityProfile;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the organization claim says, decided from what is stored; no Keycloak or database here.
 *
 * <p>The claim is a JSON object keyed by organization id, in order of organization number, one entry
 * per organization where the person's membership is <em>active</em>:
 * <pre>
 * "lampss_organizations": {
 *   "5f0c…": {"id": "5f0c…", "name": {"en": "…", "fr": "…"}, "externalNumber": "NS-0001",
 *             "profiles": ["ofa-administrator", "sr-user"], "primaryContact": true}
 * }
 * </pre>
 * Keyed by id so an application finds the organization it works for without a search; the id is
 * repeated inside so an entry stands on its own. Invited and inactive memberships are not there,
 * nor is an organization that no longer exists under the organizations root.
 */
public final class OrganizationClaim {

    /** An active membership as stored: its organization and whether the person is its primary contact. */
    public record ActiveMembership(String organizationId, boolean primaryContact) {
    }

    /** What the organization's group says about it. */
    public record Names(String nameEn, String nameFr, String externalNumber) {
    }

    private OrganizationClaim() {
    }

    /**
     * The organizations a client asked for with {@code <scopeName>:<id>} values of the scope
     * parameter (normally one); empty when it asked for none, which means every organization.
     */
    public static Set<String> selectedOrganizations(String requestedScope, String scopeName) {
        Set<String> selected = new LinkedHashSet<>();
        if (requestedScope == null || scopeName == null || scopeName.isBlank()) {
            return selected;
        }
        String prefix = scopeName + ":";
        for (String scope : requestedScope.split(" ")) {
            if (scope.startsWith(prefix) && scope.length() > prefix.length()) {
                selected.add(scope.substring(prefix.length()));
            }
        }
        return selected;
    }

    /**
     * The claim's value: one entry per active membership whose organization has names (exists), limited
     * to {@code selected} unless that is empty. Empty when nothing is left, and then the claim is left out.
     */
    public static Map<String, Object> build(Collection<ActiveMembership> active,
                                            Map<String, ? extends Collection<SecurityProfile>> profiles,
                                            Map<String, Names> names, Set<String> selected) {
        return build(active, profiles, names, selected, false);
    }

    /**
     * As {@link #build(Collection, Map, Map, Set)}; {@code compact} makes each entry the list of profiles
     * alone (the key is the id), about a third of the full entry's size, for access tokens that must
     * stay small (a person in 30 organizations): {@code "5f0c…": ["ofa-user"]}. Names, numbers and the
     * primary-contact flag are in the full form (ID token, userinfo, introspection) and in {@code /me}.
     */
    public static Map<String, Object> build(Collection<ActiveMembership> active,
                                            Map<String, ? extends Collection<SecurityProfile>> profiles,
                                            Map<String, Names> names, Set<String> selected, boolean compact) {
        Map<String, Object> claim = new LinkedHashMap<>();
        active.stream()
                .filter(membership -> selected.isEmpty() || selected.contains(membership.organizationId()))
                .filter(membership -> names.containsKey(membership.organizationId()))
                .sorted(Comparator.comparing((ActiveMembership membership) -> names.get(membership.organizationId()).externalNumber())
                        .thenComparing(ActiveMembership::organizationId))
                .forEach(membership -> claim.put(membership.organizationId(), compact
                        ? profileNames(profiles.get(membership.organizationId()))
                        : entry(membership, names.get(membership.organizationId()), profiles.get(membership.organizationId()))));
        return claim;
    }

    private static Map<String, Object> entry(ActiveMembership membership, Names names, Collection<SecurityProfile> profiles) {
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("en", names.nameEn());
        name.put("fr", names.nameFr());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", membership.organizationId());
        entry.put("name", name);
        entry.put("externalNumber", names.externalNumber());
        entry.put("profiles", profileNames(profiles));
        entry.put("primaryContact", membership.primaryContact());
        return entry;
    }

    private static List<String> profileNames(Collection<SecurityProfile> profiles) {
        return profiles == null ? List.of() : profiles.stream().sorted().map(SecurityProfile::roleName).distinct().toList();
    }
}
