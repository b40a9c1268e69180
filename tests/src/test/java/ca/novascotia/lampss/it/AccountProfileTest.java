package ca.novascotia.lampss.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;
import org.keycloak.testsuite.util.oauth.PkceGenerator;
import org.keycloak.util.JsonSerialization;

import ca.novascotia.lampss.it.api.People;

/**
 * People see their names and email in the account console but cannot change them: the shipped realm's
 * declarative user profile gives username, email, firstName and lastName edit rights to admins only, and keeps
 * attributes outside the profile (e.g. {@code lampss.*}) away from people. Checked through Keycloak's account
 * REST API (what the account console calls) with an {@code account-console} token from a real authorization-code
 * + PKCE sign-in in a browser; the user is read back through the admin API.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class AccountProfileTest {

    private static final String ACCOUNT_CONSOLE = "account-console";

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm lampss;

    @InjectOAuthClient(realmRef = "lampss")
    OAuthClient oauth;

    @InjectWebDriver
    ManagedWebDriver driver;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void theAccountConsoleClientAcceptsTheTestRedirect() {
        ClientResource console = client(ACCOUNT_CONSOLE);
        ClientRepresentation rep = console.toRepresentation();
        List<String> redirects = new ArrayList<>(rep.getRedirectUris());
        if (!redirects.contains(oauth.getRedirectUri())) {
            List<String> before = List.copyOf(redirects);
            redirects.add(oauth.getRedirectUri());
            rep.setRedirectUris(redirects);
            console.update(rep);
            lampss.cleanup().add(r -> {
                ClientRepresentation back = console.toRepresentation();
                back.setRedirectUris(before);
                console.update(back);
            });
        }
        oauth.client(ACCOUNT_CONSOLE);
        driver.open(lampss.getBaseUrl() + "/account");
        driver.cookies().deleteAll();
    }

    @Test
    void theShippedProfileLetsOnlyAdminsEditNamesAndEmail() {
        UPConfig config = lampss.admin().users().userProfile().getConfiguration();

        for (String name : List.of("username", "email", "firstName", "lastName")) {
            UPAttribute attribute = config.getAttribute(name);
            assertNotNull(attribute, name);
            assertEquals(java.util.Set.of("admin", "user"), attribute.getPermissions().getView(), name + " view");
            assertEquals(java.util.Set.of("admin"), attribute.getPermissions().getEdit(), name + " edit");
        }
        assertEquals(UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT, config.getUnmanagedAttributePolicy());
    }

    @Test
    void aPersonSeesButCannotChangeTheirNamesAndEmail() throws Exception {
        People people = new People(lampss);
        String username = "account.holder." + System.nanoTime();
        String userId = people.createUser(username, false);
        lampss.cleanup().add(r -> r.users().delete(userId).close());
        UserResource admin = lampss.admin().users().get(userId);
        UserRepresentation withNote = admin.toRepresentation();
        withNote.setAttributes(Map.of("lampss.note", List.of("set by Operations Support")));
        admin.update(withNote);
        UserRepresentation before = admin.toRepresentation();

        String token = accountConsoleToken(username);

        HttpResponse<String> shown = account("GET", null, token);
        assertEquals(200, shown.statusCode(), shown.body());
        Map<String, Object> me = json(shown.body());
        assertEquals(before.getEmail(), me.get("email"));
        assertEquals(before.getFirstName(), me.get("firstName"));
        assertEquals(before.getLastName(), me.get("lastName"));
        assertEquals(before.getUsername(), me.get("username"));
        assertFalse(shown.body().contains("lampss.note"), "attributes outside the profile are not shown: " + shown.body());
        for (String name : List.of("username", "email", "firstName", "lastName")) {
            assertEquals(Boolean.TRUE, metadata(me, name).get("readOnly"), name + " is read-only in the console: " + shown.body());
        }

        Map<String, Object> same = editable(before);
        HttpResponse<String> unchanged = account("POST", same, token);
        assertEquals(204, unchanged.statusCode(), "the token may write the account (nothing changed): " + unchanged.body());

        for (Map.Entry<String, String> change : Map.of("email", "someone.else@example.ca", "firstName", "Mallory",
                "lastName", "Other").entrySet()) {
            Map<String, Object> edited = editable(before);
            edited.put(change.getKey(), change.getValue());
            HttpResponse<String> refused = account("POST", edited, token);
            assertEquals(400, refused.statusCode(), change.getKey() + ": " + refused.body());
            assertTrue(refused.body().contains("error-user-attribute-read-only"), refused.body());
        }
        Map<String, Object> all = editable(before);
        all.put("email", "someone.else@example.ca");
        all.put("firstName", "Mallory");
        all.put("lastName", "Other");
        all.put("attributes", Map.of("lampss.note", List.of("set by the person")));
        assertEquals(400, account("POST", all, token).statusCode());
        Map<String, Object> noteOnly = editable(before);
        noteOnly.put("attributes", Map.of("lampss.note", List.of("set by the person")));
        HttpResponse<String> note = account("POST", noteOnly, token);
        assertTrue(note.statusCode() == 204 || note.statusCode() == 400, "ignored or refused: " + note.body());

        UserRepresentation after = admin.toRepresentation();
        assertEquals(before.getEmail(), after.getEmail());
        assertEquals(before.getFirstName(), after.getFirstName());
        assertEquals(before.getLastName(), after.getLastName());
        assertEquals(before.getUsername(), after.getUsername());
        assertEquals(List.of("set by Operations Support"), after.getAttributes().get("lampss.note"));
    }

    /** Signs the person in to account-console in the browser (authorization code with PKCE S256) and returns the access token. */
    private String accountConsoleToken(String username) {
        PkceGenerator pkce = PkceGenerator.s256();
        AuthorizationEndpointResponse response = oauth.loginForm().codeChallenge(pkce).doLogin(username, People.PASSWORD);
        assertNotNull(response.getCode(), () -> "no code: " + driver.getCurrentUrl() + " " + response.getError());
        AccessTokenResponse tokens = oauth.accessTokenRequest(response.getCode()).codeVerifier(pkce).send();
        assertEquals(200, tokens.getStatusCode(), tokens.getErrorDescription());
        AccessToken token = oauth.verifyToken(tokens.getAccessToken());
        assertEquals(ACCOUNT_CONSOLE, token.getIssuedFor());
        return tokens.getAccessToken();
    }

    private static Map<String, Object> editable(UserRepresentation user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", user.getUsername());
        body.put("email", user.getEmail());
        body.put("firstName", user.getFirstName());
        body.put("lastName", user.getLastName());
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> me, String attribute) {
        Map<String, Object> profile = (Map<String, Object>) me.get("userProfileMetadata");
        return ((List<Map<String, Object>>) profile.get("attributes")).stream()
                .filter(a -> attribute.equals(a.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no metadata for " + attribute + ": " + me));
    }

    private HttpResponse<String> account(String method, Object body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(lampss.getBaseUrl() + "/account/?userProfileMetadata=true"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JsonSerialization.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) throws Exception {
        return JsonSerialization.readValue(body, Map.class);
    }

    private ClientResource client(String clientId) {
        return lampss.admin().clients().get(lampss.admin().clients().findByClientId(clientId).get(0).getId());
    }
}
