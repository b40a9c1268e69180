package ca.novascotia.lampss.rest;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.domain.LocalizedText;
import ca.novascotia.lampss.domain.Module;

/**
 * {@code GET /realms/{realm}/lampss/modules}: the modules of LaMPSS in {@link Module} order, with
 * their codes, bilingual labels and eligibility, and whether they are always enabled, so consoles
 * show {@link Module}'s texts and rule instead of copies. Any signed-in user of the realm may read
 * them; nobody else.
 */
public class ModulesResource {

    private final KeycloakSession session;
    private final LampssSettings settings;

    public ModulesResource(KeycloakSession session, LampssSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        return Api.run(session, settings, request -> Response.ok(Arrays.stream(Module.values())
                .map(ModulesResource::toJson).toList()).build());
    }

    private static Map<String, Object> toJson(Module module) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", module.code());
        json.put("alwaysEnabled", module.isAlwaysEnabled());
        json.put("label", text(module.displayName()));
        json.put("eligibility", text(module.eligibility()));
        return json;
    }

    private static Map<String, String> text(LocalizedText text) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("en", text.en());
        json.put("fr", text.fr());
        return json;
    }
}
