package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.invitation.cleanup.InvitationCleanup;
import ca.novascotia.lampss.onboarding.OnboardingWorker;
import ca.novascotia.lampss.upkeep.AccessUpkeep;
import ca.novascotia.lampss.keycloakadmin.IdentityAdminChanges;
import ca.novascotia.lampss.model.RealmData;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.PostMigrationEvent;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import ca.novascotia.lampss.config.LampssSettings;

/** Registers {@code /realms/{realm}/lampss} and owns the server-wide {@link LampssSettings}. */
public class LampssRealmResourceFactory implements RealmResourceProviderFactory {

    public static final String ID = "lampss";

    private LampssSettings settings;
    /** This node's onboarding worker, once the database is migrated. */
    private volatile OnboardingWorker onboarding;
    private volatile AccessUpkeep upkeep;

    @Override
    public void init(Config.Scope config) {
        settings = LampssSettings.from(config);
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new LampssRealmResource(session, settings);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // After the database is migrated (our tables exist), on every node; the runner is cluster-aware.
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                InvitationCleanup.schedule(factory, settings.invitationCleanupSeconds());
                onboarding = OnboardingWorker.start(factory, settings);
                upkeep = AccessUpkeep.schedule(factory, settings);
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                // Our rows hang on the realm by id only: they go with it, in the same transaction.
                RealmData.forget(removed.getKeycloakSession().getProvider(JpaConnectionProvider.class).getEntityManager(),
                        removed.getRealm().getId());
            }
        });
        // Identity admins' changes in Keycloak's admin console: adopted through the use cases or refused.
        factory.register(new IdentityAdminChanges(() -> settings));
    }

    @Override
    public void close() {
        if (onboarding != null) {
            onboarding.stop();
        }
        if (upkeep != null) {
            upkeep.stop();
        }
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(LampssSettings.PROFILES_CLIENT).type("string").defaultValue(LampssSettings.DEFAULTS.profilesClient())
                .helpText("Client whose roles are the security profiles").add()
                .property().name(LampssSettings.ORGANIZATIONS_GROUP).type("string").defaultValue(LampssSettings.DEFAULTS.organizationsGroup())
                .helpText("Top-level group under which each organization is a subgroup").add()
                .property().name(LampssSettings.OPERATIONS_SUPPORT_ROLE).type("string").defaultValue(LampssSettings.DEFAULTS.operationsSupportRole())
                .helpText("Realm role of Operations Support").add()
                .property().name(LampssSettings.QUERY_COUNT_HEADER).type("boolean").defaultValue(LampssSettings.DEFAULTS.queryCountHeader())
                .helpText("Diagnostic: answer API calls with the number of SQL statements they ran (X-Lampss-Query-Count) and their server time (Server-Timing)").add()
                .property().name(LampssSettings.INVITATION_CLEANUP_INTERVAL).type("int").defaultValue(LampssSettings.DEFAULTS.invitationCleanupSeconds())
                .helpText("Seconds between two runs of the invitation clean-up (once per period across the cluster)").add()
                .property().name(LampssSettings.API_CLIENTS).type("string").defaultValue(String.join(",", LampssSettings.DEFAULTS.apiClients()))
                .helpText("Clients whose tokens the API accepts, comma-separated (other clients' tokens get 401 CLIENT_NOT_ALLOWED)").add()
                .property().name(LampssSettings.INVITATIONS_PER_HOUR).type("int").defaultValue(LampssSettings.DEFAULTS.invitationsPerHour())
                .helpText("Invitation emails per person and organization in any hour; beyond it 429 with Retry-After").add()
                .build();
    }
}
