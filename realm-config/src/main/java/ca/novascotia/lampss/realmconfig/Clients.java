package ca.novascotia.lampss.realmconfig;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ClientRepresentation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Clients: reported after the partial import and updated in update mode, with their client scopes (only added)
 * and protocol mappers.
 */
final class Clients extends RealmPart {

    Clients(RealmPart realm) {
        super(realm);
    }

    void clients(Map<String, String> results) {
        List<ClientRepresentation> wanted = list(rep.getClients());
        JsonNode fileClients = json.path("clients");
        for (int i = 0; i < wanted.size(); i++) {
            ClientRepresentation client = wanted.get(i);
            String clientId = client.getClientId();
            String what = "client " + clientId;
            String action = results.get("CLIENT|" + clientId);
            String uuid = clientUuids().get(clientId);
            if (uuid == null) {
                log.warn(name, what + " was not imported (Keycloak treats it as built-in)");
                continue;
            }
            ClientResource resource = realm.clients().get(uuid);
            JsonNode file = fileClients.path(i);
            if ("ADDED".equals(action)) {
                log.added(name, what);
                continue;
            }
            inPlace.apply(what,
                    () -> desired(client, file, "id", "clientId", "secret", "defaultClientScopes",
                            "optionalClientScopes", "protocolMappers", "authorizationSettings", "defaultRoles"),
                    () -> JsonTrees.toTree(call("read " + what, resource::toRepresentation)),
                    ClientRepresentation.class, merged -> {
                        merged.setSecret(null); // never rotate a live secret
                        resource.update(merged);
                    });
            clientScopeLinks(what, resource, client);
            new ProtocolMappers(this).apply(what, resource.getProtocolMappers(), client.getProtocolMappers(),
                    file.path("protocolMappers"));
        }
    }

    /** Adds default/optional client scopes the file gives a client and the client lacks. */
    private void clientScopeLinks(String what, ClientResource resource, ClientRepresentation client) {
        if (list(client.getDefaultClientScopes()).isEmpty() && list(client.getOptionalClientScopes()).isEmpty()) {
            return;
        }
        Set<String> linked = new LinkedHashSet<>();
        call("list default client scopes of " + what, resource::getDefaultClientScopes).forEach(s -> linked.add(s.getName()));
        call("list optional client scopes of " + what, resource::getOptionalClientScopes).forEach(s -> linked.add(s.getName()));
        for (String scope : list(client.getDefaultClientScopes())) {
            linkScope(what, resource, linked, scope, true);
        }
        for (String scope : list(client.getOptionalClientScopes())) {
            linkScope(what, resource, linked, scope, false);
        }
    }

    private void linkScope(String what, ClientResource resource, Set<String> linked, String scope, boolean isDefault) {
        if (linked.contains(scope)) {
            return;
        }
        String kind = isDefault ? "default" : "optional";
        String id = scopeIds().get(scope);
        if (id == null) {
            log.warn(name, what + ": " + kind + " client scope " + scope + " does not exist in the realm");
            return;
        }
        call("add " + kind + " client scope " + scope + " to " + what, () -> {
            if (isDefault) {
                resource.addDefaultClientScope(id);
            } else {
                resource.addOptionalClientScope(id);
            }
            return null;
        });
        log.added(name, kind + " client scope " + scope + " on " + what);
    }
}
