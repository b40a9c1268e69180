package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.console.ConsoleResource;
import jakarta.ws.rs.Path;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

import ca.novascotia.lampss.config.LampssSettings;

/** Root of our API under {@code /realms/{realm}/lampss}; one sub-resource per noun. */
public class LampssRealmResource implements RealmResourceProvider {

    private final KeycloakSession session;
    private final LampssSettings settings;

    public LampssRealmResource(KeycloakSession session, LampssSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    @Override
    public Object getResource() {
        return this;
    }

    @Path("profiles")
    public ProfilesResource profiles() {
        return new ProfilesResource(session, settings);
    }

    @Path("modules")
    public ModulesResource modules() {
        return new ModulesResource(session, settings);
    }

    @Path("organizations")
    public OrganizationsResource organizations() {
        return new OrganizationsResource(session, settings);
    }

    @Path("me")
    public MeResource me() {
        return new MeResource(session, settings);
    }

    @Path("export")
    public RealmExportResource export() {
        return new RealmExportResource(session, settings);
    }

    @Path("import")
    public RealmImportResource importData() {
        return new RealmImportResource(session, settings);
    }

    @Path("onboarding")
    public OnboardingResource onboarding() {
        return new OnboardingResource(session, settings);
    }

    @Path("requests")
    public RequestsResource requests() {
        return new RequestsResource(session, settings);
    }

    @Path("campaigns")
    public CampaignsResource campaigns() {
        return new CampaignsResource(session, settings);
    }

    @Path("consistency")
    public ConsistencyResource consistency() {
        return new ConsistencyResource(session, settings);
    }

    @Path("openapi.yaml")
    public OpenApiResource openApi() {
        return new OpenApiResource();
    }

    /** The delegated administration console (the page, not the API: it signs in on its own). */
    @Path("console")
    public ConsoleResource console() {
        return new ConsoleResource(session);
    }

    @Override
    public void close() {
    }
}
