package ca.novascotia.lampss.it;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/** The one server configuration of the suite: Keycloak 26.5.6 with our providers jar installed. */
public class LampssServerConfig implements KeycloakServerConfig {

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return config.dependency("ca.novascotia.lampss", "lampss-keycloak-providers")
                // Lets tests count the SQL statements of each API call (X-Lampss-Query-Count).
                .option("spi-realm-restapi-extension--lampss--query-count-header", "true");
    }
}
