package ca.novascotia.lampss.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.LampssApi;
import ca.novascotia.lampss.it.api.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.ErrorPage;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;
import org.keycloak.testsuite.util.oauth.PkceGenerator;
import org.keycloak.util.JsonSerialization;

/**
 * A person signs in to {@code lampss} through the My NS Account stand-in, in a browser, and the
 * example department application's token carries their security profile. The link is made by the
 * upstream's pairwise subject; an identity nobody linked gets no account.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class MyNsAccountSignInTest {

    private static final String DEMO_APP = "lampss-demo-app";
    private static final String DEMO_APP_SECRET = "demo-app-secret";

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm lampss;

    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    @InjectOAuthClient(realmRef = "lampss")
    OAuthClient oauth;

    @InjectMailServer
    MailServer mail;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectPage
    LoginPage loginPage;

    @InjectPage
    ErrorPage errorPage;

    @BeforeEach
    void useTheDemoApplication() {
        ClientResource app = client(lampss, DEMO_APP);
        ClientRepresentation rep = app.toRepresentation();
        List<String> redirects = new ArrayList<>(rep.getRedirectUris());
        if (!redirects.contains(oauth.getRedirectUri())) {
            redirects.add(oauth.getRedirectUri());
            rep.setRedirectUris(redirects);
            app.update(rep);
        }
        oauth.client(DEMO_APP, DEMO_APP_SECRET);
        // Forget any earlier session at either realm (cookies are scoped to each realm's path).
        for (ManagedRealm realm : List.of(lampss, mynsaccount)) {
            driver.open(realm.getBaseUrl() + "/account");
            driver.cookies().deleteAll();
        }
    }

    @Test
    void linkedPersonSignsInAndTheTokenCarriesTheirProfile() throws Exception {
        String userId = createLinkedUser("alex.martin", "ofa-user");

        PkceGenerator pkce = PkceGenerator.s256();
        oauth.loginForm().codeChallenge(pkce).open();
        loginPage.clickSocial("mynsaccount");

        assertTrue(driver.getCurrentUrl().startsWith(mynsaccount.getBaseUrl()), "at the stand-in: " + driver.getCurrentUrl());
        Map<String, String> upstream = query(driver.getCurrentUrl());
        assertEquals("urn:gc-ca:cyber-auth:assurance:loa2", upstream.get("acr_values"));
        assertEquals("S256", upstream.get("code_challenge_method"));

        loginPage.fillLogin("alex.martin", "demo");
        loginPage.submit();

        AuthorizationEndpointResponse response = oauth.parseLoginResponse();
        assertTrue(response.isRedirected() && response.getCode() != null, "back at the application with a code");
        AccessTokenResponse tokens = oauth.accessTokenRequest(response.getCode()).codeVerifier(pkce).send();
        AccessToken token = oauth.verifyToken(tokens.getAccessToken());

        assertEquals(userId, token.getSubject(), "signed in as the prepared user");
        assertEquals(List.of("ofa-user"), List.copyOf(token.getResourceAccess("lampss").getRoles()));
        assertEquals("Martin", token.getFamilyName());

        HttpResponse<String> profiles = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(lampss.getBaseUrl() + "/lampss/profiles"))
                        .header("Authorization", "Bearer " + tokens.getAccessToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        // This application's token carries the profiles for the application; the access-management
        // API accepts only its own clients' tokens (option api-clients).
        assertEquals(401, profiles.statusCode(), profiles.body());
        assertEquals("CLIENT_NOT_ALLOWED", JsonSerialization.readValue(profiles.body(), Map.class).get("error"));
    }

    @Test
    void identityNobodyLinkedGetsNoAccount() {
        int usersBefore = lampss.admin().users().count();

        oauth.loginForm().codeChallenge(PkceGenerator.s256()).open();
        loginPage.clickSocial("mynsaccount");
        loginPage.fillLogin("dana.stranger", "demo");
        loginPage.submit();

        assertTrue(errorPage.getError().contains("no access to LaMPSS yet"), errorPage.getError());
        assertEquals(usersBefore, lampss.admin().users().count(), "no user was created");
        assertTrue(lampss.admin().users().search("dana.stranger@example.ca").isEmpty());
    }

    /**
     * Makes the stand-in person an active contact holding {@code profile} (an OFA profile) the LaMPSS way: Operations
     * Support creates an organization with the profile's module (and its primary contact) and adds the
     * person by email; the person accepts the emailed invitation, signing in at the stand-in, which
     * links their lampss account to the pairwise subject lampss receives. (A profile role mapped
     * straight onto a user is refused by the server: profiles are given per organization.)
     */
    private String createLinkedUser(String upstreamUsername, String profile) {
        UserRepresentation person = mynsaccount.admin().users().search(upstreamUsername, true).get(0);
        String pairwiseSub = client(mynsaccount, "lampss").clientScopesEvaluate()
                .generateExampleIdToken("openid", person.getId(), null).getSubject();
        assertNotEquals(person.getId(), pairwiseSub, "the stand-in's subject is pairwise");

        People people = new People(lampss);
        Fixture fixture = new Fixture(people, people.operationsSupport(Fixture.unique("ops")), mail, mynsaccount);
        String organization = fixture.organization(); // every organization has OFA, the module of the profiles used here
        fixture.primaryContact(organization);
        LampssApi.Reply added = fixture.operationsSupport.post("/organizations/" + organization + "/contacts", Map.of(
                "firstName", person.getFirstName(), "lastName", person.getLastName(), "email", person.getEmail(),
                "profiles", List.of(profile)));
        assertEquals(201, added.status(), added::toString);
        String userId = added.string("id");
        lampss.cleanup().add(r -> r.users().delete(userId).close());

        fixture.activateAs(organization, userId, upstreamUsername, "demo");

        List<FederatedIdentityRepresentation> links = lampss.admin().users().get(userId).getFederatedIdentity();
        assertEquals(List.of(pairwiseSub), links.stream().map(FederatedIdentityRepresentation::getUserId).toList(),
                "accepting linked the account to the stand-in's pairwise subject");
        return userId;
    }

    private static ClientResource client(ManagedRealm realm, String clientId) {
        return realm.admin().clients().get(realm.admin().clients().findByClientId(clientId).get(0).getId());
    }

    private static Map<String, String> query(String url) {
        return java.util.Arrays.stream(URI.create(url).getRawQuery().split("&"))
                .map(p -> p.split("=", 2))
                .collect(java.util.stream.Collectors.toMap(p -> p[0],
                        p -> java.net.URLDecoder.decode(p.length > 1 ? p[1] : "", java.nio.charset.StandardCharsets.UTF_8),
                        (a, b) -> a));
    }
}
