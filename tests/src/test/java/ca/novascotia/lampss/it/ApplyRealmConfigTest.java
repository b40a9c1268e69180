package ca.novascotia.lampss.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPAttributePermissions;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.util.ApiUtil;
import org.keycloak.util.JsonSerialization;

/**
 * The applier brings a running server's realm up to date with realm-config without losing data:
 * run as operators run it (its own process, the Java admin client, the shipped files).
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class ApplyRealmConfigTest {

    private static final Path CONFIG = Path.of(System.getProperty("lampss.realmConfigDir"));

    @InjectAdminClient
    Keycloak admin;

    @AfterEach
    void removeRealm() {
        if (admin.realms().findAll().stream().anyMatch(r -> "lampss".equals(r.getRealm()))) {
            admin.realm("lampss").remove();
        }
    }

    /**
     * The damage to repair (a profile missing, a profile mapped straight onto a user) is made on a realm
     * built by hand before realm-config existed, while it has no {@code /organizations} group: once it
     * has one, the server refuses both changes from the admin API (docs/identity-admins.md), so the
     * damage cannot be made afterwards on a realm the applier created. The organization and the grant
     * made there must survive add-missing, and the missing profiles come back.
     */
    @Test
    void addsWhatIsMissingAndKeepsOrganizationsAndGrants() throws Exception {
        RealmResource realm = bareRealm();
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("lampss");
        client.setBearerOnly(true);
        realm.clients().create(client).close();
        ClientResource profiles = realm.clients().get(realm.clients().findByClientId("lampss").get(0).getId());
        for (String profile : List.of("ofa-user", "ofa-read-only")) {
            RoleRepresentation role = new RoleRepresentation();
            role.setName(profile);
            profiles.roles().create(role);
        }
        String userId = createUserWith(realm, profiles, "ofa-user");
        profiles.roles().deleteRole("ofa-read-only");
        GroupRepresentation root = new GroupRepresentation();
        root.setName("organizations");
        realm.groups().add(root).close();
        String organizations = realm.groups().groups("organizations", 0, 1).get(0).getId();
        GroupRepresentation org = new GroupRepresentation();
        org.setName("Example Learning Society");
        realm.groups().group(organizations).subGroup(org).close();
        assertEquals(1, profiles.roles().list().size());

        Result repaired = apply("add-missing");
        assertEquals(0, repaired.exit, repaired.output);
        assertEquals(21, profiles.roles().list().size(), "the deleted and the missing profiles came back\n" + repaired.output);
        assertEquals(List.of("Example Learning Society"),
                realm.groups().group(organizations).getSubGroups(0, 10, true).stream().map(GroupRepresentation::getName).toList());
        assertEquals(List.of("ofa-user"), realm.users().get(userId).roles()
                .clientLevel(realm.clients().findByClientId("lampss").get(0).getId()).listAll().stream()
                .map(r -> r.getName()).toList());

        Result again = apply("update");
        assertEquals(0, again.exit, again.output);
        Result idle = apply("add-missing");
        assertTrue(idle.output.contains("Summary: no changes"), idle.output);
    }

    /**
     * A realm as Keycloak makes it (admin-cli with the password grant on, Keycloak's default user profile, where
     * people edit their own email): the applier turns the grant off and ships the profile, in add-missing mode.
     */
    @Test
    void turnsThePasswordGrantOffAndShipsTheUserProfileOnAnExistingRealm() throws Exception {
        RealmResource realm = bareRealm();
        String userId = createPerson(realm, "existing.person");
        createPasswordClient(realm, TOOL);
        assertEquals(200, passwordGrant("admin-cli", "existing.person").statusCode(),
                "Keycloak creates admin-cli with the password grant on");
        HttpResponse<String> changedBefore = postAccount(accessToken(TOOL, "existing.person"),
                Map.of("username", "existing.person", "email", "changed.by.person@example.ca",
                        "firstName", "Existing", "lastName", "Person"));
        assertEquals(204, changedBefore.statusCode(), "Keycloak's default profile lets people edit their email: " + changedBefore.body());
        assertEquals("changed.by.person@example.ca", realm.users().get(userId).toRepresentation().getEmail());
        UserRepresentation reset = realm.users().get(userId).toRepresentation();
        reset.setEmail("existing.person@example.ca");
        realm.users().get(userId).update(reset);

        Result applied = apply("add-missing");

        assertEquals(0, applied.exit, applied.output);
        assertTrue(applied.output.contains("lampss: ~ client admin-cli (security: password grant turned off"), applied.output);
        assertTrue(applied.output.contains("lampss: ~ user profile (security: Keycloak's default replaced"), applied.output);
        HttpResponse<String> refused = passwordGrant("admin-cli", "existing.person");
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("unauthorized_client", JsonSerialization.readValue(refused.body(), Map.class).get("error"), refused.body());
        HttpResponse<String> changedAfter = postAccount(accessToken(TOOL, "existing.person"),
                Map.of("username", "existing.person", "email", "changed.by.person@example.ca",
                        "firstName", "Someone", "lastName", "Else"));
        assertEquals(400, changedAfter.statusCode(), changedAfter.body());
        assertTrue(changedAfter.body().contains("error-user-attribute-read-only"), changedAfter.body());
        UserRepresentation kept = realm.users().get(userId).toRepresentation();
        assertEquals(List.of("existing.person@example.ca", "Existing", "Person"),
                List.of(kept.getEmail(), kept.getFirstName(), kept.getLastName()));

        Result again = apply("add-missing");
        assertTrue(again.output.contains("lampss: = user profile (as shipped)"), again.output);
        assertTrue(again.output.contains("Summary: no changes"), again.output);
    }

    @Test
    void leavesAUserProfileAnAdministratorConfiguredAlone() throws Exception {
        RealmResource realm = bareRealm();
        UPConfig custom = realm.users().userProfile().getConfiguration();
        UPAttribute department = new UPAttribute("department");
        department.setPermissions(new UPAttributePermissions(java.util.Set.of("admin", "user"), java.util.Set.of("admin", "user")));
        custom.addOrReplaceAttribute(department);
        realm.users().userProfile().update(custom);

        Result applied = apply("update");

        assertEquals(0, applied.exit, applied.output);
        assertTrue(applied.output.contains("lampss: ! user profile was configured by an administrator"), applied.output);
        UPConfig after = realm.users().userProfile().getConfiguration();
        assertTrue(after.getAttribute("department") != null, "the administrator's attribute is kept");
        assertTrue(after.getAttribute("email").getPermissions().getEdit().contains("user"), "and their permissions");
        assertEquals(400, passwordGrant("admin-cli", "nobody").statusCode(), "the password grant is off all the same");
        assertTrue(applied.output.contains("lampss: ~ client admin-cli"), applied.output);
    }

    private static final String TOOL = "account-test-tool";
    private static final String PASSWORD = "Test-password-1";
    private final HttpClient http = HttpClient.newHttpClient();

    /** A realm {@code lampss} as Keycloak makes it when nothing but its name is given. */
    private RealmResource bareRealm() {
        RealmRepresentation bare = new RealmRepresentation();
        bare.setRealm("lampss");
        bare.setEnabled(true);
        admin.realms().create(bare);
        return admin.realm("lampss");
    }

    private static String createPerson(RealmResource realm, String username) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@example.ca");
        user.setFirstName("Existing");
        user.setLastName("Person");
        user.setEnabled(true);
        user.setEmailVerified(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        try (Response response = realm.users().create(user)) {
            return ApiUtil.getCreatedId(response);
        }
    }

    /** A public client of the test's own with the password grant, which the applier must leave alone (the file does not ship it). */
    private static void createPasswordClient(RealmResource realm, String clientId) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setStandardFlowEnabled(false);
        realm.clients().create(client).close();
    }

    private HttpResponse<String> passwordGrant(String clientId, String username) throws Exception {
        String form = "grant_type=password&client_id=" + enc(clientId) + "&username=" + enc(username)
                + "&password=" + enc(PASSWORD) + "&scope=openid";
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:8080/realms/lampss/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String accessToken(String clientId, String username) throws Exception {
        HttpResponse<String> response = passwordGrant(clientId, username);
        assertEquals(200, response.statusCode(), response.body());
        return (String) JsonSerialization.readValue(response.body(), Map.class).get("access_token");
    }

    /** Keycloak's account REST API (what the account console calls): the person updates their own account. */
    private HttpResponse<String> postAccount(String token, Map<String, Object> body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:8080/realms/lampss/account/"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsonSerialization.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aBadOptionIsRefusedWithUsage() throws Exception {
        Result bad = run(List.of("--url", "http://localhost:8080", "--user", "admin", "--password", "admin",
                "--mode", "sometimes", CONFIG.resolve("realms/lampss-realm.json").toString()));

        assertEquals(2, bad.exit, bad.output);
        assertTrue(bad.output.contains("--mode"), bad.output);
        assertTrue(admin.realms().findAll().stream().noneMatch(r -> "lampss".equals(r.getRealm())), "nothing applied");
    }

    private static String createUserWith(RealmResource realm, ClientResource profiles, String profile) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername("kept.user");
        user.setEnabled(true);
        try (Response response = realm.users().create(user)) {
            String id = ApiUtil.getCreatedId(response);
            realm.users().get(id).roles().clientLevel(profiles.toRepresentation().getId())
                    .add(List.of(profiles.roles().get(profile).toRepresentation()));
            return id;
        }
    }

    private Result apply(String mode) throws IOException, InterruptedException {
        return run(List.of("--url", "http://localhost:8080", "--user", "admin", "--password", "admin",
                "--mode", mode, CONFIG.resolve("realms/lampss-realm.json").toString()));
    }

    private Result run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("lampss.realmConfigCli")));
        command.addAll(args);
        Path log = Files.createTempFile("applier", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "applier finished within 2 minutes");
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {
    }
}
