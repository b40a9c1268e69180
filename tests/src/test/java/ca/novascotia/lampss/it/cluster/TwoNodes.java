package ca.novascotia.lampss.it.cluster;

import ca.novascotia.lampss.it.postgres.Postgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.keycloak.testframework.mail.MailServer;

/**
 * Two Keycloak nodes with our jar on one new PostgreSQL database, a balancer in front (the public
 * address every node names in tokens and links), and a GreenMail SMTP server: what production looks
 * like when one machine is not enough. Node A creates the schema and imports the realms; node B joins.
 */
final class TwoNodes implements AutoCloseable {

    static final String CLEANUP_INTERVAL_SECONDS = "2";
    private static final Path WORK = Path.of("target", "cluster").toAbsolutePath();

    final String database;
    final Balancer balancer;
    /** GreenMail, through the test framework's handle on it, so Fixture reads the invitations here too. */
    final MailServer mail;
    private final int mailPort;
    final KeycloakNode a;
    final KeycloakNode b;
    long readyMillisA;
    long readyMillisB;
    long buildMillis;

    TwoNodes() throws Exception {
        database = Postgres.createDatabase("lampss_cluster");
        balancer = new Balancer();
        mailPort = KeycloakNode.freePort();
        mail = new MailServer("127.0.0.1", mailPort);
        a = new KeycloakNode("node-a", WORK.resolve("node-a"));
        b = new KeycloakNode("node-b", WORK.resolve("node-b"));
    }

    /** Unpacks and builds the distribution once, then starts A (schema, realms), then B. */
    void start() throws Exception {
        long started = System.nanoTime();
        buildDistribution(a.home);
        copyTree(a.home, b.home);
        buildMillis = (System.nanoTime() - started) / 1_000_000;
        importRealmsAtFirstStart(a.home);
        balancer.sendTo(a);
        a.start(options("--import-realm"), environment());
        readyMillisA = a.awaitReady(Duration.ofMinutes(20));
        b.start(options(), environment());
        readyMillisB = b.awaitReady(Duration.ofMinutes(20));
    }

    /** Starts a node again after it was killed or stopped, as a member of the same cluster. */
    void restart(KeycloakNode node) throws Exception {
        node.start(options(), environment());
        node.awaitReady(Duration.ofMinutes(20));
    }

    private List<String> options(String... extra) {
        List<String> options = new ArrayList<>(List.of(
                "--cache=ispn", "--db-url=" + Postgres.url(database), "--db-username=" + Postgres.user(), "--db-password=" + Postgres.password(),
                "--hostname=" + balancer.url(),
                "--spi-realm-restapi-extension--lampss--invitation-cleanup-interval=" + CLEANUP_INTERVAL_SECONDS,
                "--spi-realm-restapi-extension--lampss--api-clients=" + ca.novascotia.lampss.it.LampssServerConfig.API_CLIENTS,
                // Onboarding: each node looks for work every second and takes over a job left for 5 s.
                "--spi-realm-restapi-extension--lampss--onboarding-poll-interval=1",
                "--spi-realm-restapi-extension--lampss--onboarding-lease=5",
                // One debug line per clean-up run and per access upkeep pass, naming its period.
                "--log-level=INFO,ca.novascotia.lampss.invitation.cleanup.InvitationCleanup:debug,ca.novascotia.lampss.upkeep.AccessUpkeep:debug"));
        options.addAll(List.of(extra));
        return options;
    }

    /** The placeholders of realm-config/ (README): every public URL is the balancer's. */
    private Map<String, String> environment() {
        return Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                "LAMPSS_MYNS_URL", balancer.url() + "/realms/mynsaccount",
                "LAMPSS_BROKER_URL", balancer.url() + "/realms/lampss",
                "LAMPSS_SMTP_HOST", "127.0.0.1",
                "LAMPSS_SMTP_PORT", String.valueOf(mailPort));
    }

    private static void buildDistribution(Path home) throws Exception {
        deleteTree(WORK);
        Files.createDirectories(WORK);
        unzip(Path.of(System.getProperty("lampss.keycloakDist")), WORK);
        try (Stream<Path> unpacked = Files.list(WORK)) {
            Files.move(unpacked.filter(p -> p.getFileName().toString().startsWith("keycloak-")).findFirst().orElseThrow(), home);
        }
        Files.copy(Path.of(System.getProperty("lampss.providersJar")), home.resolve("providers/lampss-keycloak-providers.jar"));
        // Node A imports both realms in one transaction at first start; on a busy two-core machine that
        // took longer than Keycloak's 300 s transaction timeout (26.5.6 has no option for it; this file is
        // its documented way).
        Files.writeString(home.resolve("conf/quarkus.properties"), "quarkus.transaction-manager.default-transaction-timeout=1800\n");
        Process build = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "build", "--db=postgres",
                "--features=dynamic-scopes", "--health-enabled=true")
                .redirectErrorStream(true).redirectOutput(WORK.resolve("build.log").toFile()).start();
        if (build.waitFor() != 0) {
            throw new IllegalStateException("kc.sh build failed: " + Files.readString(WORK.resolve("build.log")));
        }
    }

    private static void importRealmsAtFirstStart(Path home) throws IOException {
        Path imports = Files.createDirectories(home.resolve("data/import"));
        for (String realm : List.of("realms/lampss-realm.json", "stand-in/mynsaccount-realm.json")) {
            try (InputStream in = TwoNodes.class.getResourceAsStream("/realm-config/" + realm)) {
                Files.copy(in, imports.resolve(Path.of(realm).getFileName()));
            }
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    if (entry.getName().endsWith(".sh")) {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.copy(path, to.resolve(from.relativize(path).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(path);
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        a.stop();
        b.stop();
        balancer.close();
        mail.stop();
        Postgres.dropDatabase(database);
    }
}
