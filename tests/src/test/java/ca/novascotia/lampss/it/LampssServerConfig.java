package ca.novascotia.lampss.it;

import org.keycloak.common.Profile;
import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/** The one server configuration of the suite: Keycloak 26.5.6 with our providers jar installed. */
public class LampssServerConfig implements KeycloakServerConfig {

    /**
     * The clients whose tokens the API accepts in tests: the console, the suite's password-grant
     * client (People.TEST_CLIENT) and its short-lived twin. Department applications are left out.
     */
    public static final String API_CLIENTS = "lampss-console,lampss-api-test,lampss-short-lived";

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return config.dependency("ca.novascotia.lampss", "lampss-keycloak-providers")
                // Lets a client ask for one organization's claim with the scope value lampss:org:<id>
                // (docs/api.md, "Token claims"): Keycloak accepts such values only as dynamic scopes.
                // declarative-ui: the LaMPSS tab of Realm settings in the admin console (docs/identity-admins.md,
                // "Keycloak admin console").
                .features(Profile.Feature.DYNAMIC_SCOPES, Profile.Feature.DECLARATIVE_UI)
                // /metrics on the management port, where our counters are read (docs/operations.md, "Metrics").
                .option("metrics-enabled", "true")
                // Links name the configured public address, as in production (README, "Installing"):
                // every URL Keycloak builds (emails, redirects, issuers) says http://localhost:8080.
                .option("hostname", "http://localhost:8080")
                // Lets tests count the SQL statements of each API call (X-Lampss-Query-Count).
                .option("spi-realm-restapi-extension--lampss--query-count-header", "true")
                // The invitation clean-up runs every 2 s, so a test can watch it mark an invitation expired.
                .option("spi-realm-restapi-extension--lampss--invitation-cleanup-interval", "2")
                // Onboarding workers look for work every second and take over a job left for 5 s.
                .option("spi-realm-restapi-extension--lampss--onboarding-poll-interval", "1")
                .option("spi-realm-restapi-extension--lampss--onboarding-lease", "5")
                .option("spi-realm-restapi-extension--lampss--api-clients", API_CLIENTS);
    }
}
