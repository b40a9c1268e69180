package ca.novascotia.lampss.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.info.ServerInfoRepresentation;
import org.keycloak.representations.info.ThemeInfoRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/** Our jar is installed in the running server: its providers and themes show in server info. */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class ProvidersLoadedTest {

    @InjectAdminClient
    Keycloak admin;

    @Test
    void serverInfoListsOurProviders() {
        ServerInfoRepresentation info = admin.serverInfo().getInfo();

        assertTrue(info.getProviders().get("realm-restapi-extension").getProviders().containsKey("lampss"),
                "realm resource 'lampss' is registered");
        assertTrue(info.getIdentityProviders().stream().anyMatch(p -> "mynsaccount-oidc".equals(p.get("id"))),
                "identity provider type 'mynsaccount-oidc' is registered");
    }

    @Test
    void serverInfoListsOurThemesInBothLanguages() {
        ServerInfoRepresentation info = admin.serverInfo().getInfo();

        for (String type : List.of("login", "email")) {
            ThemeInfoRepresentation theme = info.getThemes().get(type).stream()
                    .filter(t -> "lampss".equals(t.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type + " theme 'lampss'"));
            assertEquals(List.of("en", "fr"), List.of(theme.getLocales()).stream().sorted().toList(), type + " locales");
        }
    }
}
