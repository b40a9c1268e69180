package ca.novascotia.lampss.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.util.JsonSerialization;

/** What the token benchmarks send to the token endpoint and read back. */
final class TokenRequests {

    private TokenRequests() {
    }

    /** A form POST to the realm's token endpoint as the confidential client {@code clientId}. */
    static HttpRequest form(String realmUrl, String clientId, String secret, Map<String, String> form) {
        Map<String, String> withClient = new LinkedHashMap<>(form);
        withClient.put("client_id", clientId);
        withClient.put("client_secret", secret);
        StringBuilder body = new StringBuilder();
        withClient.forEach((key, value) -> body.append(body.isEmpty() ? "" : "&").append(enc(key)).append('=').append(enc(value)));
        return HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String json) {
        try {
            return JsonSerialization.readValue(json, Map.class);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
