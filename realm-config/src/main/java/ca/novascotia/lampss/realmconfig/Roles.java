package ca.novascotia.lampss.realmconfig;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.admin.client.resource.RoleResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.RolesRepresentation;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Realm and client roles: reported after the partial import, updated in update mode. */
final class Roles extends RealmPart {

    Roles(RealmPart realm) {
        super(realm);
    }

    void roles(Map<String, String> results) {
        RolesRepresentation roles = rep.getRoles();
        if (roles == null) {
            return;
        }
        JsonNode fileRealmRoles = json.path("roles").path("realm");
        List<RoleRepresentation> realmRoles = list(roles.getRealm());
        for (int i = 0; i < realmRoles.size(); i++) {
            RoleRepresentation role = realmRoles.get(i);
            String what = "realm role " + role.getName();
            boolean added = "ADDED".equals(results.get("REALM_ROLE|" + role.getName()));
            role(what, added, role, fileRealmRoles.path(i), () -> realm.roles().get(role.getName()));
        }
        if (roles.getClient() == null) {
            return;
        }
        for (Map.Entry<String, List<RoleRepresentation>> entry : roles.getClient().entrySet()) {
            String clientId = entry.getKey();
            JsonNode fileRoles = json.path("roles").path("client").path(clientId);
            List<RoleRepresentation> clientRoles = list(entry.getValue());
            for (int i = 0; i < clientRoles.size(); i++) {
                RoleRepresentation role = clientRoles.get(i);
                String what = "role " + clientId + "/" + role.getName();
                boolean added = "ADDED".equals(results.get("CLIENT_ROLE|" + clientId + "-->" + role.getName()));
                role(what, added, role, fileRoles.path(i),
                        () -> realm.clients().get(clientUuids().get(clientId)).roles().get(role.getName()));
            }
        }
    }

    private void role(String what, boolean added, RoleRepresentation role, JsonNode file, Supplier<RoleResource> resource) {
        if (added) {
            log.added(name, what);
            return;
        }
        // resource is a supplier so that add-missing mode never looks the role up
        inPlace.apply(what,
                () -> desired(role, file, "id", "name", "clientRole", "containerId", "composite", "composites"),
                () -> JsonTrees.toTree(call("read " + what, resource.get()::toRepresentation)),
                RoleRepresentation.class, merged -> resource.get().update(merged));
    }
}
