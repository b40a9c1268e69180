package ca.novascotia.lampss.realmconfig;

import jakarta.ws.rs.NotFoundException;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.ScopeMappingRepresentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Scope mappings: roles mapped to client scopes or clients (only added). */
final class ScopeMappings extends RealmPart {

    ScopeMappings(RealmPart realm) {
        super(realm);
    }

    void scopeMappings() {
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
}
