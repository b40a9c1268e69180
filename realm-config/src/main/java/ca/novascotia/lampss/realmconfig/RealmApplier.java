package ca.novascotia.lampss.realmconfig;

import ca.novascotia.lampss.realmconfig.CliOptions.Mode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.ProtocolMappersResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleResource;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.RolesRepresentation;
import org.keycloak.representations.idm.ScopeMappingRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Applies one {@link ConfigFile} to a running Keycloak through the admin client, adding what is
 * missing and (in {@link Mode#UPDATE}) updating shipped items in place. It never deletes anything
 * and never uses partial import's OVERWRITE policy (which deletes and re-creates).
 */
public final class RealmApplier {

    /** Top-level realm keys that are not plain realm settings. */
    static final Set<String> NOT_SETTINGS = Set.of(
            "id", "realm", "users", "roles", "groups", "clients", "clientScopes", "clientScopeMappings",
            "scopeMappings", "identityProviders", "identityProviderMappers", "authenticationFlows",
            "authenticatorConfig", "defaultDefaultClientScopes", "defaultOptionalClientScopes", "components",
            "requiredActions", "localizationTexts", "organizations", "userFederationProviders",
            "userFederationMappers", "federatedUsers", "applications", "oauthClients", "clientTemplates",
            "protocolMappers", "defaultRoles", "defaultRole", "defaultGroups", "keycloakVersion",
            "applicationScopeMappings", "social", "socialProviders", "updateProfileOnInitialSocialLogin");

    /** Keys that are applied when a realm is created but not to an existing realm. */
    static final Set<String> CREATE_ONLY = Set.of(
            "components", "requiredActions", "localizationTexts", "organizations", "userFederationProviders",
            "userFederationMappers", "federatedUsers", "applications", "oauthClients", "clientTemplates",
            "protocolMappers", "defaultRoles", "defaultRole", "defaultGroups", "applicationScopeMappings");

    private final Keycloak keycloak;
    private final Mode mode;
    private final ChangeLog log;

    public RealmApplier(Keycloak keycloak, Mode mode, ChangeLog log) {
        this.keycloak = keycloak;
        this.mode = mode;
        this.log = log;
    }

    public void apply(ConfigFile file) {
        switch (file.kind()) {
            case REALM -> applyRealmFile(file);
            case USERS -> applyUsersFile(file);
            default -> throw new IllegalStateException(String.valueOf(file.kind()));
        }
    }

    // ------------------------------------------------------------------ files

    private void applyRealmFile(ConfigFile file) {
        String name = file.realm();
        RealmRepresentation rep = JsonTrees.fromTree(file.json(), RealmRepresentation.class);
        for (String path : JsonTrees.droppedFields(file.json(), JsonTrees.toTree(rep))) {
            log.warn(name, "'" + path + "' in " + file.source() + " is not known to the admin client and is ignored");
        }
        if (!realmExists(name)) {
            call("create realm " + name, () -> {
                keycloak.realms().create(rep);
                return null;
            });
            log.added(name, "realm " + name + " (created whole from " + file.source() + ": " + describe(rep) + ")");
            return;
        }
        for (String key : CREATE_ONLY) {
            if (file.json().has(key)) {
                log.warn(name, "'" + key + "' is applied only when the realm is created; left alone in the existing realm");
            }
        }
        Existing realm = new Existing(name, keycloak.realm(name), file.json(), rep);
        realm.apply();
    }

    private void applyUsersFile(ConfigFile file) {
        String name = file.realm();
        if (!realmExists(name)) {
            throw new ApplyException("realm '" + name + "' does not exist; apply its realm file first");
        }
        List<UserRepresentation> users = JsonTrees.fromTree(file.json(), RealmRepresentation.class).getUsers();
        if (users == null || users.isEmpty()) {
            log.info(name + ": (no users in " + file.source() + ")");
            return;
        }
        RealmResource realm = keycloak.realm(name);
        PartialImportRepresentation pi = new PartialImportRepresentation();
        pi.setIfResourceExists(PartialImportRepresentation.Policy.SKIP.name());
        pi.setUsers(users);
        Map<String, String> results = partialImport(name, realm, pi);
        for (UserRepresentation user : users) {
            String key = "USER|" + userName(user);
            if ("ADDED".equals(results.get(key))) {
                log.added(name, "user " + userName(user));
            } else {
                log.unchanged(name, "user " + userName(user) + " (exists)");
            }
        }
    }

    private boolean realmExists(String name) {
        try {
            keycloak.realm(name).toRepresentation();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (WebApplicationException e) {
            throw ApplyException.from(e, "read realm " + name);
        }
    }

    // ------------------------------------------------------------------ an existing realm

    /** The work on one existing realm. */
    private final class Existing {
        private final String name;
        private final RealmResource realm;
        private final JsonNode json;
        private final RealmRepresentation rep;
        private Map<String, String> clientUuids;
        private Map<String, String> scopeIds;
        private final InPlaceUpdate inPlace;

        Existing(String name, RealmResource realm, JsonNode json, RealmRepresentation rep) {
            this.name = name;
            this.realm = realm;
            this.json = json;
            this.rep = rep;
            this.inPlace = new InPlaceUpdate(log, name, mode);
        }

        void apply() {
            clientScopes();
            realmDefaultClientScopes();
            authenticationFlows();
            Map<String, String> results = partialImportMissing();
            clients(results);
            roles(results);
            identityProviders(results);
            groupsAndUsers(results);
            scopeMappings();
            if (mode == Mode.UPDATE) {
                updateRealmSettings(); // last: settings may name flows created above
            }
        }

        // ---- realm settings (update mode)

        private void updateRealmSettings() {
            inPlace.apply("realm settings", "update realm settings of " + name,
                    () -> JsonTrees.restrictTo(JsonTrees.toTree(rep), JsonTrees.without(json, NOT_SETTINGS)),
                    () -> JsonTrees.toTree(call("read realm " + name, realm::toRepresentation)),
                    RealmRepresentation.class, realm::update);
        }

        // ---- client scopes

        private void clientScopes() {
            List<ClientScopeRepresentation> wanted = list(rep.getClientScopes());
            if (wanted.isEmpty()) {
                return;
            }
            Map<String, ClientScopeRepresentation> existing = call("list client scopes",
                    () -> realm.clientScopes().findAll()).stream()
                    .collect(Collectors.toMap(ClientScopeRepresentation::getName, s -> s, (a, b) -> a));
            JsonNode fileScopes = json.path("clientScopes");
            for (int i = 0; i < wanted.size(); i++) {
                ClientScopeRepresentation scope = wanted.get(i);
                ClientScopeRepresentation have = existing.get(scope.getName());
                String what = "client scope " + scope.getName();
                if (have == null) {
                    scope.setId(null);
                    try (Response response = call("create " + what, () -> realm.clientScopes().create(scope))) {
                        ApplyException.check(response, "create " + what);
                    }
                    log.added(name, what);
                    continue;
                }
                JsonNode file = fileScopes.path(i);
                inPlace.apply(what, () -> desired(scope, file, "id", "name", "protocolMappers"), () -> {
                    ObjectNode current = JsonTrees.toTree(have);
                    current.remove("protocolMappers"); // handled one by one below
                    return current;
                }, ClientScopeRepresentation.class, merged -> realm.clientScopes().get(have.getId()).update(merged));
                protocolMappers(what, realm.clientScopes().get(have.getId()).getProtocolMappers(),
                        scope.getProtocolMappers(), file.path("protocolMappers"));
            }
            scopeIds = null;
        }

        private void realmDefaultClientScopes() {
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

        // ---- authentication flows (added whole when missing; existing flows are left alone)

        private void authenticationFlows() {
            List<AuthenticationFlowRepresentation> wanted = list(rep.getAuthenticationFlows());
            if (wanted.isEmpty()) {
                return;
            }
            Set<String> existing = call("list authentication flows", () -> realm.flows().getFlows()).stream()
                    .map(AuthenticationFlowRepresentation::getAlias).collect(Collectors.toSet());
            FlowCreator creator = new FlowCreator(realm.flows(), rep.getAuthenticationFlows(), rep.getAuthenticatorConfig());
            for (AuthenticationFlowRepresentation flow : wanted) {
                if (!flow.isTopLevel()) {
                    continue; // created with the flow that uses it
                }
                String what = "authentication flow '" + flow.getAlias() + "'";
                if (existing.contains(flow.getAlias())) {
                    log.unchanged(name, what + " (exists)");
                    continue;
                }
                int executions;
                try {
                    executions = creator.create(flow);
                } catch (WebApplicationException e) {
                    throw ApplyException.from(e, "create " + what);
                }
                log.added(name, what + " (" + executions + (executions == 1 ? " execution" : " executions") + ")");
                creator.notes().forEach(note -> log.warn(name, what + ": " + note));
            }
        }

        // ---- partial import (SKIP) of clients, roles, identity providers and mappers, groups, users

        private Map<String, String> partialImportMissing() {
            PartialImportRepresentation pi = new PartialImportRepresentation();
            pi.setIfResourceExists(PartialImportRepresentation.Policy.SKIP.name());
            pi.setClients(rep.getClients());
            pi.setRoles(rep.getRoles());
            List<GroupRepresentation> groups = rep.getGroups();
            if (groups != null) {
                groups.forEach(g -> {
                    if (g.getPath() == null) {
                        g.setPath("/" + g.getName());
                    }
                });
            }
            pi.setGroups(groups);
            pi.setIdentityProviders(rep.getIdentityProviders());
            pi.setIdentityProviderMappers(rep.getIdentityProviderMappers());
            pi.setUsers(rep.getUsers());
            boolean empty = list(pi.getClients()).isEmpty() && list(pi.getGroups()).isEmpty()
                    && list(pi.getIdentityProviders()).isEmpty() && list(pi.getIdentityProviderMappers()).isEmpty()
                    && list(pi.getUsers()).isEmpty() && (pi.getRoles() == null
                    || (list(pi.getRoles().getRealm()).isEmpty() && (pi.getRoles().getClient() == null
                    || pi.getRoles().getClient().isEmpty())));
            if (empty) {
                return Map.of();
            }
            Map<String, String> results = partialImport(name, realm, pi);
            clientUuids = null;
            return results;
        }

        // ---- clients

        private void clients(Map<String, String> results) {
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
                protocolMappers(what, resource.getProtocolMappers(), client.getProtocolMappers(),
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

        // ---- roles

        private void roles(Map<String, String> results) {
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

        // ---- identity providers and their mappers

        private void identityProviders(Map<String, String> results) {
            List<IdentityProviderRepresentation> idps = list(rep.getIdentityProviders());
            JsonNode fileIdps = json.path("identityProviders");
            for (int i = 0; i < idps.size(); i++) {
                IdentityProviderRepresentation idp = idps.get(i);
                String alias = idp.getAlias();
                String what = "identity provider " + alias;
                if ("ADDED".equals(results.get("IDP|" + alias))) {
                    log.added(name, what);
                    continue;
                }
                var resource = realm.identityProviders().get(alias);
                JsonNode file = fileIdps.path(i);
                inPlace.apply(what, () -> desired(idp, file, "internalId", "alias"),
                        () -> JsonTrees.toTree(call("read " + what, resource::toRepresentation)),
                        IdentityProviderRepresentation.class, resource::update);
            }

            List<IdentityProviderMapperRepresentation> mappers = list(rep.getIdentityProviderMappers());
            JsonNode fileMappers = json.path("identityProviderMappers");
            Map<String, List<IdentityProviderMapperRepresentation>> currentByAlias = new HashMap<>();
            for (int i = 0; i < mappers.size(); i++) {
                IdentityProviderMapperRepresentation mapper = mappers.get(i);
                String alias = mapper.getIdentityProviderAlias();
                String what = "identity provider mapper " + alias + "/" + mapper.getName();
                if ("ADDED".equals(results.get("IDP_MAPPER|" + mapper.getName()))) {
                    log.added(name, what);
                    continue;
                }
                var resource = realm.identityProviders().get(alias);
                List<IdentityProviderMapperRepresentation> current = currentByAlias.computeIfAbsent(alias,
                        a -> call("list mappers of identity provider " + a, resource::getMappers));
                IdentityProviderMapperRepresentation have = current.stream()
                        .filter(m -> mapper.getName().equals(m.getName())).findFirst().orElse(null);
                if (have == null) {
                    // not there (e.g. the partial import skipped it for a same-named mapper of another provider)
                    IdentityProviderMapperRepresentation create = JsonTrees.fromTree(JsonTrees.toTree(mapper),
                            IdentityProviderMapperRepresentation.class);
                    create.setId(null);
                    try (Response response = call("add " + what, () -> resource.addMapper(create))) {
                        ApplyException.check(response, "add " + what);
                    }
                    log.added(name, what);
                    continue;
                }
                JsonNode file = fileMappers.path(i);
                inPlace.apply(what, () -> desired(mapper, file, "id", "name", "identityProviderAlias"),
                        () -> JsonTrees.toTree(have), IdentityProviderMapperRepresentation.class,
                        merged -> resource.update(have.getId(), merged));
            }
        }

        // ---- groups and users: only added, never changed

        private void groupsAndUsers(Map<String, String> results) {
            for (GroupRepresentation group : list(rep.getGroups())) {
                String what = "group " + group.getPath();
                if ("ADDED".equals(results.get("GROUP|" + group.getName()))) {
                    log.added(name, what);
                } else {
                    log.unchanged(name, what + " (exists" + (mode == Mode.UPDATE ? "; groups are never changed)" : ")"));
                }
            }
            for (UserRepresentation user : list(rep.getUsers())) {
                String what = "user " + userName(user);
                if ("ADDED".equals(results.get("USER|" + userName(user)))) {
                    log.added(name, what);
                } else {
                    log.unchanged(name, what + " (exists" + (mode == Mode.UPDATE ? "; users are never changed)" : ")"));
                }
            }
        }

        // ---- scope mappings: roles mapped to client scopes or clients (only added)

        private void scopeMappings() {
            if (rep.getClientScopeMappings() != null) {
                for (Map.Entry<String, List<ScopeMappingRepresentation>> entry : rep.getClientScopeMappings().entrySet()) {
                    String roleClientId = entry.getKey();
                    String roleClientUuid = clientUuids().get(roleClientId);
                    if (roleClientUuid == null) {
                        log.warn(name, "client scope mappings of client " + roleClientId + ": no such client");
                        continue;
                    }
                    for (ScopeMappingRepresentation mapping : list(entry.getValue())) {
                        RoleScopeResource target = target(mapping, "roles of " + roleClientId, true, roleClientUuid);
                        if (target != null) {
                            addMissingScopeRoles(target, mapping, roleClientId,
                                    role -> realm.clients().get(roleClientUuid).roles().get(role).toRepresentation());
                        }
                    }
                }
            }
            for (ScopeMappingRepresentation mapping : list(rep.getScopeMappings())) {
                RoleScopeResource target = target(mapping, "realm roles", false, null);
                if (target != null) {
                    addMissingScopeRoles(target, mapping, null, role -> realm.roles().get(role).toRepresentation());
                }
            }
        }

        private RoleScopeResource target(ScopeMappingRepresentation mapping, String roles, boolean clientLevel,
                                         String roleClientUuid) {
            if (mapping.getClientScope() != null) {
                String id = scopeIds().get(mapping.getClientScope());
                if (id == null) {
                    log.warn(name, "scope mapping of " + roles + " to client scope " + mapping.getClientScope()
                            + ": no such client scope");
                    return null;
                }
                var mappings = realm.clientScopes().get(id).getScopeMappings();
                return clientLevel ? mappings.clientLevel(roleClientUuid) : mappings.realmLevel();
            }
            if (mapping.getClient() != null) {
                String uuid = clientUuids().get(mapping.getClient());
                if (uuid == null) {
                    log.warn(name, "scope mapping of " + roles + " to client " + mapping.getClient() + ": no such client");
                    return null;
                }
                var mappings = realm.clients().get(uuid).getScopeMappings();
                return clientLevel ? mappings.clientLevel(roleClientUuid) : mappings.realmLevel();
            }
            log.warn(name, "scope mapping of " + roles + " names neither clientScope nor client; skipped");
            return null;
        }

        private void addMissingScopeRoles(RoleScopeResource target, ScopeMappingRepresentation mapping,
                                          String roleClientId, java.util.function.Function<String, RoleRepresentation> lookup) {
            String to = mapping.getClientScope() != null ? "client scope " + mapping.getClientScope()
                    : "client " + mapping.getClient();
            String from = roleClientId == null ? "realm roles" : "roles of " + roleClientId;
            Set<String> wanted = mapping.getRoles() == null ? Set.of() : new java.util.TreeSet<>(mapping.getRoles());
            Set<String> have = call("list scope mappings of " + to, target::listAll).stream()
                    .map(RoleRepresentation::getName).collect(Collectors.toSet());
            List<String> missing = wanted.stream().filter(r -> !have.contains(r)).toList();
            String what = "scope mapping " + to + " <- " + from;
            if (missing.isEmpty()) {
                log.unchanged(name, what + " (all " + wanted.size() + " present)");
                return;
            }
            List<RoleRepresentation> toAdd = new ArrayList<>();
            for (String role : missing) {
                try {
                    toAdd.add(lookup.apply(role));
                } catch (NotFoundException e) {
                    log.warn(name, what + ": role " + role + " does not exist");
                }
            }
            if (toAdd.isEmpty()) {
                return;
            }
            call("add " + what, () -> {
                target.add(toAdd);
                return null;
            });
            log.added(name, what + ": " + toAdd.stream().map(RoleRepresentation::getName).collect(Collectors.joining(", ")));
        }

        // ---- protocol mappers of clients and client scopes (added; updated in update mode)

        private void protocolMappers(String owner, ProtocolMappersResource resource,
                                     List<ProtocolMapperRepresentation> wanted, JsonNode fileMappers) {
            if (wanted == null || wanted.isEmpty()) {
                return;
            }
            Map<String, ProtocolMapperRepresentation> have = call("list protocol mappers of " + owner, resource::getMappers)
                    .stream().collect(Collectors.toMap(ProtocolMapperRepresentation::getName, m -> m, (a, b) -> a));
            for (int i = 0; i < wanted.size(); i++) {
                ProtocolMapperRepresentation mapper = wanted.get(i);
                String what = "protocol mapper '" + mapper.getName() + "' of " + owner;
                ProtocolMapperRepresentation existing = have.get(mapper.getName());
                if (existing == null) {
                    mapper.setId(null);
                    try (Response response = call("add " + what, () -> resource.createMapper(mapper))) {
                        ApplyException.check(response, "add " + what);
                    }
                    log.added(name, what);
                    continue;
                }
                JsonNode file = fileMappers.path(i);
                inPlace.apply(what, () -> desired(mapper, file, "id", "name"), () -> JsonTrees.toTree(existing),
                        ProtocolMapperRepresentation.class, merged -> resource.update(existing.getId(), merged));
            }
        }

        // ---- lookups

        private Map<String, String> clientUuids() {
            if (clientUuids == null) {
                clientUuids = new HashMap<>();
                call("list clients of " + name, () -> realm.clients().findAll())
                        .forEach(c -> clientUuids.put(c.getClientId(), c.getId()));
            }
            return clientUuids;
        }

        private Map<String, String> scopeIds() {
            if (scopeIds == null) {
                scopeIds = new HashMap<>();
                call("list client scopes of " + name, () -> realm.clientScopes().findAll())
                        .forEach(s -> scopeIds.put(s.getName(), s.getId()));
            }
            return scopeIds;
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Runs a partial import (policy SKIP) and returns "TYPE|name" to action (ADDED, SKIPPED). */
    private static Map<String, String> partialImport(String realmName, RealmResource realm, PartialImportRepresentation pi) {
        String body;
        try (Response response = call("partial import into " + realmName, () -> realm.partialImport(pi))) {
            ApplyException.check(response, "partial import into " + realmName);
            body = response.readEntity(String.class);
        }
        Map<String, String> out = new HashMap<>();
        try {
            JsonNode results = JsonTrees.MAPPER.readTree(body).path("results");
            for (JsonNode result : results) {
                out.put(resourceType(result.path("resourceType").asText()) + "|" + result.path("resourceName").asText(),
                        result.path("action").asText().toUpperCase(Locale.ROOT));
            }
        } catch (Exception e) {
            throw new ApplyException("partial import into " + realmName + ": cannot read the result: " + e.getMessage(), e);
        }
        return out;
    }

    /** Normalises the result's resource type whether it comes as enum name or display name. */
    static String resourceType(String type) {
        String t = type.toUpperCase(Locale.ROOT).replace(' ', '_');
        return switch (t) {
            case "IDENTITY_PROVIDER" -> "IDP";
            case "IDENTITY_PROVIDER_MAPPER" -> "IDP_MAPPER";
            default -> t;
        };
    }

    /** What the file asks of an item: its typed form restricted to the keys the file spells out, minus {@code skip}. */
    private static JsonNode desired(Object typed, JsonNode file, String... skip) {
        return JsonTrees.restrictTo(JsonTrees.toTree(typed), JsonTrees.without(file, Set.of(skip)));
    }

    private static String userName(UserRepresentation user) {
        return user.getUsername() != null ? user.getUsername() : user.getEmail();
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String describe(RealmRepresentation rep) {
        List<String> parts = new ArrayList<>();
        count(parts, list(rep.getClients()).size(), "client");
        int roles = 0;
        if (rep.getRoles() != null) {
            roles += list(rep.getRoles().getRealm()).size();
            if (rep.getRoles().getClient() != null) {
                roles += rep.getRoles().getClient().values().stream().mapToInt(l -> list(l).size()).sum();
            }
        }
        count(parts, roles, "role");
        count(parts, list(rep.getGroups()).size(), "group");
        count(parts, list(rep.getClientScopes()).size(), "client scope");
        count(parts, list(rep.getIdentityProviders()).size(), "identity provider");
        count(parts, (int) list(rep.getAuthenticationFlows()).stream().filter(AuthenticationFlowRepresentation::isTopLevel).count(),
                "authentication flow");
        count(parts, list(rep.getUsers()).size(), "user");
        return parts.isEmpty() ? "settings only" : String.join(", ", parts);
    }

    private static void count(List<String> parts, int n, String noun) {
        if (n > 0) {
            parts.add(n + " " + noun + (n == 1 ? "" : "s"));
        }
    }

    /** Runs an admin call, turning an HTTP error into an {@link ApplyException} that says what was attempted. */
    static <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (WebApplicationException e) {
            throw ApplyException.from(e, what);
        }
    }
}
