package ca.novascotia.lampss.it.api;

import java.util.List;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testsuite.util.oauth.AccessTokenResponse;
import org.keycloak.testsuite.util.oauth.AuthorizationEndpointResponse;
import org.keycloak.testsuite.util.oauth.PkceGenerator;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A person at a browser, as in InvitationTest: follows an emailed invitation link, signs in at the
 * My NS Account stand-in (realm {@code mynsaccount}) with an identity of their own, and comes back
 * to the realm. Each identity is a new stand-in user, so no two tests share one.
 */
final class AttackBrowser {

    /** The stand-in's password for the identities made here (never a real credential). */
    static final String STAND_IN_PASSWORD = "demo";
    static final String DEPARTMENT_APP = "lampss-demo-app";
    static final String DEPARTMENT_APP_SECRET = "demo-app-secret";

    /** Where a followed link ended. */
    enum Ending {
        /** Keycloak's error page (the link or the sign-in was refused). */
        REFUSED,
        /**
         * Back in the realm, signed in, with no error: the landing page (the account console), or
         * Keycloak's "Your account has been updated" notice on the way there (an identity already
         * linked, joining another organization). Callers check the membership state as well.
         */
        LANDED,
        /** Anywhere else (e.g. still at a sign-in form): a test expecting either fails and says where. */
        ELSEWHERE
    }

    record Outcome(Ending ending, String url, String page) {
        boolean refused() {
            return ending == Ending.REFUSED;
        }

        boolean landed() {
            return ending == Ending.LANDED;
        }

        @Override
        public String toString() {
            return ending + " at " + url + ": " + page.replaceAll("\\s+", " ").strip();
        }
    }

    private final ManagedRealm lampss;
    private final ManagedRealm mynsaccount;
    private final ManagedWebDriver driver;
    private final LoginPage loginPage;
    private final OAuthClient oauth;

    AttackBrowser(ManagedRealm lampss, ManagedRealm mynsaccount, ManagedWebDriver driver, LoginPage loginPage, OAuthClient oauth) {
        this.lampss = lampss;
        this.mynsaccount = mynsaccount;
        this.driver = driver;
        this.loginPage = loginPage;
        this.oauth = oauth;
    }

    /** A new person at the My NS Account stand-in; returns their username there. */
    String newIdentity() {
        String username = Fixture.unique("myns");
        UserRepresentation person = new UserRepresentation();
        person.setUsername(username);
        person.setEmail(username + "@myns.example.ca");
        person.setFirstName("Stand");
        person.setLastName("In");
        person.setEnabled(true);
        person.setEmailVerified(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(STAND_IN_PASSWORD);
        password.setTemporary(false);
        person.setCredentials(List.of(password));
        try (var response = mynsaccount.admin().users().create(person)) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException("cannot create stand-in identity " + username + ": " + response.getStatus());
            }
        }
        return username;
    }

    /** Ends the browser's sessions at both realms (cookies are scoped to each realm's path). */
    void forgetSessions() {
        for (ManagedRealm realm : List.of(lampss, mynsaccount)) {
            driver.open(realm.getBaseUrl() + "/account");
            driver.cookies().deleteAll();
        }
    }

    /**
     * Opens an invitation link in a browser with no session, and if it shows the invitation page,
     * signs in with My NS Account as {@code identity}. Where it ends says whether it was refused.
     */
    Outcome follow(String link, String identity) {
        forgetSessions();
        driver.open(link);
        if (errorShown()) {
            return outcome(Ending.REFUSED);
        }
        List<WebElement> signIn = driver.driver().findElements(By.id("lampss-invitation-sign-in"));
        if (signIn.isEmpty()) {
            return outcome(Ending.ELSEWHERE);
        }
        signIn.get(0).click();
        signInAtStandInIfAsked(identity);
        if (errorShown()) {
            return outcome(Ending.REFUSED);
        }
        boolean inRealm = driver.getCurrentUrl().startsWith(lampss.getBaseUrl() + "/");
        boolean stillInvitationPage = !driver.driver().findElements(By.id("lampss-invitation-sign-in")).isEmpty();
        return outcome(inRealm && !stillInvitationPage ? Ending.LANDED : Ending.ELSEWHERE);
    }

    /**
     * A real access token of the department application {@code lampss-demo-app} (confidential,
     * authorization code with PKCE), for whoever {@code identity} signs in as through My NS Account.
     */
    String departmentAppToken(String identity) {
        useDepartmentApp();
        forgetSessions();
        PkceGenerator pkce = PkceGenerator.s256();
        oauth.loginForm().codeChallenge(pkce).open();
        List<WebElement> button = driver.driver().findElements(By.id("social-mynsaccount"));
        if (button.isEmpty()) {
            throw new AssertionError("no My NS Account button at " + driver.getCurrentUrl() + ": " + body());
        }
        button.get(0).click();
        signInAtStandInIfAsked(identity);
        return exchange(pkce, "sign-in of " + identity + " through " + DEPARTMENT_APP);
    }

    /**
     * The access token the browser's current realm session yields through the department
     * application without signing in again (single sign-on), or null when it has no session.
     */
    String tokenOfCurrentSession() {
        useDepartmentApp();
        PkceGenerator pkce = PkceGenerator.s256();
        oauth.loginForm().codeChallenge(pkce).open();
        AuthorizationEndpointResponse response = oauth.parseLoginResponse();
        if (response.getCode() == null) {
            return null;
        }
        AccessTokenResponse tokens = oauth.accessTokenRequest(response.getCode()).codeVerifier(pkce).send();
        return tokens.getAccessToken();
    }

    private String exchange(PkceGenerator pkce, String what) {
        AuthorizationEndpointResponse response = oauth.parseLoginResponse();
        if (response.getCode() == null) {
            throw new AssertionError(what + " gave no code; at " + driver.getCurrentUrl() + ": " + body());
        }
        AccessTokenResponse tokens = oauth.accessTokenRequest(response.getCode()).codeVerifier(pkce).send();
        if (tokens.getAccessToken() == null) {
            throw new AssertionError(what + ": no access token: " + tokens.getError() + " " + tokens.getErrorDescription());
        }
        return tokens.getAccessToken();
    }

    private void useDepartmentApp() {
        ClientRepresentation app = lampss.admin().clients().findByClientId(DEPARTMENT_APP).get(0);
        if (!app.getRedirectUris().contains(oauth.getRedirectUri())) {
            app.getRedirectUris().add(oauth.getRedirectUri());
            lampss.admin().clients().get(app.getId()).update(app);
        }
        oauth.client(DEPARTMENT_APP, DEPARTMENT_APP_SECRET);
    }

    private void signInAtStandInIfAsked(String identity) {
        if (driver.getCurrentUrl().startsWith(mynsaccount.getBaseUrl()) && !driver.driver().findElements(By.id("username")).isEmpty()) {
            loginPage.fillLogin(identity, STAND_IN_PASSWORD);
            loginPage.submit();
        }
    }

    private boolean errorShown() {
        return !driver.driver().findElements(By.id("kc-error-message")).isEmpty();
    }

    private Outcome outcome(Ending ending) {
        return new Outcome(ending, driver.getCurrentUrl(), body());
    }

    private String body() {
        List<WebElement> body = driver.driver().findElements(By.tagName("body"));
        return body.isEmpty() ? "" : body.get(0).getText();
    }
}
