package ca.novascotia.lampss.it.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.keycloak.util.JsonSerialization;

/**
 * Our REST API over real HTTP, as a console or script would call it: bearer token, JSON in and out.
 * One instance per caller.
 */
public final class LampssApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final String token;
    private final String language;

    LampssApi(String realmUrl, String token, String language) {
        this.base = realmUrl + "/lampss";
        this.token = token;
        this.language = language;
    }

    /** The profiles (client roles of {@code lampss}) in this caller's access token. */
    public List<String> tokenProfiles() {
        return Jwt.profiles(token);
    }

    /** The bearer token this caller sends. */
    public String token() {
        return token;
    }

    public LampssApi inLanguage(String acceptLanguage) {
        return new LampssApi(base.substring(0, base.length() - "/lampss".length()), token, acceptLanguage);
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    public Reply put(String path, Object body) {
        return send("PUT", path, body);
    }

    /** A body sent exactly as given, for malformed-input tests. */
    public Reply sendRaw(String method, String path, String rawBody) {
        HttpRequest.Builder request = request(path)
                .method(method, rawBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(rawBody));
        return execute(request);
    }

    /** A file as the body, with its own content type, answered in {@code accept}. */
    public Reply sendFile(String path, String contentType, byte[] file, String accept) {
        return sendFile(path, contentType, file, accept, null);
    }

    /** As {@link #sendFile(String, String, byte[], String)}, with a {@code Content-Encoding} (e.g. gzip) when not null. */
    public Reply sendFile(String path, String contentType, byte[] file, String accept, String contentEncoding) {
        HttpRequest.Builder request = request(path).setHeader("Content-Type", contentType).setHeader("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofByteArray(file));
        if (contentEncoding != null) {
            request.setHeader("Content-Encoding", contentEncoding);
        }
        return execute(request);
    }

    public Reply send(String method, String path, Object body) {
        try {
            return sendRaw(method, path, body == null ? null : JsonSerialization.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String query(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return request;
    }

    private static Reply execute(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer: status, body, and the body read as JSON when it is JSON. */
    public record Reply(int status, String body, Map<String, List<String>> headers) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            try {
                return JsonSerialization.readValue(body, Map.class);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String string(String field) {
            return (String) json().get(field);
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> items() {
            return (List<Map<String, Object>>) json().get("items");
        }

        public String error() {
            return status >= 400 && body != null && body.startsWith("{") ? string("error") : null;
        }

        public int queryCount() {
            return Integer.parseInt(headers.getOrDefault("x-lampss-query-count", List.of("-1")).get(0));
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
