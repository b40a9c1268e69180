package ca.novascotia.lampss.it.api;

import static ca.novascotia.lampss.it.api.Fixture.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.util.JsonSerialization;

/**
 * The organization claim, through real token endpoint calls: a person active in three
 * organizations (primary contact of one), invited in a fourth and inactive in a fifth. Test clients
 * are copies of the shipped {@code lampss-demo-app} (its default scopes, among them the shipped
 * {@code lampss-organizations} scope, and its role scope) with the password grant, so what is
 * checked is the configuration we ship.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class OrganizationClaimTest {

    private static final String CLAIM = "lampss_organizations";
    private static final String APP = "lampss-claims-app";
    private static final String LIGHTWEIGHT_APP = "lampss-claims-lightweight";
    private static final String LIGHTWEIGHT_WITH_CLAIM = "lampss-claims-lightweight-with-claim";
    private static final String WITHOUT_SCOPE = "lampss-claims-optional-scope";
    private static final String INTROSPECTOR = "lampss-claims-introspector";
    private static final String FULL_FORM = "lampss-claims-full-form";
    /** The request-header size common proxies accept by default (nginx, many load balancers). */
    private static final int HEADER_LIMIT = 8 * 1024;
    private static final String SHIPPED_SCOPE = "lampss-organizations";
    private static final String SECRET = "claims-test-secret";
    private static final String ORGANIZATION_SCOPE = "lampss:org";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm realm;

    /** Adding a contact sends the invitation email; a refused delivery fails the request. */
    @InjectMailServer
    MailServer mail;

    /** The My NS Account stand-in, where the invited people sign in to accept (Fixture.activate). */
    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    @InjectRealm(ref = "plain")
    ManagedRealm plain;

    Fixture fixture;

    /** The person, their organizations and what each of them should say. */
    record Scenario(String userId, String username, String primaryOf, String twoProfiles, String oneProfile,
                    String invited, String inactive, Map<String, Object> expected) {
    }

    @BeforeEach
    void setUp() {
        People people = new People(realm);
        fixture = new Fixture(people, people.operationsSupport(Fixture.unique("ops")), mail, mynsaccount);
        if (realm.admin().clients().findByClientId(APP).isEmpty()) {
            String organizationScope = createOrganizationScope();
            ClientResource app = copyOfTheDemoApp(APP, Map.of());
            app.addOptionalClientScope(organizationScope);
            app.getProtocolMappers().createMapper(inIdTokensOnly()).close();
            copyOfTheDemoApp(LIGHTWEIGHT_APP, Map.of("client.use.lightweight.access.token.enabled", "true"))
                    .getProtocolMappers().createMapper(inIdTokensOnly()).close();
            ClientResource lightweightWithClaim = copyOfTheDemoApp(LIGHTWEIGHT_WITH_CLAIM,
                    Map.of("client.use.lightweight.access.token.enabled", "true"));
            lightweightWithClaim.removeDefaultClientScope(shippedScopeId());
            ProtocolMapperRepresentation inLightweight = shippedMapper();
            inLightweight.getConfig().put("lightweight.claim", "true");
            lightweightWithClaim.getProtocolMappers().createMapper(inLightweight).close();
            ClientResource optional = copyOfTheDemoApp(WITHOUT_SCOPE, Map.of());
            optional.removeDefaultClientScope(shippedScopeId());
            optional.addOptionalClientScope(shippedScopeId());
            ClientResource fullForm = copyOfTheDemoApp(FULL_FORM, Map.of());
            fullForm.removeDefaultClientScope(shippedScopeId());
            ProtocolMapperRepresentation full = shippedMapper();
            full.getConfig().put("lampss.accessTokenForm", "full");
            fullForm.getProtocolMappers().createMapper(full).close();
            ClientRepresentation introspector = new ClientRepresentation();
            introspector.setClientId(INTROSPECTOR);
            introspector.setPublicClient(false);
            introspector.setSecret(SECRET);
            introspector.setStandardFlowEnabled(false);
            introspector.setDirectAccessGrantsEnabled(false);
            realm.admin().clients().create(introspector).close();
        }
    }

    @Test
    void everyTokenTypeCarriesTheActiveOrganizations() {
        Scenario person = scenario();
        Map<String, Object> tokens = passwordGrant(APP, person.username(), "openid");
        Map<String, Object> access = payload(tokens.get("access_token"));

        assertEquals(compact(person.expected()), access.get(CLAIM), "access token: the shipped compact form");
        assertEquals(person.expected(), payload(tokens.get("id_token")).get(CLAIM), "ID token");
        assertEquals(person.expected(), userinfo((String) tokens.get("access_token")).get(CLAIM), "userinfo");
        Map<String, Object> introspection = introspect((String) tokens.get("access_token"));
        assertEquals(Boolean.TRUE, introspection.get("active"));
        assertEquals(person.expected(), introspection.get(CLAIM), "introspection");

        assertEquals(expectedRoles(person), roles(access), "resource_access: the three active organizations' profiles only");
        assertEquals(realm.admin().users().get(person.userId()).toRepresentation().getEmail(), access.get("email"),
                "the shipped default scopes are intact");
        assertEquals(entry(person.expected(), person.primaryOf()).get("profiles"), ((Map<?, ?>) access.get(CLAIM)).get(person.primaryOf()),
                "compact: the profiles alone, keyed by id");
        assertEquals(Set.of("id", "name", "externalNumber", "profiles", "primaryContact"),
                entry(userinfo((String) tokens.get("access_token")), person.primaryOf()).keySet(), "full: everything");
    }

    @Test
    void aLightweightAccessTokenLeavesTheClaimToIntrospection() {
        Scenario person = scenario();
        Map<String, Object> tokens = passwordGrant(LIGHTWEIGHT_APP, person.username(), "openid");
        Map<String, Object> access = payload(tokens.get("access_token"));

        assertFalse(access.containsKey(CLAIM), "not in a lightweight access token unless configured: " + access.keySet());
        assertFalse(access.containsKey("resource_access"), access.keySet().toString());
        Map<String, Object> introspection = introspect((String) tokens.get("access_token"));
        assertEquals(person.expected(), introspection.get(CLAIM));
        assertEquals(expectedRoles(person), roles(introspection));
        assertEquals(person.expected(), payload(tokens.get("id_token")).get(CLAIM), "the ID token is not lightweight");
    }

    @Test
    void aMapperMarkedForLightweightTokensPutsTheClaimInThem() {
        Scenario person = scenario();
        Map<String, Object> tokens = passwordGrant(LIGHTWEIGHT_WITH_CLAIM, person.username(), "openid");
        Map<String, Object> access = payload(tokens.get("access_token"));

        assertEquals(compact(person.expected()), access.get(CLAIM), "lightweight.claim=true: in the lightweight access token");
        assertFalse(access.containsKey("resource_access"), "the token is still lightweight: " + access.keySet());
        assertFalse(access.containsKey("email"), "the token is still lightweight: " + access.keySet());
    }

    @Test
    void theShippedClientScopeGivesTheClaimToAClientThatAsksForIt() {
        Scenario person = scenario();
        Map<String, Object> without = payload(passwordGrant(WITHOUT_SCOPE, person.username(), "openid").get("access_token"));
        Map<String, Object> tokens = passwordGrant(WITHOUT_SCOPE, person.username(), "openid " + SHIPPED_SCOPE);
        Map<String, Object> asked = payload(tokens.get("access_token"));

        assertFalse(without.containsKey(CLAIM), "an optional scope not asked for: no claim");
        assertEquals(compact(person.expected()), asked.get(CLAIM));
        assertTrue(((String) asked.get("scope")).contains(SHIPPED_SCOPE), (String) asked.get("scope"));
        assertEquals(realm.admin().users().get(person.userId()).toRepresentation().getEmail(), asked.get("email"),
                "Keycloak's built-in scopes are there beside ours");
        assertEquals(expectedRoles(person), roles(asked));
        assertFalse(payload(tokens.get("id_token")).containsKey(CLAIM), "the shipped scope leaves ID tokens out");
    }

    @Test
    void aClientMayAskForOneOrganization() {
        Scenario person = scenario();
        Map<String, Object> tokens = passwordGrant(APP, person.username(), "openid " + ORGANIZATION_SCOPE + ":" + person.twoProfiles());
        Map<String, Object> access = payload(tokens.get("access_token"));
        Map<String, Object> only = Map.of(person.twoProfiles(), person.expected().get(person.twoProfiles()));

        assertEquals(compact(only), access.get(CLAIM), "access token");
        assertEquals(only, payload(tokens.get("id_token")).get(CLAIM), "ID token");
        assertEquals(only, userinfo((String) tokens.get("access_token")).get(CLAIM), "userinfo");
        assertEquals(only, introspect((String) tokens.get("access_token")).get(CLAIM), "introspection");
        assertTrue(((String) access.get("scope")).contains(ORGANIZATION_SCOPE + ":" + person.twoProfiles()), (String) access.get("scope"));
        assertEquals(expectedRoles(person), roles(access), "resource_access is the standard roles claim: not narrowed");
        Map<String, Object> refreshed = refresh(APP, (String) tokens.get("refresh_token"));
        assertEquals(compact(only), payload(refreshed.get("access_token")).get(CLAIM), "the selection holds on refresh");

        Map<String, Object> notActiveThere = payload(passwordGrant(APP, person.username(),
                "openid " + ORGANIZATION_SCOPE + ":" + person.invited()).get("access_token"));
        assertNull(notActiveThere.get(CLAIM), "an organization where the person is not active: no claim");
        assertEquals(400, tokenCall(LIGHTWEIGHT_APP, Map.of("grant_type", "password", "username", person.username(),
                        "password", People.PASSWORD, "scope", "openid " + ORGANIZATION_SCOPE + ":" + person.twoProfiles())).statusCode(),
                "a client without the lampss:org scope cannot ask for it (invalid_scope)");
    }

    @Test
    void theNextRefreshedTokenDropsADeactivatedMembershipAndARevokedProfile() {
        Scenario person = scenario();
        Map<String, Object> tokens = passwordGrant(APP, person.username(), "openid");
        assertEquals(compact(person.expected()), payload(tokens.get("access_token")).get(CLAIM));

        LampssApi.Reply deactivated = fixture.operationsSupport.post(path(person.oneProfile(), person.userId()) + "/deactivate", null);
        assertEquals(200, deactivated.status(), deactivated::toString);
        Map<String, Object> contact = fixture.operationsSupport.get(path(person.twoProfiles(), person.userId())).json();
        LampssApi.Reply revoked = fixture.operationsSupport.put(path(person.twoProfiles(), person.userId()), Map.of(
                "firstName", contact.get("firstName"), "lastName", contact.get("lastName"), "email", contact.get("email"),
                "profiles", List.of("ecm-inquiry")));
        assertEquals(200, revoked.status(), revoked::toString);

        Map<String, Object> refreshed = refresh(APP, (String) tokens.get("refresh_token"));
        Map<String, Object> access = payload(refreshed.get("access_token"));
        Map<String, Object> expected = new LinkedHashMap<>(person.expected());
        expected.remove(person.oneProfile());
        Map<String, Object> narrowed = new LinkedHashMap<>(entry(person.expected(), person.twoProfiles()));
        narrowed.put("profiles", List.of("ecm-inquiry"));
        expected.put(person.twoProfiles(), narrowed);

        assertEquals(compact(expected), access.get(CLAIM), "access token");
        assertEquals(expected, payload(refreshed.get("id_token")).get(CLAIM), "ID token");
        Set<String> roles = expectedRoles(person);
        roles.removeAll(Set.of("ofa-read-only", "ecm-reviewer"));
        assertEquals(roles, roles(access), "resource_access lost them too");
        assertEquals(expected, introspect((String) tokens.get("access_token")).get(CLAIM),
                "introspection reads today's state, even for the earlier token");
    }

    /**
     * The claim reads Keycloak's mirror of our rows: the organization group's members are its active
     * members and its lampss.primaryContact attribute is the primary contact. A transfer and a
     * reactivation show in the mirror and in the next refreshed token.
     */
    @Test
    void theNextRefreshedTokenFollowsAPrimaryContactTransferAndAReactivation() {
        Scenario person = scenario();
        assertEquals(Set.of(person.primaryOf(), person.twoProfiles(), person.oneProfile()), Set.copyOf(organizationsOf(person.userId())));
        assertEquals(List.of(person.userId()), primaryAttribute(person.primaryOf()));
        assertFalse(members(person.invited()).contains(person.userId()), "invited: not a member of the group");
        assertFalse(members(person.inactive()).contains(person.userId()), "inactive: not a member of the group");
        Map<String, Object> tokens = passwordGrant(APP, person.username(), "openid");

        Fixture.Member successor = fixture.activeMember(person.primaryOf());
        fixture.transfer(person.primaryOf(), successor.userId());
        ok(fixture.operationsSupport.post(path(person.inactive(), person.userId()) + "/reactivate", null));

        assertEquals(List.of(successor.userId()), primaryAttribute(person.primaryOf()));
        assertTrue(members(person.inactive()).contains(person.userId()), "reactivated: a member again");
        Map<String, Object> expected = new LinkedHashMap<>(person.expected());
        Map<String, Object> former = new LinkedHashMap<>(entry(person.expected(), person.primaryOf()));
        former.put("primaryContact", false);
        expected.put(person.primaryOf(), former);
        expected.put(person.inactive(), expectedEntry(person.inactive(), person.userId(), false));
        assertEquals(List.of("lm-read-only"), entry(expected, person.inactive()).get("profiles"), "its profiles came back");
        Map<String, Object> refreshed = refresh(APP, (String) tokens.get("refresh_token"));
        assertEquals(compact(expected), payload(refreshed.get("access_token")).get(CLAIM));
        assertEquals(expected, userinfo((String) refreshed.get("access_token")).get(CLAIM), "the full form follows too");
    }

    /**
     * A consultant active in 30 organizations, with 6 profiles in each: the shipped access token (the
     * compact form) stays under the 8 KB request header common proxies accept; the full form would not.
     * Prints each form's size per organization (docs/api.md, "Token claims").
     */
    @Test
    @SuppressWarnings("unchecked")
    void aConsultantInThirtyOrganizationsKeepsTheShippedAccessTokenUnder8KB() {
        String email = Fixture.unique("consultant") + "@example.ca";
        String userId = null;
        for (int i = 0; i < 30; i++) {
            String organization = fixture.organization("sr", "ecm");
            LampssApi.Reply added = fixture.addContact(organization, email,
                    "ofa-administrator", "sr-administrator", "sr-user", "ecm-administrator", "ecm-case-manager");
            assertEquals(201, added.status(), added::toString);
            userId = added.string("id");
            fixture.activate(organization, userId);
        }
        String username = realm.admin().users().get(userId).toRepresentation().getUsername();
        realm.admin().users().get(userId).resetPassword(People.password());
        String none = (String) passwordGrant(WITHOUT_SCOPE, username, "openid").get("access_token");
        String compact = (String) passwordGrant(APP, username, "openid").get("access_token");
        String full = (String) passwordGrant(FULL_FORM, username, "openid").get("access_token");

        Map<String, Object> claim = (Map<String, Object>) payload(compact).get(CLAIM);
        assertEquals(30, claim.size());
        claim.values().forEach(profiles -> assertEquals(6, ((List<?>) profiles).size(), profiles::toString));
        assertTrue(compact.length() < HEADER_LIMIT, "the shipped access token: " + compact.length() + " bytes");
        assertTrue(full.length() > HEADER_LIMIT, "the full form would not fit: " + full.length() + " bytes");
        System.out.printf("BENCH token-size organizations=30 profiles_each=6 no_claim_bytes=%d compact_bytes=%d full_bytes=%d"
                + " compact_per_organization=%d full_per_organization=%d%n", none.length(), compact.length(), full.length(),
                (compact.length() - none.length()) / 30, (full.length() - none.length()) / 30);
    }

    /** The compact form of a full claim, as the shipped access token carries it: each organization's profiles only. */
    private static Map<String, Object> compact(Map<String, Object> full) {
        Map<String, Object> compact = new LinkedHashMap<>();
        full.forEach((id, entry) -> compact.put(id, ((Map<?, ?>) entry).get("profiles")));
        return compact;
    }

    private List<String> organizationsOf(String userId) {
        String root = realm.admin().groups().groups("organizations", 0, 1).get(0).getId();
        return realm.admin().users().get(userId).groups().stream().filter(g -> root.equals(g.getParentId()))
                .map(GroupRepresentation::getId).toList();
    }

    private List<String> members(String organizationId) {
        return realm.admin().groups().group(organizationId).members().stream().map(UserRepresentation::getId).toList();
    }

    private List<String> primaryAttribute(String organizationId) {
        return realm.admin().groups().group(organizationId).toRepresentation().getAttributes().get("lampss.primaryContact");
    }

    /**
     * The shipped demo app has the shipped scope among its default scopes, beside Keycloak's own, and
     * the copy the other tests sign in with has the same ones. (The admin console's "evaluate" endpoint
     * is no witness here: with the dynamic-scopes feature on, Keycloak 26.5.6 gave no claim from a
     * client scope's mapper there, while real tokens carry it.)
     */
    @Test
    void theShippedDemoAppHasTheOrganizationsScopeBesideKeycloaksScopes() {
        Set<String> shipped = defaultScopes("lampss-demo-app");
        Scenario person = scenario();
        Map<String, Object> access = payload(passwordGrant(APP, person.username(), "openid").get("access_token"));

        assertTrue(shipped.containsAll(Set.of(SHIPPED_SCOPE, "basic", "profile", "email", "roles")), shipped.toString());
        assertEquals(shipped, defaultScopes(APP));
        assertEquals(compact(person.expected()), access.get(CLAIM));
        assertTrue(((String) access.get("scope")).contains(SHIPPED_SCOPE), (String) access.get("scope"));
        assertEquals(realm.admin().users().get(person.userId()).toRepresentation().getEmail(), access.get("email"));
    }

    private Set<String> defaultScopes(String clientId) {
        Set<String> names = new TreeSet<>();
        client(clientId).getDefaultClientScopes().forEach(scope -> names.add(scope.getName()));
        return names;
    }

    @Test
    void aRealmThatIsNotSetUpForLampssStillIssuesTokensWithoutTheClaim() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(APP);
        client.setPublicClient(false);
        client.setSecret(SECRET);
        client.setDirectAccessGrantsEnabled(true);
        client.setProtocolMappers(List.of(shippedMapper()));
        plain.admin().clients().create(client).close();
        UserRepresentation user = new UserRepresentation();
        user.setUsername("someone");
        user.setEmail("someone@example.ca");
        user.setFirstName("Some");
        user.setLastName("One");
        user.setEnabled(true);
        user.setCredentials(List.of(People.password()));
        plain.admin().users().create(user).close();

        HttpResponse<String> response = tokenCall(plain, APP, Map.of("grant_type", "password", "username", "someone",
                "password", People.PASSWORD, "scope", "openid"));

        assertEquals(200, response.statusCode(), response.body());
        assertFalse(payload(read(response.body()).get("access_token")).containsKey(CLAIM));
    }

    // ------------------------------------------------------------------ the person

    private Scenario scenario() {
        String primaryOf = fixture.organization("sr");
        String twoProfiles = fixture.organization("ecm");
        String oneProfile = fixture.organization();
        String invited = fixture.organization();
        String inactive = fixture.organization("lm");
        String email = Fixture.unique("claims") + "@example.ca";

        // Primary contact of the first: its first contact, who accepts the invitation.
        String userId = fixture.addContact(primaryOf, email, "sr-user").string("id");
        fixture.activate(primaryOf, userId);

        for (String organization : List.of(twoProfiles, oneProfile, invited, inactive)) {
            fixture.primaryContact(organization);
        }
        member(twoProfiles, email, userId, "ecm-inquiry", "ecm-reviewer");
        member(oneProfile, email, userId, "ofa-read-only");
        assertEquals(201, fixture.addContact(invited, email, "ofa-user").status());
        member(inactive, email, userId, "lm-read-only");
        ok(fixture.operationsSupport.post(path(inactive, userId) + "/deactivate", null));

        Map<String, Object> expected = new LinkedHashMap<>();
        for (String organization : List.of(primaryOf, twoProfiles, oneProfile)) {
            expected.put(organization, expectedEntry(organization, userId, organization.equals(primaryOf)));
        }
        assertEquals(List.of("ecm-inquiry", "ecm-reviewer"), entry(expected, twoProfiles).get("profiles"));
        assertEquals(List.of("ofa-read-only"), entry(expected, oneProfile).get("profiles"));
        assertTrue(((List<?>) entry(expected, primaryOf).get("profiles")).contains("sr-user"));

        CredentialRepresentation password = People.password();
        realm.admin().users().get(userId).resetPassword(password);
        String username = realm.admin().users().get(userId).toRepresentation().getUsername();
        return new Scenario(userId, username, primaryOf, twoProfiles, oneProfile, invited, inactive, expected);
    }

    private void member(String organization, String email, String userId, String... profiles) {
        LampssApi.Reply added = fixture.addContact(organization, email, profiles);
        assertEquals(201, added.status(), added::toString);
        assertEquals(userId, added.string("id"), "the same person, recognised by email");
        fixture.activate(organization, userId);
    }

    /** What the claim should say about one organization, from the API's own view of it. */
    private Map<String, Object> expectedEntry(String organizationId, String userId, boolean primaryContact) {
        Map<String, Object> organization = fixture.operationsSupport.get("/organizations/" + organizationId).json();
        Map<String, Object> contact = fixture.operationsSupport.get(path(organizationId, userId)).json();
        assertEquals("ACTIVE", contact.get("state"));
        assertEquals(primaryContact, contact.get("primaryContact"));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", organizationId);
        entry.put("name", Map.of("en", organization.get("nameEn"), "fr", organization.get("nameFr")));
        entry.put("externalNumber", organization.get("externalNumber"));
        entry.put("profiles", contact.get("profiles"));
        entry.put("primaryContact", primaryContact);
        return entry;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> expectedRoles(Scenario person) {
        Set<String> roles = new TreeSet<>();
        person.expected().values().forEach(entry -> roles.addAll((List<String>) ((Map<String, Object>) entry).get("profiles")));
        assertFalse(roles.contains("ofa-user"), "the invited organization's profile must not be expected");
        assertFalse(roles.contains("lm-read-only"), "the inactive organization's profile must not be expected");
        return roles;
    }

    private static void ok(LampssApi.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
    }

    // ------------------------------------------------------------------ clients

    private String createOrganizationScope() {
        ClientScopeRepresentation scope = new ClientScopeRepresentation();
        scope.setName(ORGANIZATION_SCOPE);
        scope.setProtocol("openid-connect");
        scope.setDescription("Asks for one LaMPSS organization: lampss:org:<organization id>");
        scope.setAttributes(Map.of("is.dynamic.scope", "true", "dynamic.scope.regexp", ORGANIZATION_SCOPE + ":*",
                "include.in.token.scope", "true", "display.on.consent.screen", "false"));
        try (var response = realm.admin().clientScopes().create(scope)) {
            assertEquals(201, response.getStatus(), () -> response.readEntity(String.class));
            String location = response.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    /** The shipped demo app with the password grant: same mappers, default scopes and role scope. */
    private ClientResource copyOfTheDemoApp(String clientId, Map<String, String> attributes) {
        ClientResource demo = client("lampss-demo-app");
        ClientRepresentation copy = demo.toRepresentation();
        copy.setId(null);
        copy.setClientId(clientId);
        copy.setName(clientId);
        copy.setSecret(SECRET);
        copy.setDirectAccessGrantsEnabled(true);
        Map<String, String> merged = new HashMap<>(copy.getAttributes());
        merged.putAll(attributes);
        copy.setAttributes(merged);
        if (copy.getProtocolMappers() != null) {
            copy.getProtocolMappers().forEach(mapper -> mapper.setId(null));
        }
        realm.admin().clients().create(copy).close();
        ClientResource created = client(clientId);
        String profilesClient = realm.admin().clients().findByClientId("lampss").get(0).getId();
        List<RoleRepresentation> profiles = demo.getScopeMappings().clientLevel(profilesClient).listAll();
        created.getScopeMappings().clientLevel(profilesClient).add(profiles);
        return created;
    }

    /** The mapper of the shipped client scope {@code lampss-organizations}. */
    private ProtocolMapperRepresentation shippedMapper() {
        ProtocolMapperRepresentation mapper = realm.admin().clientScopes().get(shippedScopeId()).getProtocolMappers()
                .getMappers().stream()
                .filter(m -> "lampss-organization-claim-mapper".equals(m.getProtocolMapper()))
                .findFirst().orElseThrow(() -> new AssertionError("the shipped scope holds the organization claim mapper"));
        mapper.setId(null);
        return mapper;
    }

    /**
     * The shipped scope leaves ID tokens out, as Keycloak's role claims do; a client that wants the
     * claim there adds the mapper with "Add to ID token" on. The test clients do, beside the scope.
     */
    private ProtocolMapperRepresentation inIdTokensOnly() {
        ProtocolMapperRepresentation mapper = shippedMapper();
        mapper.setName("lampss organizations in ID tokens");
        mapper.getConfig().putAll(Map.of("id.token.claim", "true", "access.token.claim", "false",
                "userinfo.token.claim", "false", "introspection.token.claim", "false", "lightweight.claim", "false"));
        return mapper;
    }

    private String shippedScopeId() {
        return realm.admin().clientScopes().findAll().stream().filter(s -> SHIPPED_SCOPE.equals(s.getName()))
                .findFirst().orElseThrow(() -> new AssertionError("realm-config ships the client scope " + SHIPPED_SCOPE))
                .getId();
    }

    private ClientResource client(String clientId) {
        return realm.admin().clients().get(realm.admin().clients().findByClientId(clientId).get(0).getId());
    }

    // ------------------------------------------------------------------ OIDC endpoints

    private Map<String, Object> passwordGrant(String clientId, String username, String scope) {
        HttpResponse<String> response = tokenCall(clientId, Map.of("grant_type", "password", "username", username,
                "password", People.PASSWORD, "scope", scope));
        assertEquals(200, response.statusCode(), response.body());
        return read(response.body());
    }

    private Map<String, Object> refresh(String clientId, String refreshToken) {
        HttpResponse<String> response = tokenCall(clientId, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
        assertEquals(200, response.statusCode(), response.body());
        return read(response.body());
    }

    private HttpResponse<String> tokenCall(String clientId, Map<String, String> form) {
        return tokenCall(realm, clientId, form);
    }

    private static HttpResponse<String> tokenCall(ManagedRealm in, String clientId, Map<String, String> form) {
        Map<String, String> withClient = new LinkedHashMap<>(form);
        withClient.put("client_id", clientId);
        withClient.put("client_secret", SECRET);
        return post(in.getBaseUrl() + "/protocol/openid-connect/token", withClient);
    }

    private Map<String, Object> introspect(String token) {
        HttpResponse<String> response = post(realm.getBaseUrl() + "/protocol/openid-connect/token/introspect",
                Map.of("client_id", INTROSPECTOR, "client_secret", SECRET, "token", token));
        assertEquals(200, response.statusCode(), response.body());
        return read(response.body());
    }

    private Map<String, Object> userinfo(String accessToken) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/protocol/openid-connect/userinfo"))
                .header("Authorization", "Bearer " + accessToken).GET());
        assertEquals(200, response.statusCode(), response.body());
        return read(response.body());
    }

    private static HttpResponse<String> post(String url, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((key, value) -> body.append(body.isEmpty() ? "" : "&").append(enc(key)).append('=').append(enc(value)));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

    // ------------------------------------------------------------------ JSON

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String json) {
        try {
            return JsonSerialization.readValue(json, Map.class);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static Map<String, Object> payload(Object jwt) {
        assertNotNull(jwt, "token missing");
        return Jwt.payload((String) jwt);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(Map<String, Object> claimHolder, String organizationId) {
        Object claim = claimHolder.containsKey(CLAIM) ? claimHolder.get(CLAIM) : claimHolder;
        return (Map<String, Object>) ((Map<String, Object>) claim).get(organizationId);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> roles(Map<String, Object> claims) {
        Map<String, Object> access = (Map<String, Object>) claims.getOrDefault("resource_access", Map.of());
        Map<String, Object> lampss = (Map<String, Object>) access.getOrDefault("lampss", Map.of());
        return new TreeSet<>((List<String>) lampss.getOrDefault("roles", List.of()));
    }
}
