package ca.novascotia.lampss.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import ca.novascotia.lampss.it.ShippedRealmConfig;
import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.Jwt;
import ca.novascotia.lampss.it.api.LampssApi;
import ca.novascotia.lampss.it.api.People;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * (e) The token endpoint (refresh-token grant) for a consultant active in 30 organizations with 6
 * profiles in each (a member of 30 organization groups and 180 profile subgroups), against a person
 * with the same 6 profiles in 3 organizations (3 + 18 groups), side by side in one run:
 * <ul>
 * <li>{@code three-none}: the 3-organization person, client without the {@code lampss-organizations} scope;</li>
 * <li>{@code thirty-none}: the 30-organization person, the same client;</li>
 * <li>{@code thirty-compact}: the 30-organization person through the shipped scope (compact access-token form);</li>
 * <li>{@code thirty-one-org}: only when the server accepts {@code scope=lampss:org:<id>} (it needs the
 *     dynamic-scopes feature, off on the benchmarks' server; otherwise reported as skipped);</li>
 * <li>{@code three-lean}, {@code thirty-lean}, {@code thirty-lean-compact}: the fix, as three-none,
 *     thirty-none and thirty-compact but with Keycloak's {@code profile} scope replaced by a copy without
 *     the mappers of attributes LaMPSS people never have (the tokens' claims are checked equal).</li>
 * </ul>
 * Both people are made as the suite makes them: added through our API, each invitation accepted
 * through the My NS Account stand-in. Rounds are interleaved in a rotated order after a warm-up, as
 * in {@link TokenBench}; ratios are taken per round, then their median and range. Each round line
 * carries its wall-clock window ({@code start_ms}, {@code end_ms}) so that a profile of the server
 * can be split by setup.
 */
@KeycloakIntegrationTest(config = BenchServerConfig.class)
class ConsultantTokenBench {

    private static final String FILE = "consultant";
    private static final String SECRET = "bench-secret";
    private static final String THREE_NONE = "three-none";
    private static final String THIRTY_NONE = "thirty-none";
    private static final String THIRTY_COMPACT = "thirty-compact";
    private static final String THIRTY_ONE_ORG = "thirty-one-org";
    private static final String THREE_LEAN = "three-lean";
    private static final String THIRTY_LEAN = "thirty-lean";
    private static final String THIRTY_LEAN_COMPACT = "thirty-lean-compact";
    /** Keycloak's built-in scope whose attribute mappers walk the person's groups for every attribute the person lacks. */
    private static final String PROFILE_SCOPE = "profile";
    /** The fix measured here: Keycloak's profile scope with only the mappers of attributes every LaMPSS person has. */
    private static final String LEAN_PROFILE_SCOPE = "bench-lean-profile";
    /** The user attributes of the profile scope that every LaMPSS person has (our API requires the names). */
    private static final Set<String> PRESENT_ATTRIBUTES = Set.of("username", "firstName", "lastName");
    private static final String SHIPPED_SCOPE = "lampss-organizations";
    private static final String CLAIM = "lampss_organizations";
    private static final String NO_CLAIM_CLIENT = "bench-consultant-none";
    private static final String SHIPPED_CLIENT = "bench-consultant-shipped";
    private static final String LEAN_CLIENT = "bench-consultant-lean";
    private static final String LEAN_SHIPPED_CLIENT = "bench-consultant-lean-shipped";
    private static final int WARMUP_PASSES = 3;
    private static final double TARGET_RATIO = 1.5;

    /** The consultant's profiles in every organization: these five, plus what a primary contact gets (6 in all). */
    private static final String[] MODULES = {"sr", "ecm"};
    private static final String[] PROFILES = {"ofa-administrator", "sr-administrator", "sr-user", "ecm-administrator",
            "ecm-case-manager"};
    private static final int PROFILES_EACH = 6;

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm realm;

    /** Adding a contact sends the invitation email. */
    @InjectMailServer
    MailServer mail;

    /** The My NS Account stand-in, where the invited people sign in to accept (Fixture.activate). */
    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    /** One measured setup: who signs in, with which client, asking for which scope. */
    private record Setup(String name, String clientId, String username, String scope, int organizations) {
    }

    @Test
    void consultantInThirtyOrganizations() {
        // Defaults: seeding ~1 min, warm-up 6 x 24 s, rounds 7 x 6 x 4 s; with a quiet start (60-70 s), about 8 minutes.
        int seconds = Bench.setting("consultant.seconds", 4);
        int rounds = Bench.setting("consultant.rounds", 7);
        int warmup = Bench.setting("consultant.warmup", 24);
        int workers = Bench.setting("consultant.workers", 8);

        People people = new People(realm);
        Fixture fixture = new Fixture(people, people.operationsSupport(Fixture.unique("ops")), mail, mynsaccount);
        long seeding = System.nanoTime();
        List<String> threeOrganizations = new ArrayList<>();
        List<String> thirtyOrganizations = new ArrayList<>();
        String three = personIn(3, fixture, people, threeOrganizations);
        String thirty = personIn(30, fixture, people, thirtyOrganizations);
        Bench.report(FILE, "consultant-seeding", Bench.values("people", 2, "organizations", 33,
                "acceptances", 33, "seconds", Bench.seconds(seeding)));
        createClient(NO_CLAIM_CLIENT, Set.of(SHIPPED_SCOPE), null);
        createClient(SHIPPED_CLIENT, Set.of(), null);
        createLeanProfileScope();
        createClient(LEAN_CLIENT, Set.of(SHIPPED_SCOPE, PROFILE_SCOPE), LEAN_PROFILE_SCOPE);
        createClient(LEAN_SHIPPED_CLIENT, Set.of(PROFILE_SCOPE), LEAN_PROFILE_SCOPE);

        List<Setup> setups = new ArrayList<>(List.of(
                new Setup(THREE_NONE, NO_CLAIM_CLIENT, three, "openid", 3),
                new Setup(THIRTY_NONE, NO_CLAIM_CLIENT, thirty, "openid", 30),
                new Setup(THIRTY_COMPACT, SHIPPED_CLIENT, thirty, "openid", 30),
                new Setup(THREE_LEAN, LEAN_CLIENT, three, "openid", 3),
                new Setup(THIRTY_LEAN, LEAN_CLIENT, thirty, "openid", 30),
                new Setup(THIRTY_LEAN_COMPACT, LEAN_SHIPPED_CLIENT, thirty, "openid", 30)));
        Setup oneOrganization = new Setup(THIRTY_ONE_ORG, SHIPPED_CLIENT, thirty,
                "openid lampss:org:" + thirtyOrganizations.get(0), 30);
        HttpResponse<String> probe = Load.send(tokenRequest(oneOrganization.clientId(), Map.of("grant_type", "password",
                "username", thirty, "password", People.PASSWORD, "scope", oneOrganization.scope())));
        if (probe.statusCode() == 200) {
            setups.add(oneOrganization);
        } else {
            Bench.report(FILE, "consultant-skipped", Bench.values("setup", THIRTY_ONE_ORG, "status", probe.statusCode(),
                    "reason", String.valueOf(TokenRequests.read(probe.body()).get("error")).replace(' ', '_')));
        }

        Map<String, List<Supplier<HttpRequest>>> load = new LinkedHashMap<>();
        for (Setup setup : setups) {
            List<Supplier<HttpRequest>> requests = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                Map<String, Object> tokens = passwordGrant(setup);
                HttpRequest refresh = tokenRequest(setup.clientId(), Map.of("grant_type", "refresh_token",
                        "refresh_token", (String) tokens.get("refresh_token")));
                if (w == 0) {
                    check(setup, tokens, Load.send(refresh).body());
                }
                requests.add(() -> refresh);
            }
            load.put(setup.name(), requests);
        }
        List<String> names = setups.stream().map(Setup::name).toList();

        for (int pass = 0; pass < WARMUP_PASSES; pass++) {
            for (String setup : names) {
                Load.run(load.get(setup), Duration.ofSeconds(Math.max(1, warmup / WARMUP_PASSES)), 200);
            }
        }
        ServerCpu server = ServerCpu.find();
        assertNotNull(server, "the Keycloak server process started by the test framework");
        Map<String, List<Load.Result>> results = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        names.forEach(setup -> results.put(setup, new ArrayList<>()));
        names.forEach(setup -> cpu.put(setup, new ArrayList<>()));
        for (int round = 1; round <= rounds; round++) {
            for (String setup : Bench.rotated(names, round)) {
                double cpuBefore = server.seconds();
                long start = System.currentTimeMillis();
                Load.Result result = Load.run(load.get(setup), Duration.ofSeconds(seconds), 200);
                long end = System.currentTimeMillis();
                double cpuMs = (server.seconds() - cpuBefore) * 1000 / result.ok();
                assertEquals(0, result.failed(), () -> setup + ": " + result.firstFailure());
                results.get(setup).add(result);
                cpu.get(setup).add(cpuMs);
                Bench.report(FILE, "consultant-round", Bench.values("round", round, "setup", setup, "requests", result.ok(),
                        "per_second", result.perSecond(), "p50_ms", result.p(0.5), "p95_ms", result.p(0.95),
                        "failed", result.failed(), "server_cpu_ms_per_request", cpuMs, "start_ms", start, "end_ms", end));
            }
        }
        summarise(names, results, cpu, workers, seconds, rounds);
    }

    private static void summarise(List<String> names, Map<String, List<Load.Result>> results, Map<String, List<Double>> cpu,
                                  int workers, int seconds, int rounds) {
        Map<String, double[]> speed = new LinkedHashMap<>();
        for (String setup : names) {
            List<Load.Result> r = results.get(setup);
            double[] perSecond = r.stream().mapToDouble(Load.Result::perSecond).toArray();
            speed.put(setup, perSecond);
            Bench.report(FILE, "consultant", Bench.values("setup", setup, "workers", workers, "rounds", rounds,
                    "seconds_per_round", seconds, "per_second", Bench.median(perSecond),
                    "per_second_min", Bench.min(perSecond), "per_second_max", Bench.max(perSecond),
                    "p50_ms", Bench.median(r.stream().mapToDouble(x -> x.p(0.5)).toArray()),
                    "p95_ms", Bench.median(r.stream().mapToDouble(x -> x.p(0.95)).toArray()),
                    "server_cpu_ms_per_request", Bench.median(cpu.get(setup).stream().mapToDouble(Double::doubleValue).toArray())));
        }
        double[] thirtyVsThree = Bench.ratios(speed.get(THIRTY_NONE), speed.get(THREE_NONE));
        double[] compactVsNone = Bench.ratios(speed.get(THIRTY_COMPACT), speed.get(THIRTY_NONE));
        double[] threeOverThirty = Bench.ratios(speed.get(THREE_NONE), speed.get(THIRTY_NONE));
        double[] threeOverCompact = Bench.ratios(speed.get(THREE_NONE), speed.get(THIRTY_COMPACT));
        double[] cpuThirtyOverThree = Bench.ratios(cpu.get(THIRTY_NONE).stream().mapToDouble(Double::doubleValue).toArray(),
                cpu.get(THREE_NONE).stream().mapToDouble(Double::doubleValue).toArray());
        Map<String, Object> values = Bench.values(
                "thirty_none_vs_three_none", Bench.median(thirtyVsThree),
                "thirty_none_vs_three_none_min", Bench.min(thirtyVsThree), "thirty_none_vs_three_none_max", Bench.max(thirtyVsThree),
                "thirty_compact_vs_thirty_none", Bench.median(compactVsNone),
                "thirty_compact_vs_thirty_none_min", Bench.min(compactVsNone), "thirty_compact_vs_thirty_none_max", Bench.max(compactVsNone),
                "three_over_thirty_none", Bench.median(threeOverThirty),
                "three_over_thirty_none_min", Bench.min(threeOverThirty), "three_over_thirty_none_max", Bench.max(threeOverThirty),
                "three_over_thirty_compact", Bench.median(threeOverCompact),
                "cpu_thirty_none_over_three_none", Bench.median(cpuThirtyOverThree));
        double[] threeOverThirtyLean = Bench.ratios(speed.get(THREE_LEAN), speed.get(THIRTY_LEAN));
        double[] leanVsNone = Bench.ratios(speed.get(THIRTY_LEAN), speed.get(THIRTY_NONE));
        double[] leanCompactVsCompact = Bench.ratios(speed.get(THIRTY_LEAN_COMPACT), speed.get(THIRTY_COMPACT));
        double[] threeNoneOverThirtyLean = Bench.ratios(speed.get(THREE_NONE), speed.get(THIRTY_LEAN));
        double[] threeNoneOverThirtyLeanCompact = Bench.ratios(speed.get(THREE_NONE), speed.get(THIRTY_LEAN_COMPACT));
        values.put("thirty_lean_vs_thirty_none", Bench.median(leanVsNone));
        values.put("thirty_lean_vs_thirty_none_min", Bench.min(leanVsNone));
        values.put("thirty_lean_vs_thirty_none_max", Bench.max(leanVsNone));
        values.put("thirty_lean_compact_vs_thirty_compact", Bench.median(leanCompactVsCompact));
        values.put("thirty_lean_compact_vs_thirty_compact_min", Bench.min(leanCompactVsCompact));
        values.put("thirty_lean_compact_vs_thirty_compact_max", Bench.max(leanCompactVsCompact));
        values.put("three_lean_over_thirty_lean", Bench.median(threeOverThirtyLean));
        values.put("three_lean_over_thirty_lean_min", Bench.min(threeOverThirtyLean));
        values.put("three_lean_over_thirty_lean_max", Bench.max(threeOverThirtyLean));
        values.put("three_none_over_thirty_lean", Bench.median(threeNoneOverThirtyLean));
        values.put("three_none_over_thirty_lean_compact", Bench.median(threeNoneOverThirtyLeanCompact));
        if (speed.containsKey(THIRTY_ONE_ORG)) {
            values.put("thirty_one_org_vs_thirty_compact", Bench.median(Bench.ratios(speed.get(THIRTY_ONE_ORG), speed.get(THIRTY_COMPACT))));
        }
        // The same by the server's CPU per token response (the load generator shares the two cores).
        values.put("cpu_thirty_lean_over_three_lean", Bench.median(Bench.ratios(cpuOf(cpu, THIRTY_LEAN), cpuOf(cpu, THREE_LEAN))));
        values.put("cpu_thirty_lean_over_thirty_none", Bench.median(Bench.ratios(cpuOf(cpu, THIRTY_LEAN), cpuOf(cpu, THIRTY_NONE))));
        values.put("cpu_thirty_lean_compact_over_thirty_compact",
                Bench.median(Bench.ratios(cpuOf(cpu, THIRTY_LEAN_COMPACT), cpuOf(cpu, THIRTY_COMPACT))));
        values.put("cpu_thirty_compact_over_thirty_none", Bench.median(Bench.ratios(cpuOf(cpu, THIRTY_COMPACT), cpuOf(cpu, THIRTY_NONE))));
        values.put("target_ratio", TARGET_RATIO);
        values.put("target_met", Bench.median(threeOverThirty) <= TARGET_RATIO);
        values.put("target_met_compact", Bench.median(threeOverCompact) <= TARGET_RATIO);
        values.put("target_met_lean", Bench.median(threeOverThirtyLean) <= TARGET_RATIO);
        values.put("target_met_lean_vs_three_none", Bench.median(threeNoneOverThirtyLean) <= TARGET_RATIO);
        Bench.report(FILE, "consultant-ratio", values);
    }

    private static double[] cpuOf(Map<String, List<Double>> cpu, String setup) {
        return cpu.get(setup).stream().mapToDouble(Double::doubleValue).toArray();
    }

    // ------------------------------------------------------------------ the people

    /**
     * A person active in {@code count} organizations with the same 6 profiles in each, as the claim test's
     * consultant: the first contact (so the primary contact, which adds Self-Service with Full Update) of
     * each new organization, each invitation accepted through the stand-in. Returns the username.
     */
    private String personIn(int count, Fixture fixture, People people, List<String> organizations) {
        String email = Fixture.unique("consultant" + count) + "@example.ca";
        String userId = null;
        for (int i = 0; i < count; i++) {
            String organization = fixture.organization(MODULES);
            organizations.add(organization);
            LampssApi.Reply added = fixture.addContact(organization, email, PROFILES);
            assertEquals(201, added.status(), added::toString);
            userId = added.string("id");
            fixture.activate(organization, userId);
        }
        people.givePassword(userId);
        return realm.admin().users().get(userId).toRepresentation().getUsername();
    }

    // ------------------------------------------------------------------ clients

    /**
     * A copy of the shipped demo app with the password grant, with its default scopes but {@code without},
     * plus {@code extraScope} when given.
     */
    private void createClient(String clientId, Set<String> without, String extraScope) {
        ClientResource demo = client("lampss-demo-app");
        ClientRepresentation copy = demo.toRepresentation();
        copy.setId(null);
        copy.setClientId(clientId);
        copy.setName(clientId);
        copy.setSecret(SECRET);
        copy.setDirectAccessGrantsEnabled(true);
        List<String> scopes = new ArrayList<>(copy.getDefaultClientScopes().stream().filter(s -> !without.contains(s)).toList());
        if (extraScope != null) {
            scopes.add(extraScope);
        }
        copy.setDefaultClientScopes(scopes);
        if (copy.getProtocolMappers() != null) {
            copy.getProtocolMappers().forEach(mapper -> mapper.setId(null));
        }
        realm.admin().clients().create(copy).close();
        ClientResource created = client(clientId);
        String profilesClient = realm.admin().clients().findByClientId("lampss").get(0).getId();
        List<RoleRepresentation> profiles = demo.getScopeMappings().clientLevel(profilesClient).listAll();
        created.getScopeMappings().clientLevel(profilesClient).add(profiles);
    }

    /**
     * The fix measured here, a client-scope setting: a copy of Keycloak's built-in {@code profile} scope that
     * keeps the full-name mapper and the attribute mappers of the attributes every LaMPSS person has
     * (username, first and last name), and leaves out those of attributes LaMPSS never sets (middle name,
     * nickname, profile, picture, website, gender, birthdate, zoneinfo, locale, updated at). Keycloak's
     * attribute mapper looks for a missing attribute in every group of the person and their parents
     * (KeycloakModelUtils.resolveAttribute), once per mapper and token.
     */
    private void createLeanProfileScope() {
        ClientScopeRepresentation profile = realm.admin().clientScopes().findAll().stream()
                .filter(scope -> PROFILE_SCOPE.equals(scope.getName())).findFirst().orElseThrow();
        List<ProtocolMapperRepresentation> kept = new ArrayList<>();
        for (ProtocolMapperRepresentation mapper : realm.admin().clientScopes().get(profile.getId()).getProtocolMappers().getMappers()) {
            boolean attribute = "oidc-usermodel-attribute-mapper".equals(mapper.getProtocolMapper());
            if (!attribute || PRESENT_ATTRIBUTES.contains(mapper.getConfig().get("user.attribute"))) {
                mapper.setId(null);
                kept.add(mapper);
            }
        }
        ClientScopeRepresentation lean = new ClientScopeRepresentation();
        lean.setName(LEAN_PROFILE_SCOPE);
        lean.setProtocol(profile.getProtocol());
        lean.setAttributes(profile.getAttributes());
        lean.setProtocolMappers(kept);
        try (var response = realm.admin().clientScopes().create(lean)) {
            assertEquals(201, response.getStatus(), () -> response.readEntity(String.class));
        }
        Bench.report(FILE, "consultant-lean-scope", Bench.values("mappers_kept", kept.size(), "names",
                String.join(",", kept.stream().map(m -> m.getName().replace(' ', '_')).toList())));
    }

    private ClientResource client(String clientId) {
        return realm.admin().clients().get(realm.admin().clients().findByClientId(clientId).get(0).getId());
    }

    // ------------------------------------------------------------------ tokens

    /** Each setup's tokens say what they should (the refreshed ones too); their sizes are reported. */
    @SuppressWarnings("unchecked")
    private void check(Setup setup, Map<String, Object> signIn, String refreshBody) {
        Map<String, Object> refreshed = TokenRequests.read(refreshBody);
        String accessToken = (String) refreshed.get("access_token");
        assertNotNull(accessToken, refreshBody);
        Map<String, Object> claims = Jwt.payload(accessToken);
        Map<String, Object> claim = (Map<String, Object>) claims.get(CLAIM);
        List<String> roles = (List<String>) ((Map<String, Object>) ((Map<String, Object>) claims.get("resource_access"))
                .get("lampss")).get("roles");
        assertEquals(PROFILES_EACH, roles.size(), roles::toString);
        Map<String, Object> comparable = new LinkedHashMap<>(claims);
        VOLATILE_CLAIMS.forEach(comparable::remove);
        Map<String, Object> before = claimsSeen.putIfAbsent(setup.username() + " " + (claim == null ? "none" : "claim"), comparable);
        if (before != null) {
            assertEquals(before, comparable, "the lean profile scope leaves the access token's claims as they were");
        }
        switch (setup.name()) {
            case THIRTY_COMPACT, THIRTY_LEAN_COMPACT -> {
                assertEquals(setup.organizations(), claim.size(), claims::toString);
                claim.values().forEach(profiles -> assertEquals(PROFILES_EACH, ((List<?>) profiles).size(), profiles::toString));
            }
            case THIRTY_ONE_ORG -> assertEquals(1, claim.size(), claims::toString);
            default -> assertNull(claim, claims::toString);
        }
        Bench.report(FILE, "consultant-size", Bench.values("setup", setup.name(), "organizations", setup.organizations(),
                "groups", setup.organizations() * (1 + PROFILES_EACH), "access_token_bytes", accessToken.length(),
                "id_token_bytes", ((String) refreshed.get("id_token")).length(), "response_bytes", refreshBody.length(),
                "sign_in_access_token_bytes", ((String) signIn.get("access_token")).length(),
                "claim_organizations", claim == null ? 0 : claim.size(), "resource_access_profiles", roles.size()));
    }

    /**
     * A new session of this setup's person (password grant). The shipped realm has brute-force detection
     * on, and it answered one of the quick password grants of the setup {@code user_temporarily_disabled}
     * (the first retry a second later succeeded): a refused grant is retried, with the person's
     * login-failure record cleared (admin API) when it is not empty, and the retries are reported.
     */
    /** Claims that differ from one token to the next, or name the scopes. */
    private static final List<String> VOLATILE_CLAIMS = List.of("exp", "iat", "jti", "sid", "session_state", "scope", "azp", "auth_time");
    private final Map<String, Map<String, Object>> claimsSeen = new LinkedHashMap<>();

    private Map<String, Object> passwordGrant(Setup setup) {
        HttpResponse<String> response = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            String userId = realm.admin().users().search(setup.username(), true).get(0).getId();
            Map<String, Object> status = realm.admin().attackDetection().bruteForceUserStatus(userId);
            if (Boolean.TRUE.equals(status.get("disabled")) || !Integer.valueOf(0).equals(status.get("numFailures"))) {
                if (!bruteForceReported) {
                    bruteForceReported = true;
                    Bench.report(FILE, "consultant-brute-force", Bench.values("setup", setup.name(), "status",
                            status.toString().replace(' ', '_')));
                }
                realm.admin().attackDetection().clearBruteForceForUser(userId);
            }
            response = Load.send(tokenRequest(setup.clientId(), Map.of("grant_type", "password",
                    "username", setup.username(), "password", People.PASSWORD, "scope", setup.scope())));
            if (response.statusCode() == 200) {
                return TokenRequests.read(response.body());
            }
            Bench.report(FILE, "consultant-sign-in-retry", Bench.values("setup", setup.name(), "status", response.statusCode(),
                    "error", String.valueOf(TokenRequests.read(response.body()).get("error"))));
            sleep(1000);
        }
        throw new AssertionError(response.statusCode() + " " + response.body());
    }

    private boolean bruteForceReported;

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest tokenRequest(String clientId, Map<String, String> form) {
        return TokenRequests.form(realm.getBaseUrl(), clientId, SECRET, form);
    }

}
