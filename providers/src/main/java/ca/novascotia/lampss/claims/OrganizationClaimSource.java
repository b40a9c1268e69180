package ca.novascotia.lampss.claims;

import ca.novascotia.lampss.claims.OrganizationClaim.ActiveMembership;
import ca.novascotia.lampss.claims.OrganizationClaim.Names;
import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.model.LampssRealm;
import ca.novascotia.lampss.model.Memberships;
import ca.novascotia.lampss.model.Organizations;
import ca.novascotia.lampss.model.ProfileGrants;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.jpa.entities.GroupEntity;

/**
 * Reads what the claim needs, read fresh for every token (so a refreshed token shows today's
 * memberships and profiles): at most three queries whatever the number of organizations, namely
 * the person's memberships, the profiles held in the active ones, and those organizations' names.
 * A person with no active membership, or a realm without the organizations root group, costs one
 * query and gives an empty claim.
 */
final class OrganizationClaimSource {

    private static final List<String> NAME_ATTRIBUTES = List.of(
            Organizations.NAME_EN, Organizations.NAME_FR, Organizations.EXTERNAL_NUMBER);

    private final LampssRealm lampss;
    private final LampssSettings settings;

    OrganizationClaimSource(KeycloakSession session, LampssSettings settings) {
        this.lampss = new LampssRealm(session, settings);
        this.settings = settings;
    }

    Map<String, Object> load(String userId, Set<String> selected) {
        List<ActiveMembership> active = new Memberships(lampss).activeOfUser(userId).stream()
                .filter(row -> selected.isEmpty() || selected.contains(row.getOrganizationId()))
                .map(row -> new ActiveMembership(row.getOrganizationId(), row.getPrimaryOf() != null))
                .toList();
        if (active.isEmpty()) {
            return Map.of();
        }
        List<String> ids = active.stream().map(ActiveMembership::organizationId).toList();
        Map<String, Names> names = names(ids);
        if (names.isEmpty()) {
            return Map.of();
        }
        return OrganizationClaim.build(active, new ProfileGrants(lampss).heldIn(userId, names.keySet()), names, selected);
    }

    /**
     * Names of those of {@code ids} that are organizations of this realm (direct subgroups of the
     * organizations root, a realm group rather than one of Keycloak's own organizations), in one query; the group name stands in for a missing attribute, as in the API.
     */
    private Map<String, Names> names(List<String> ids) {
        Map<String, String> groupNames = new HashMap<>();
        Map<String, Map<String, String>> attributes = new HashMap<>();
        lampss.em().createQuery("select g.id, g.name, a.name, a.value from GroupEntity g"
                        + " left join GroupAttributeEntity a on a.group = g and a.name in :attributes"
                        + " where g.id in :ids and g.parentId in (select r.id from GroupEntity r"
                        + " where r.realm = :realm and r.parentId = :top and r.name = :root and r.type = 0)", Object[].class)
                .setParameter("attributes", NAME_ATTRIBUTES)
                .setParameter("ids", ids)
                .setParameter("realm", lampss.realm().getId())
                .setParameter("top", GroupEntity.TOP_PARENT_ID)
                .setParameter("root", settings.organizationsGroup())
                .getResultList()
                .forEach(row -> {
                    groupNames.put((String) row[0], (String) row[1]);
                    if (row[2] != null && row[3] != null && !((String) row[3]).isBlank()) {
                        attributes.computeIfAbsent((String) row[0], id -> new HashMap<>()).putIfAbsent((String) row[2], (String) row[3]);
                    }
                });
        Map<String, Names> names = new HashMap<>();
        groupNames.forEach((id, groupName) -> {
            Map<String, String> values = attributes.getOrDefault(id, Map.of());
            names.put(id, new Names(values.getOrDefault(Organizations.NAME_EN, groupName),
                    values.getOrDefault(Organizations.NAME_FR, groupName),
                    values.getOrDefault(Organizations.EXTERNAL_NUMBER, groupName)));
        });
        return names;
    }
}
