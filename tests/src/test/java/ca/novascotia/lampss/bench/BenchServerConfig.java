package ca.novascotia.lampss.bench;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The benchmarks' server: Keycloak 26.5.6 with our jar and its default features (Organizations on),
 * plus the diagnostic headers. Unlike the test suite's server, dynamic scopes stay off: with them on,
 * Keycloak refuses the native organization scope value {@code organization:*} (invalid_scope).
 */
public class BenchServerConfig implements KeycloakServerConfig {

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return config.dependency("ca.novascotia.lampss", "lampss-keycloak-providers")
                // /metrics on the management port: the server's heap, and the access review's statement count.
                .option("metrics-enabled", "true")
                // X-Lampss-Query-Count and Server-Timing on every API answer.
                .option("spi-realm-restapi-extension--lampss--query-count-header", "true")
                .option("spi-realm-restapi-extension--lampss--api-clients", ca.novascotia.lampss.it.LampssServerConfig.API_CLIENTS)
                // The invitation benchmark re-sends to the same people many times within the hour.
                .option("spi-realm-restapi-extension--lampss--invitations-per-hour", "1000");
    }
}
