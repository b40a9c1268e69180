package ca.novascotia.lampss.realmconfig;

import ca.novascotia.lampss.realmconfig.CliOptions.Mode;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

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
            "userFederationMappers", "federatedUsers", "applications", "oauthClients",
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
            if (!file.json().has(key)) {
                continue;
            }
            if ("components".equals(key)) {
                List<String> others = new ArrayList<>();
                file.json().path(key).fieldNames().forEachRemaining(type -> {
                    if (!SecuritySettings.USER_PROFILE_PROVIDER_TYPE.equals(type)) {
                        others.add(type);
                    }
                });
                if (!others.isEmpty()) {
                    log.warn(name, "'components' other than the user profile " + others
                            + " are applied only when the realm is created; left alone in the existing realm");
                }
                continue;
            }
            log.warn(name, "'" + key + "' is applied only when the realm is created; left alone in the existing realm");
        }
        new ExistingRealm(name, keycloak.realm(name), file.json(), rep, mode, log).apply();
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


    // ------------------------------------------------------------------ helpers

    /** Runs a partial import (policy SKIP) and returns "TYPE|name" to action (ADDED, SKIPPED). */
    static Map<String, String> partialImport(String realmName, RealmResource realm, PartialImportRepresentation pi) {
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

    static String userName(UserRepresentation user) {
        return user.getUsername() != null ? user.getUsername() : user.getEmail();
    }

    static <T> List<T> list(List<T> list) {
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
