package ca.novascotia.lampss.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Keycloak 26.5.6 node started with {@code kc.sh start --optimized} from its own copy of a built
 * distribution, on loopback ports of its own; its console output goes to {@code <home>.log}.
 */
final class KeycloakNode {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final Path home;
    final int httpPort = freePort();
    final int managementPort = freePort();
    final int clusterPort = freePort();
    final Path log;
    private Process wrapper;

    KeycloakNode(String name, Path home) {
        this.name = name;
        this.home = home;
        this.log = home.resolveSibling(home.getFileName() + ".log");
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Starts the node; {@code options} are added to the common ones, {@code env} to the environment. */
    void start(List<String> options, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--cache-embedded-network-bind-address=127.0.0.1", "--cache-embedded-network-bind-port=" + clusterPort,
                "--log-console-color=false"));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        wrapper = builder.start();
    }

    /** Waits for {@code /health/ready}; returns the milliseconds it took from now. */
    long awaitReady(Duration limit) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!wrapper.isAlive()) {
                throw new IllegalStateException(name + " stopped during start-up; see " + log + ":\n" + tail());
            }
            if (answers(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))) {
                return (System.nanoTime() - started) / 1_000_000;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + limit + "; see " + log + ":\n" + tail());
    }

    boolean alive() {
        return wrapper != null && wrapper.isAlive();
    }

    /** SIGKILL to the Java process (kc.sh's child): no shutdown hook, no goodbye to the cluster. */
    void kill() {
        java().destroyForcibly();
        wrapper.destroyForcibly();
    }

    /** A normal stop (SIGTERM to Java, then to the wrapper), waiting for both. */
    void stop() throws InterruptedException {
        if (wrapper == null) {
            return;
        }
        wrapper.descendants().forEach(ProcessHandle::destroy);
        wrapper.destroy();
        wrapper.descendants().forEach(process -> process.onExit().join());
        wrapper.waitFor();
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProcessHandle java() {
        return wrapper.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).findFirst()
                .orElse(wrapper.toHandle());
    }

    private String tail() {
        List<String> lines = logText().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static boolean answers(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
