package ca.novascotia.lampss.it.keycloakadmin;

import ca.novascotia.lampss.it.api.LampssApi;
import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/** What the identity-admin tests look at after a change: a user's groups, and an organization's audit trail. */
record Observed(ManagedRealm realm, LampssApi operationsSupport) {

    List<String> groupIds(String userId) {
        return realm.admin().users().get(userId).groups().stream().map(GroupRepresentation::getId).toList();
    }

    int auditSize(String organizationId) {
        return ((Number) operationsSupport.get("/organizations/" + organizationId + "/audit").json().get("total")).intValue();
    }

    Map<String, Object> latestAudit(String organizationId) {
        return operationsSupport.get("/organizations/" + organizationId + "/audit").items().get(0);
    }
}
