package ca.novascotia.lampss.it.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientMappingsRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.MappingsRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Everything a refused call must leave as it was, read from outside: the target account through
 * the admin API (email, names, enabled, federated identities, realm and client role mappings,
 * groups), its LaMPSS rows of every organization through the realm administrator's export
 * (memberships and invitations in any state), and for each organization concerned its audit trail
 * size and its waiting invitations. Two snapshots are compared with equals; the difference reads
 * in the assertion message.
 */
record AttackSnapshot(Map<String, Object> account, List<String> federatedIdentities, List<String> realmRoles,
                      Map<String, List<String>> clientRoles, List<String> groups, List<Map<String, Object>> memberships,
                      List<Map<String, Object>> invitations, Map<String, Map<String, Object>> organizations) {

    static AttackSnapshot of(ManagedRealm realm, LampssApi realmAdministrator, LampssApi operationsSupport, String userId,
                             String... organizationIds) {
        UserResource user = realm.admin().users().get(userId);
        UserRepresentation representation = user.toRepresentation();
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("username", representation.getUsername());
        account.put("email", representation.getEmail());
        account.put("firstName", representation.getFirstName());
        account.put("lastName", representation.getLastName());
        account.put("enabled", representation.isEnabled());
        account.put("emailVerified", representation.isEmailVerified());
        account.put("attributes", representation.getAttributes() == null ? Map.of() : new TreeMap<>(representation.getAttributes()));
        account.put("requiredActions", representation.getRequiredActions());

        List<String> links = user.getFederatedIdentity().stream()
                .map(link -> link.getIdentityProvider() + ":" + link.getUserId()).sorted().toList();
        MappingsRepresentation mappings = user.roles().getAll();
        List<String> realmRoles = mappings.getRealmMappings() == null ? List.of()
                : mappings.getRealmMappings().stream().map(RoleRepresentation::getName).sorted().toList();
        Map<String, List<String>> clientRoles = new TreeMap<>();
        if (mappings.getClientMappings() != null) {
            for (Map.Entry<String, ClientMappingsRepresentation> client : mappings.getClientMappings().entrySet()) {
                clientRoles.put(client.getKey(), client.getValue().getMappings().stream().map(RoleRepresentation::getName).sorted().toList());
            }
        }
        List<String> groups = user.groups().stream().map(GroupRepresentation::getPath).sorted().toList();

        Map<String, Object> export = realmAdministrator.get("/export").json();
        List<Map<String, Object>> memberships = rowsOf(export, "memberships", userId);
        List<Map<String, Object>> invitations = rowsOf(export, "invitations", userId);

        Map<String, Map<String, Object>> organizations = new TreeMap<>();
        for (String organizationId : organizationIds) {
            Map<String, Object> organization = new LinkedHashMap<>();
            organization.put("auditRows", auditRows(operationsSupport, organizationId));
            organization.put("waitingInvitations", operationsSupport.get("/organizations/" + organizationId + "/invitations?max=100").items());
            organizations.put(organizationId, organization);
        }
        return new AttackSnapshot(account, links, realmRoles, clientRoles, groups, memberships, invitations, organizations);
    }

    /** The number of rows of an organization's audit trail. */
    static long auditRows(LampssApi operationsSupport, String organizationId) {
        LampssApi.Reply audit = operationsSupport.get("/organizations/" + organizationId + "/audit?max=1");
        if (audit.status() != 200) {
            throw new AssertionError("audit of " + organizationId + ": " + audit);
        }
        return ((Number) audit.json().get("total")).longValue();
    }

    /** The export's rows of one kind about one user, in a stable order. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rowsOf(Map<String, Object> export, String kind, String userId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) export.getOrDefault(kind, List.of())) {
            if (userId.equals(row.get("userId"))) {
                rows.add(new TreeMap<>(row));
            }
        }
        rows.sort((a, b) -> String.valueOf(a.get("id")).compareTo(String.valueOf(b.get("id"))));
        return rows;
    }
}
