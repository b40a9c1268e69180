package ca.novascotia.lampss.invitation.gate;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** "LaMPSS invitation gate", for the first-broker-login and post-broker-login flows of My NS Account. */
public class InvitationGateFactory implements AuthenticatorFactory {

    public static final String ID = "lampss-invitation-gate";
    private static final InvitationGate GATE = new InvitationGate();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "LaMPSS invitation gate";
    }

    @Override
    public String getHelpText() {
        return "Admits a My NS Account identity only with a valid LaMPSS invitation (and links it to the invited user), "
                + "or when it is already linked; shows 'no access yet' to anyone else.";
    }

    @Override
    public String getReferenceCategory() {
        return "lampss-invitation";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return GATE;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
