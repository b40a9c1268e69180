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
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.util.JsonSerialization;

/**
 * Signs people in for API tests. People reach the realm through My NS Account in production; here
 * a test-only public client with the password grant stands in for the browser round trip (which
 * MyNsAccountSignInTest covers), so each test can act as many people quickly.
 */
public final class People {

    public static final String TEST_CLIENT = "lampss-api-test";
    /** The password test users sign in with (never a real credential). */
    public static final String PASSWORD = "Test-password-1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ManagedRealm realm;

    public People(ManagedRealm realm) {
        this.realm = realm;
        if (realm.admin().clients().findByClientId(TEST_CLIENT).isEmpty()) {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(TEST_CLIENT);
            client.setPublicClient(true);
            client.setDirectAccessGrantsEnabled(true);
            client.setStandardFlowEnabled(false);
            realm.admin().clients().create(client).close();
        }
    }

    /** A member of provincial staff holding the Operations Support realm role. */
    public LampssApi operationsSupport(String username) {
        createUser(username, true);
        return signIn(username);
    }

    /** An administrator of the realm (realm-management's manage-realm), in no organization. */
    public LampssApi realmAdministrator(String username) {
        String id = createUser(username, false);
        var management = realm.admin().clients().findByClientId("realm-management").get(0);
        RoleRepresentation manageRealm = realm.admin().clients().get(management.getId()).roles().get("manage-realm").toRepresentation();
        realm.admin().users().get(id).roles().clientLevel(management.getId()).add(List.of(manageRealm));
        return signIn(username);
    }

    /** A user of the realm with no organization (e.g. someone else's staff). */
    public LampssApi outsider(String username) {
        createUser(username, false);
        return signIn(username);
    }

    /** Lets an existing user (e.g. a contact created through the API) sign in with a password. */
    public LampssApi signInAs(String userId) {
        givePassword(userId);
        return signIn(realm.admin().users().get(userId).toRepresentation().getUsername());
    }

    /** Sets the test password on an existing user, for {@link #accessToken}. */
    public void givePassword(String userId) {
        realm.admin().users().get(userId).resetPassword(password());
    }

    public LampssApi anonymous() {
        return new LampssApi(realm.getBaseUrl(), null, null);
    }

    /** Not a token at all, to check that the API refuses it. */
    public LampssApi withToken(String token) {
        return new LampssApi(realm.getBaseUrl(), token, null);
    }

    /** A user with the test password, holding the Operations Support role or not; returns the user id. */
    public String createUser(String username, boolean operationsSupport) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@example.ca");
        user.setFirstName(username);
        user.setLastName("Test");
        user.setEnabled(true);
        user.setEmailVerified(true);
        user.setCredentials(List.of(password()));
        String id;
        try (var response = realm.admin().users().create(user)) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException("cannot create " + username + ": " + response.getStatus());
            }
            String location = response.getLocation().getPath();
            id = location.substring(location.lastIndexOf('/') + 1);
        }
        if (operationsSupport) {
            RoleRepresentation role = realm.admin().roles().get("operations-support").toRepresentation();
            realm.admin().users().get(id).roles().realmLevel().add(List.of(role));
        }
        return id;
    }

    /** The test password as a credential, for users created or reset through the admin API. */
    public static CredentialRepresentation password() {
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        return password;
    }

    /** The token endpoint's status for a password sign-in of this user (200, or 400/401 when refused). */
    public int signInStatus(String userId) {
        return tokenResponse(realm.admin().users().get(userId).toRepresentation().getUsername(), TEST_CLIENT).statusCode();
    }

    /** The API as an existing user who has the test password, by username. */
    public LampssApi signIn(String username) {
        return new LampssApi(realm.getBaseUrl(), accessToken(username), null);
    }

    /** A fresh access token of a user who has the test password (password grant, test client). */
    public String accessToken(String username) {
        return accessToken(username, TEST_CLIENT);
    }

    /** A fresh access token through another public client with the password grant (e.g. one with short-lived tokens). */
    @SuppressWarnings("unchecked")
    public String accessToken(String username, String clientId) {
        HttpResponse<String> response = tokenResponse(username, clientId);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + response.body());
        }
        try {
            return (String) JsonSerialization.readValue(response.body(), Map.class).get("access_token");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> tokenResponse(String username, String clientId) {
        String form = "grant_type=password&client_id=" + enc(clientId) + "&username=" + enc(username) + "&password=" + enc(PASSWORD)
                + "&scope=openid";
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
