package ca.novascotia.lampss.realmconfig;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;

import java.util.List;

/**
 * Security settings the file ships, applied to an existing realm in both modes (an exception to "adds what is
 * missing and changes nothing that exists", listed in APPLY.md):
 * <ul>
 *   <li>the password grant (direct access grants) is turned off on every client the file ships with
 *       {@code "directAccessGrantsEnabled": false}, Keycloak's built-in {@code admin-cli} included;</li>
 *   <li>the shipped user profile (people may not change their own names and email) replaces Keycloak's default
 *       one, that is when the realm has no stored user-profile configuration; a configuration an administrator
 *       saved is never overwritten (a {@code !} line says so).</li>
 * </ul>
 */
final class SecuritySettings extends RealmPart {

    static final String USER_PROFILE_PROVIDER_TYPE = "org.keycloak.userprofile.UserProfileProvider";
    static final String DECLARATIVE_USER_PROFILE = "declarative-user-profile";
    static final String USER_PROFILE_CONFIG_KEY = "kc.user.profile.config";

    SecuritySettings(RealmPart realm) {
        super(realm);
    }

    void apply() {
        passwordGrantsOff();
        userProfile();
    }

    // ---- password grant

    private void passwordGrantsOff() {
        JsonNode fileClients = json.path("clients");
        for (JsonNode file : fileClients) {
            JsonNode flag = file.path("directAccessGrantsEnabled");
            String clientId = file.path("clientId").asText(null);
            if (clientId == null || !flag.isBoolean() || flag.asBoolean()) {
                continue;
            }
            String uuid = clientUuids().get(clientId);
            if (uuid == null) {
                continue; // reported by Clients
            }
            String what = "client " + clientId;
            ClientResource resource = realm.clients().get(uuid);
            ClientRepresentation current = call("read " + what, resource::toRepresentation);
            if (!Boolean.TRUE.equals(current.isDirectAccessGrantsEnabled())) {
                continue;
            }
            current.setDirectAccessGrantsEnabled(false);
            current.setSecret(null); // never rotate a live secret
            call("turn the password grant off on " + what, () -> {
                resource.update(current);
                return null;
            });
            log.updated(name, what + " (security: password grant turned off: directAccessGrantsEnabled)");
        }
    }

    // ---- user profile

    /** The user-profile configuration the file ships (as JSON), or null when it ships none. */
    static JsonNode shippedUserProfile(JsonNode realmFile) {
        for (JsonNode component : realmFile.path("components").path(USER_PROFILE_PROVIDER_TYPE)) {
            if (DECLARATIVE_USER_PROFILE.equals(component.path("providerId").asText())) {
                JsonNode value = component.path("config").path(USER_PROFILE_CONFIG_KEY);
                String text = value.isArray() ? value.path(0).asText("") : value.asText("");
                if (!text.isBlank()) {
                    return parse(text, "the shipped " + USER_PROFILE_CONFIG_KEY);
                }
            }
        }
        return null;
    }

    private void userProfile() {
        JsonNode shipped = shippedUserProfile(json);
        if (shipped == null) {
            return;
        }
        String what = "user profile";
        String realmId = call("read realm " + name, realm::toRepresentation).getId();
        List<ComponentRepresentation> stored = call("list user-profile components of " + name,
                () -> realm.components().query(realmId, USER_PROFILE_PROVIDER_TYPE));
        String storedConfig = stored.stream()
                .map(c -> c.getConfig() == null ? null : c.getConfig().getFirst(USER_PROFILE_CONFIG_KEY))
                .filter(s -> s != null && !s.isBlank()).findFirst().orElse(null);
        if (storedConfig == null) {
            UPConfig config = JsonTrees.fromTree(shipped, UPConfig.class);
            List<String> lost = JsonTrees.droppedFields(shipped, JsonTrees.toTree(config));
            if (!lost.isEmpty()) {
                throw new ApplyException("the shipped user profile has settings the admin client cannot send: " + lost);
            }
            call("set the user profile of " + name, () -> {
                realm.users().userProfile().update(config);
                return null;
            });
            log.updated(name, what + " (security: Keycloak's default replaced by the shipped one; people can no "
                    + "longer edit their own username, email, first or last name)");
            return;
        }
        JsonNode current = parse(storedConfig, "the realm's " + USER_PROFILE_CONFIG_KEY);
        if (JsonTrees.differences(shipped, current).isEmpty() && JsonTrees.differences(current, shipped).isEmpty()) {
            log.unchanged(name, what + " (as shipped)");
        } else {
            log.warn(name, what + " was configured by an administrator and differs from the shipped one; left alone "
                    + "(see APPLY.md, \"Security settings\")");
        }
    }

    private static JsonNode parse(String text, String what) {
        try {
            return JsonTrees.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new ApplyException(what + " is not JSON: " + e.getMessage(), e);
        }
    }
}
