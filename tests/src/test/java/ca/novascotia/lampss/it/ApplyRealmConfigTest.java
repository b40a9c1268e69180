package ca.novascotia.lampss.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.util.ApiUtil;

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

    @Test
    void addsWhatIsMissingAndKeepsOrganizationsAndGrants() throws Exception {
        Result created = apply("add-missing");
        assertEquals(0, created.exit, created.output);
        RealmResource realm = admin.realm("lampss");
        ClientResource profiles = realm.clients().get(realm.clients().findByClientId("lampss").get(0).getId());
        assertEquals(21, profiles.roles().list().size());

        String organizations = realm.groups().groups("organizations", 0, 1).get(0).getId();
        GroupRepresentation org = new GroupRepresentation();
        org.setName("Example Learning Society");
        realm.groups().group(organizations).subGroup(org).close();
        String userId = createUserWith(realm, profiles, "ofa-user");
        profiles.roles().deleteRole("lm-read-only");

        Result repaired = apply("add-missing");
        assertEquals(0, repaired.exit, repaired.output);
        assertEquals(21, profiles.roles().list().size(), "the deleted profile came back\n" + repaired.output);
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
