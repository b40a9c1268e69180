package ca.novascotia.lampss.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.util.JsonSerialization;

import ca.novascotia.lampss.it.api.People;

/** The shipped realm-config, created on the real server, has what DOMAIN.md and the issue ask for. */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class ShippedRealmTest {

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm lampss;

    @Test
    void everySecurityProfileIsAClientRoleWithBilingualTexts() {
        ClientRepresentation client = lampss.admin().clients().findByClientId("lampss").get(0);
        List<RoleRepresentation> roles = lampss.admin().clients().get(client.getId()).roles().list(false);

        assertEquals(21, roles.size(), "21 profiles in DOMAIN.md");
        for (RoleRepresentation role : roles) {
            Map<String, List<String>> a = role.getAttributes();
            for (String key : List.of("lampss.module", "lampss.label.en", "lampss.label.fr",
                    "lampss.description.en", "lampss.description.fr")) {
                assertFalse(a.getOrDefault(key, List.of("")).get(0).isBlank(), role.getName() + " has " + key);
            }
        }
    }

    @Test
    void realmIsBilingualThemedAndClosedToSelfRegistration() {
        RealmRepresentation realm = lampss.admin().toRepresentation();

        assertFalse(realm.isRegistrationAllowed());
        assertTrue(realm.isInternationalizationEnabled());
        assertEquals(List.of("en", "fr"), realm.getSupportedLocales().stream().sorted().toList());
        assertEquals("lampss", realm.getLoginTheme());
        assertEquals("lampss", realm.getEmailTheme());
        assertNotNull(lampss.admin().roles().get("operations-support").toRepresentation());
        assertEquals("organizations", lampss.admin().groups().groups().get(0).getName());
    }

    @Test
    void myNsAccountBrokerFollowsTheIGovProfile() {
        IdentityProviderRepresentation idp = lampss.admin().identityProviders().get("mynsaccount").toRepresentation();
        Map<String, String> c = idp.getConfig();

        assertEquals("mynsaccount-oidc", idp.getProviderId());
        assertEquals("private_key_jwt", c.get("clientAuthMethod"));
        assertEquals("true", c.get("pkceEnabled"));
        assertEquals("S256", c.get("pkceMethod"));
        assertEquals("urn:gc-ca:cyber-auth:assurance:loa2", c.get("acrValues"));
        assertEquals("lampss first broker login", idp.getFirstBrokerLoginFlowAlias());
        assertEquals(3, lampss.admin().identityProviders().get("mynsaccount").getMappers().size(),
                "first name, last name and email mappers");
    }

    @Test
    void theOrganizationsClientScopeShipsBesideKeycloaksBuiltInScopes() {
        List<ClientScopeRepresentation> scopes = lampss.admin().clientScopes().findAll();
        Set<String> names = scopes.stream().map(ClientScopeRepresentation::getName).collect(Collectors.toSet());
        ClientScopeRepresentation ours = scopes.stream().filter(s -> "lampss-organizations".equals(s.getName()))
                .findFirst().orElseThrow(() -> new AssertionError("no lampss-organizations scope in " + names));

        assertTrue(names.containsAll(Set.of("basic", "profile", "email", "roles", "web-origins", "acr", "address",
                "phone", "offline_access")), "Keycloak's built-in scopes are created too: " + names);
        assertEquals(List.of("lampss-organization-claim-mapper"),
                ours.getProtocolMappers().stream().map(ProtocolMapperRepresentation::getProtocolMapper).toList());
        assertEquals("lampss_organizations", ours.getProtocolMappers().get(0).getConfig().get("claim.name"));
        Set<String> realmDefaults = lampss.admin().getDefaultDefaultClientScopes().stream()
                .map(ClientScopeRepresentation::getName).collect(Collectors.toSet());
        assertTrue(realmDefaults.containsAll(Set.of("profile", "email", "roles")), realmDefaults.toString());
        assertFalse(realmDefaults.contains("lampss-organizations"), "only clients that want the claim get it");
        Set<String> console = defaultScopes("account-console");
        assertTrue(console.containsAll(Set.of("basic", "profile", "email", "roles")), "the built-in clients keep their scopes: " + console);
        assertTrue(defaultScopes("lampss-demo-app").contains("lampss-organizations"));
    }

    private Set<String> defaultScopes(String clientId) {
        String id = lampss.admin().clients().findByClientId(clientId).get(0).getId();
        return lampss.admin().clients().get(id).getDefaultClientScopes().stream()
                .map(ClientScopeRepresentation::getName).collect(Collectors.toSet());
    }

    @Test
    void noClientOfTheRealmAllowsThePasswordGrant() {
        List<String> allowing = lampss.admin().clients().findAll().stream()
                .filter(c -> !People.TEST_CLIENT.equals(c.getClientId())) // the suite's own test client (People)
                .filter(c -> Boolean.TRUE.equals(c.isDirectAccessGrantsEnabled()))
                .map(ClientRepresentation::getClientId).toList();

        assertEquals(List.of(), allowing, "clients allowing the password grant");
        assertTrue(lampss.admin().clients().findByClientId("admin-cli").get(0).isPublicClient(),
                "admin-cli is Keycloak's public client, only without the grant");
    }

    @Test
    void theTokenEndpointRefusesAPasswordGrantToAdminCli() throws Exception {
        People people = new People(lampss);
        String username = "password.holder." + System.nanoTime();
        String userId = people.createUser(username, false);
        lampss.cleanup().add(r -> r.users().delete(userId).close());

        HttpResponse<String> adminCli = passwordGrant("admin-cli", username, People.PASSWORD);
        assertEquals(400, adminCli.statusCode(), adminCli.body());
        assertEquals("unauthorized_client", JsonSerialization.readValue(adminCli.body(), Map.class).get("error"), adminCli.body());
        HttpResponse<String> testClient = passwordGrant(People.TEST_CLIENT, username, People.PASSWORD);
        assertEquals(200, testClient.statusCode(), "the same user and password work where the grant is on: " + testClient.body());
    }

    /**
     * The suite's server runs with {@code --hostname=http://localhost:8080} (LampssServerConfig), as production runs
     * with its public address: a request that reached it by another name still gets links naming that address.
     */
    @Test
    void linksNameTheConfiguredHostWhateverAddressARequestUsed() throws Exception {
        HttpResponse<String> discovery = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:8080/realms/lampss/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, discovery.statusCode(), discovery.body());
        Map<?, ?> configuration = JsonSerialization.readValue(discovery.body(), Map.class);
        assertEquals("http://localhost:8080/realms/lampss", configuration.get("issuer"));
        assertEquals("http://localhost:8080/realms/lampss/protocol/openid-connect/auth", configuration.get("authorization_endpoint"));
    }

    private HttpResponse<String> passwordGrant(String clientId, String username, String password) throws Exception {
        String form = "grant_type=password&client_id=" + enc(clientId) + "&username=" + enc(username)
                + "&password=" + enc(password) + "&scope=openid";
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(lampss.getBaseUrl() + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void profilesEndpointNeedsASignedInUser() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(lampss.getBaseUrl() + "/lampss/profiles")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(401, anonymous.statusCode());
    }
}
