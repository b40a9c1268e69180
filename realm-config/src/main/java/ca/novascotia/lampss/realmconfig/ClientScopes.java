package ca.novascotia.lampss.realmconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.ClientTemplateRepresentation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Client scopes (created when missing; updated in update mode) and the realm's default and optional client scopes (only added). */
final class ClientScopes extends RealmPart {

    ClientScopes(RealmPart realm) {
        super(realm);
    }

    /**
     * The file's client scopes, under {@code clientScopes} or under the older key
     * {@code clientTemplates} (which the realm file uses: Keycloak's import creates its built-in
     * scopes only when {@code clientScopes} is absent, and turns templates into client scopes).
     */
    void clientScopes() {
        apply(list(rep.getClientScopes()), json.path("clientScopes"));
        apply(list(rep.getClientTemplates()).stream().map(ClientScopes::asScope).toList(), json.path("clientTemplates"));
    }

    private void apply(List<ClientScopeRepresentation> wanted, JsonNode fileScopes) {
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, ClientScopeRepresentation> existing = call("list client scopes",
                () -> realm.clientScopes().findAll()).stream()
                .collect(Collectors.toMap(ClientScopeRepresentation::getName, s -> s, (a, b) -> a));
        for (int i = 0; i < wanted.size(); i++) {
            ClientScopeRepresentation scope = wanted.get(i);
            ClientScopeRepresentation have = existing.get(scope.getName());
            String what = "client scope " + scope.getName();
            if (have == null) {
                scope.setId(null);
                add(what, "create " + what, () -> realm.clientScopes().create(scope));
                continue;
            }
            JsonNode file = fileScopes.path(i);
            inPlace.apply(what, () -> desired(scope, file, "id", "name", "protocolMappers"), () -> {
                ObjectNode current = JsonTrees.toTree(have);
                current.remove("protocolMappers"); // handled one by one below
                return current;
            }, ClientScopeRepresentation.class, merged -> realm.clientScopes().get(have.getId()).update(merged));
            new ProtocolMappers(this).apply(what, realm.clientScopes().get(have.getId()).getProtocolMappers(),
                    scope.getProtocolMappers(), file.path("protocolMappers"));
        }
        forgetScopeIds();
    }

    /** The conversion Keycloak's import applies to a client template. */
    @SuppressWarnings("deprecation")
    private static ClientScopeRepresentation asScope(ClientTemplateRepresentation template) {
        ClientScopeRepresentation scope = new ClientScopeRepresentation();
        scope.setName(template.getName());
        scope.setDescription(template.getDescription());
        scope.setProtocol(template.getProtocol());
        scope.setAttributes(template.getAttributes());
        scope.setProtocolMappers(template.getProtocolMappers());
        return scope;
    }

    void realmDefaultClientScopes() {
        addRealmDefaultScopes(rep.getDefaultDefaultClientScopes(), true);
        addRealmDefaultScopes(rep.getDefaultOptionalClientScopes(), false);
    }

    private void addRealmDefaultScopes(List<String> wanted, boolean isDefault) {
        if (wanted == null || wanted.isEmpty()) {
            return;
        }
        String kind = isDefault ? "realm default client scope " : "realm optional client scope ";
        Set<String> have = new LinkedHashSet<>();
        call("list realm default client scopes", () -> realm.getDefaultDefaultClientScopes())
                .forEach(s -> have.add(s.getName()));
        call("list realm optional client scopes", () -> realm.getDefaultOptionalClientScopes())
                .forEach(s -> have.add(s.getName()));
        for (String scope : wanted) {
            if (have.contains(scope)) {
                continue;
            }
            String id = scopeIds().get(scope);
            if (id == null) {
                log.warn(name, kind + scope + ": no such client scope");
                continue;
            }
            call("add " + kind + scope, () -> {
                if (isDefault) {
                    realm.addDefaultDefaultClientScope(id);
                } else {
                    realm.addDefaultOptionalClientScope(id);
                }
                return null;
            });
            log.added(name, kind + scope);
        }
    }
}
