package ca.novascotia.lampss.broker;

import java.util.List;

import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.broker.oidc.OIDCIdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Registers {@link MyNsAccountIdentityProvider} as identity provider type {@value #PROVIDER_ID}.
 * The id contains "oidc" on purpose: Keycloak's admin console then shows its full OpenID Connect
 * settings form for it.
 */
public class MyNsAccountIdentityProviderFactory extends OIDCIdentityProviderFactory {

    public static final String PROVIDER_ID = "mynsaccount-oidc";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "My NS Account (OpenID Connect, iGov)";
    }

    @Override
    public MyNsAccountIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
        return new MyNsAccountIdentityProvider(session, new OIDCIdentityProviderConfig(model));
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(MyNsAccountIdentityProvider.ACR_VALUES)
                .label("Requested acr values")
                .helpText("Space-separated assurance levels sent as acr_values, "
                        + "e.g. urn:gc-ca:cyber-auth:assurance:loa2")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .build();
    }
}
