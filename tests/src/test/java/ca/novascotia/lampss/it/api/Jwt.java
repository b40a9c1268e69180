package ca.novascotia.lampss.it.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.keycloak.util.JsonSerialization;

/** Reads a signed token the way an application would, without checking its signature (tests only). */
public final class Jwt {

    private Jwt() {
    }

    /** The token's claims. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> payload(String jwt) {
        String json = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        try {
            return JsonSerialization.readValue(json, Map.class);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** The security profiles (client roles of {@code lampss}) an access token carries, sorted. */
    @SuppressWarnings("unchecked")
    public static List<String> profiles(String accessToken) {
        Map<String, Object> access = (Map<String, Object>) payload(accessToken).getOrDefault("resource_access", Map.of());
        Map<String, Object> lampss = (Map<String, Object>) access.getOrDefault("lampss", Map.of());
        return ((List<String>) lampss.getOrDefault("roles", List.of())).stream().sorted().toList();
    }
}
