package ca.novascotia.lampss.it.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load balancer in front of the nodes: the one public address ({@code --hostname}), so that
 * issuers, links and redirects are the same whichever node made them. It forwards every request, as
 * is, to the node the test points it at, and counts what each node received.
 */
final class Balancer implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    final int port = KeycloakNode.freePort();
    private final HttpServer server;
    private final Map<String, AtomicInteger> forwarded = new ConcurrentHashMap<>();
    private volatile KeycloakNode target;

    Balancer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::forward);
        server.start();
    }

    /**
     * The cluster's public address. "localhost", not 127.0.0.1: Keycloak marks its cookies Secure on
     * both (local addresses are secure contexts), and HtmlUnit keeps Secure cookies over plain HTTP only
     * for localhost, so on 127.0.0.1 the sign-in lost its session cookie (cookie_not_found).
     */
    String url() {
        return "http://localhost:" + port;
    }

    void sendTo(KeycloakNode node) {
        target = node;
    }

    int forwardedTo(KeycloakNode node) {
        return forwarded.getOrDefault(node.name, new AtomicInteger()).get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        KeycloakNode node = target;
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url() + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            forwarded.computeIfAbsent(node.name, n -> new AtomicInteger()).incrementAndGet();
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
