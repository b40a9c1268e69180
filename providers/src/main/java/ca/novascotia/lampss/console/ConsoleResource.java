package ca.novascotia.lampss.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.keycloak.common.util.Encode;
import org.keycloak.models.KeycloakSession;

/**
 * {@code /realms/{realm}/lampss/console/}: the delegated administration console, a single-page
 * application built into the jar under {@code lampss-console/}. Files are served by their
 * extension; any other path is one of the application's routes and gets {@code index.html}, so a
 * bookmarked or reloaded screen works. The person signs in from the page itself (client
 * {@code lampss-console}, code flow with PKCE), so nothing here needs a token.
 */
public class ConsoleResource {

    static final String ROOT = "lampss-console/";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("js", "text/javascript; charset=UTF-8"),
            Map.entry("css", "text/css; charset=UTF-8"),
            Map.entry("html", "text/html; charset=UTF-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("eot", "application/vnd.ms-fontobject"),
            Map.entry("txt", "text/plain; charset=UTF-8"));

    private final KeycloakSession session;

    public ConsoleResource(KeycloakSession session) {
        this.session = session;
    }

    /** The console's root; without its trailing slash, the relative links of the page would break. */
    @GET
    public Response root() {
        URI requested = session.getContext().getUri().getRequestUri();
        if (!requested.getRawPath().endsWith("/")) {
            return Response.status(Response.Status.FOUND).location(URI.create(consolePath())).build();
        }
        return index();
    }

    @GET
    @Path("{path: .+}")
    public Response file(@PathParam("path") String path) {
        String extension = extension(path);
        if (extension == null) {
            return index();
        }
        String type = TYPES.get(extension);
        byte[] content = type == null || path.contains("..") || path.startsWith("/") ? null : read(ROOT + path);
        if (content == null) {
            return SecurityHeaders.apply(session, Response.status(Response.Status.NOT_FOUND)).build();
        }
        // Vite names every file under assets/ by its content hash: it never changes.
        String cache = path.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache";
        return SecurityHeaders.apply(session, Response.ok(content, type)).header("Cache-Control", cache).build();
    }

    /** index.html with a {@code <base>} naming the console's path, so its relative links work from every route. */
    private Response index() {
        byte[] page = read(ROOT + "index.html");
        if (page == null) {
            return SecurityHeaders.apply(session, Response.status(Response.Status.NOT_FOUND)).build();
        }
        String html = new String(page, StandardCharsets.UTF_8)
                .replaceFirst("<head>", "<head>\n    <base href=\"" + consolePath() + "\">");
        return SecurityHeaders.apply(session, Response.ok(html, TYPES.get("html"))).header("Cache-Control", "no-store").build();
    }

    /** The console's absolute path on this server, honouring Keycloak's HTTP relative path. */
    private String consolePath() {
        String base = session.getContext().getUri().getBaseUri().getRawPath();
        return (base.endsWith("/") ? base : base + "/") + "realms/"
                + Encode.encodePathSegmentAsIs(session.getContext().getRealm().getName()) + "/lampss/console/";
    }

    /** The extension of the last segment, lower case; null for a segment without one (an application route). */
    private static String extension(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot < 0 ? null : last.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    private static byte[] read(String resource) {
        try (InputStream in = ConsoleResource.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
