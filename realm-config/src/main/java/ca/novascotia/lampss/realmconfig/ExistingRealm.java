package ca.novascotia.lampss.realmconfig;

import ca.novascotia.lampss.realmconfig.CliOptions.Mode;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.WebApplicationException;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The work on one existing realm: each kind of item is handled by its own {@link RealmPart}. */
final class ExistingRealm extends RealmPart {

    ExistingRealm(String name, RealmResource realm, JsonNode json, RealmRepresentation rep, Mode mode, ChangeLog log) {
        super(name, realm, json, rep, mode, log);
    }

    void apply() {
        ClientScopes scopes = new ClientScopes(this);
        scopes.clientScopes();
        scopes.realmDefaultClientScopes();
        authenticationFlows();
        Map<String, String> results = partialImportMissing();
        new Clients(this).clients(results);
        new SecuritySettings(this).apply(); // both modes: see SecuritySettings
        new Roles(this).roles(results);
        new IdentityProviders(this).identityProviders(results);
        groupsAndUsers(results);
        new ScopeMappings(this).scopeMappings();
        if (mode == Mode.UPDATE) {
            updateRealmSettings(); // last: settings may name flows created above
        }
    }

    // ---- realm settings (update mode)

    private void updateRealmSettings() {
        inPlace.apply("realm settings", "update realm settings of " + name,
                () -> JsonTrees.restrictTo(JsonTrees.toTree(rep), JsonTrees.without(json, RealmApplier.NOT_SETTINGS)),
                () -> JsonTrees.toTree(call("read realm " + name, realm::toRepresentation)),
                RealmRepresentation.class, realm::update);
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
        Map<String, String> results = RealmApplier.partialImport(name, realm, pi);
        forgetClientUuids();
        return results;
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
            String what = "user " + RealmApplier.userName(user);
            if ("ADDED".equals(results.get("USER|" + RealmApplier.userName(user)))) {
                log.added(name, what);
            } else {
                log.unchanged(name, what + " (exists" + (mode == Mode.UPDATE ? "; users are never changed)" : ")"));
            }
        }
    }
}
