package ca.novascotia.lampss.it.api;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.api.LampssApi.Reply;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.MultipleFailuresError;

/**
 * Who may do what, checked end to end: every case is one request of one person (actor) doing one
 * action on one target over HTTP against the real server, asserting the status (and the error code
 * of a refusal) and then the state as Operations Support reads it back.
 *
 * <p>The expected outcomes are written here, from DOMAIN.md and the permission table in
 * DelegationPolicy's Javadoc, and never computed by the server's own policy class: {@link #TABLE}
 * for organization and contact actions, {@link #GIVES} and {@link #OPERATIONS_SUPPORT_ONLY} for
 * giving and taking back profiles. Where several reasons apply, the one expected is the first of the
 * Javadoc's order: Operations Support only, not a member (404 here, so that ids cannot be probed), the
 * target is the actor (OWN_*), the actor's profiles, then the state of the organization or target.
 *
 * <p>Organization A has every module; organization B only the Funding Agreement. Each actor is an
 * active member of A unless noted. Every case that may change something gets a target contact no
 * allowed case has touched: one added by Operations Support through the API and, unless it is to
 * stay invited, made active by accepting the invitation; or one that a refused case left exactly as
 * it was (the case checks its state, profiles, details and role), since accepting costs a browser
 * round trip and three quarters of the cases are refusals.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class AuthorizationMatrixTest {

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm realm;

    /** Adding a contact sends the invitation email; a refused delivery fails the request. */
    @InjectMailServer
    MailServer mail;

    /** The My NS Account stand-in, where the invited people sign in to accept (Fixture.activate). */
    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    // ------------------------------------------------------------------------------------------------
    // The expected outcomes (independent of the server's DelegationPolicy)
    // ------------------------------------------------------------------------------------------------

    static final String SS = "ofa-self-service-full-update";
    static final String OFA_ADMIN = "ofa-administrator";
    static final String OFA_USER = "ofa-user";
    static final String OFA_READ_ONLY = "ofa-read-only";
    static final String SR_ADMIN = "sr-administrator";
    static final String SR_USER = "sr-user";
    static final String SR_INQUIRY_ONLY = "sr-inquiry-only";
    static final String ECM_ADMIN = "ecm-administrator";
    static final String ECM_INTAKE = "ecm-case-intake-follow-up";
    static final String ECM_INQUIRY = "ecm-inquiry";
    static final String ECM_REVIEWER = "ecm-reviewer";
    static final String ECM_INQUIRY_ONLY = "ecm-inquiry-only";
    static final String ECM_BUSINESS = "ecm-business-associates-update";
    static final String ECM_CASE_MANAGER = "ecm-case-manager";
    static final String PCC_ADMIN = "pcc-administrator";
    static final String PCC_TRAINING = "pcc-training-program-maintenance";
    static final String PCC_ADMISSION = "pcc-admission-enrolment-maintenance";
    static final String PCC_INSTRUCTORS = "pcc-admissions-enrolments-instructors-maintenance";
    static final String LM_ADMIN = "lm-administrator";
    static final String LM_MANAGER = "lm-manager";
    static final String LM_READ_ONLY = "lm-read-only";

    /** The 21 security profiles, in the guide's order. */
    static final List<String> ALL_PROFILES = List.of(
            SS, OFA_ADMIN, OFA_USER, OFA_READ_ONLY,
            SR_ADMIN, SR_USER, SR_INQUIRY_ONLY,
            ECM_ADMIN, ECM_INTAKE, ECM_INQUIRY, ECM_REVIEWER, ECM_INQUIRY_ONLY, ECM_BUSINESS, ECM_CASE_MANAGER,
            PCC_ADMIN, PCC_TRAINING, PCC_ADMISSION, PCC_INSTRUCTORS,
            LM_ADMIN, LM_MANAGER, LM_READ_ONLY);

    /** "Operations Support alone gives: Self-Service Full Update, SR, ECM, PCC and LM Administrator." */
    static final Set<String> OPERATIONS_SUPPORT_ONLY = Set.of(SS, SR_ADMIN, ECM_ADMIN, PCC_ADMIN, LM_ADMIN);

    /** The "gives and takes back" column: holder of the key → the profiles they give and take back. */
    static final Map<String, Set<String>> GIVES = Map.of(
            SS, Set.of(OFA_ADMIN, OFA_USER, OFA_READ_ONLY),
            OFA_ADMIN, Set.of(OFA_ADMIN, OFA_USER, OFA_READ_ONLY),
            SR_ADMIN, Set.of(SR_USER, SR_INQUIRY_ONLY),
            ECM_ADMIN, Set.of(ECM_INTAKE, ECM_INQUIRY, ECM_REVIEWER, ECM_INQUIRY_ONLY, ECM_BUSINESS, ECM_CASE_MANAGER),
            PCC_ADMIN, Set.of(PCC_TRAINING, PCC_ADMISSION, PCC_INSTRUCTORS),
            LM_ADMIN, Set.of(LM_MANAGER, LM_READ_ONLY));

    /** The people who act. */
    enum Who {
        SELF_SERVICE("OFA Self-Service Full Update", true, SS),
        OFA_ADMINISTRATOR("OFA Administrator", true, OFA_ADMIN),
        OFA_USER_("OFA User", true, OFA_USER),
        OFA_READ_ONLY_("OFA Read only", true, OFA_READ_ONLY),
        SR_ADMINISTRATOR("SR Administrator", true, SR_ADMIN),
        SR_USER_("SR User", true, SR_USER),
        ECM_ADMINISTRATOR("ECM Administrator", true, ECM_ADMIN),
        ECM_CASE_MANAGER_("ECM Case manager", true, ECM_CASE_MANAGER),
        PCC_ADMINISTRATOR("PCC Administrator", true, PCC_ADMIN),
        LM_ADMINISTRATOR("LM Administrator", true, LM_ADMIN),
        LM_MANAGER_("LM Manager", true, LM_MANAGER),
        NO_PROFILE("Member with no profile", true),
        /** What Operations Support gives a college's primary contact: Self-Service and PCC Administrator. */
        PRIMARY("Primary contact", true, SS, PCC_ADMIN),
        OPS("Operations Support", false),
        OTHER_ORG_ADMIN("OFA Administrator of organization B", false),
        OUTSIDER("Realm user with no organization", false);

        final String label;
        final boolean memberOfA;
        final Set<String> heldInA;

        Who(String label, boolean memberOfA, String... heldInA) {
            this.label = label;
            this.memberOfA = memberOfA;
            this.heldInA = new LinkedHashSet<>(List.of(heldInA));
        }

        /** The profiles this actor gives and takes back in A (Operations Support: all). */
        Set<String> gives() {
            Set<String> result = new TreeSet<>();
            heldInA.forEach(held -> result.addAll(GIVES.getOrDefault(held, Set.of())));
            return result;
        }
    }

    /** Organization-level and contact actions of the table. */
    enum Op {
        VIEW_ORG("VIEW organization", "organization A"),
        LIST("LIST contacts", "organization A"),
        VIEW_CONTACT("VIEW contact", "active contact"),
        AUDIT("VIEW audit trail", "organization A"),
        EXPORT("EXPORT access review", "organization A"),
        SEARCH("SEARCH organizations", "GET /organizations"),
        ADD("ADD contact (no profile)", "organization A"),
        MODIFY("MODIFY contact details", "active contact"),
        DEACTIVATE("DEACTIVATE", "active contact holding ofa-read-only"),
        REACTIVATE("REACTIVATE", "inactive contact who held ofa-read-only"),
        TRANSFER("TRANSFER primary contact", "to an active contact"),
        UPDATE_ORG("UPDATE organization info (names)", "organization A"),
        CREATE("CREATE organization", "realm"),
        MODULES("CHANGE modules", "organization A (drop lm)");

        final String label;
        final String target;

        Op(String label, String target) {
            this.label = label;
            this.target = target;
        }
    }

    /**
     * Y allowed (200, 201 for ADD and CREATE); - refused for the actor's profiles (403
     * ACTION_NOT_PERMITTED, or NOT_PRIMARY_CONTACT for TRANSFER); O 403 OPERATIONS_SUPPORT_ONLY;
     * N 404 ORGANIZATION_NOT_FOUND (not a member of A); SEARCH: A every organization, M only the
     * actor's own (never a 403). The primary contact holds Self-Service and PCC Administrator.
     */
    static final String TABLE = """
            actor             VIEW_ORG LIST VIEW_CONTACT AUDIT EXPORT SEARCH ADD MODIFY DEACTIVATE REACTIVATE TRANSFER UPDATE_ORG CREATE MODULES
            SELF_SERVICE      Y        Y    Y            Y     Y      M      Y   Y      Y          Y          -        -          O      O
            OFA_ADMINISTRATOR Y        Y    Y            Y     Y      M      Y   Y      Y          Y          -        Y          O      O
            OFA_USER_         Y        -    -            -     -      M      -   -      -          -          -        -          O      O
            OFA_READ_ONLY_    Y        -    -            -     -      M      -   -      -          -          -        -          O      O
            SR_ADMINISTRATOR  Y        Y    Y            -     -      M      -   -      -          -          -        Y          O      O
            SR_USER_          Y        -    -            -     -      M      -   -      -          -          -        -          O      O
            ECM_ADMINISTRATOR Y        Y    Y            Y     Y      M      Y   Y      Y          Y          -        Y          O      O
            ECM_CASE_MANAGER_ Y        -    -            -     -      M      -   -      -          -          -        -          O      O
            PCC_ADMINISTRATOR Y        Y    Y            Y     Y      M      Y   Y      Y          Y          -        Y          O      O
            LM_ADMINISTRATOR  Y        Y    Y            Y     Y      M      Y   Y      Y          Y          -        -          O      O
            LM_MANAGER_       Y        -    -            -     -      M      -   -      -          -          -        -          O      O
            NO_PROFILE        Y        -    -            -     -      M      -   -      -          -          -        -          O      O
            PRIMARY           Y        Y    Y            Y     Y      M      Y   Y      Y          Y          Y        Y          O      O
            OPS               Y        Y    Y            Y     Y      A      Y   Y      Y          Y          Y        Y          Y      Y
            OTHER_ORG_ADMIN   N        N    N            N     N      M      N   N      N          N          N        N          O      N
            OUTSIDER          N        N    N            N     N      M      N   N      N          N          N        N          O      N
            """;

    static final Map<Who, Map<Op, Character>> EXPECTED = parse(TABLE);

    record Outcome(int status, String error) {
        static final Outcome OK = new Outcome(200, null);
        static final Outcome CREATED = new Outcome(201, null);

        static Outcome forbidden(String code) {
            return new Outcome(403, code);
        }

        static Outcome conflict(String code) {
            return new Outcome(409, code);
        }

        static Outcome notFound(String code) {
            return new Outcome(404, code);
        }

        boolean allowed() {
            return status < 300;
        }

        @Override
        public String toString() {
            return allowed() ? String.valueOf(status) : status + " " + error;
        }
    }

    static final Outcome NOT_IN_A = Outcome.notFound("ORGANIZATION_NOT_FOUND");

    static Outcome tableOutcome(Op op, char symbol) {
        return switch (symbol) {
            case 'Y' -> op == Op.ADD || op == Op.CREATE ? Outcome.CREATED : Outcome.OK;
            case 'A', 'M' -> Outcome.OK;
            case '-' -> Outcome.forbidden(op == Op.TRANSFER ? "NOT_PRIMARY_CONTACT" : "ACTION_NOT_PERMITTED");
            case 'O' -> Outcome.forbidden("OPERATIONS_SUPPORT_ONLY");
            case 'N' -> NOT_IN_A;
            default -> throw new IllegalArgumentException("unknown symbol " + symbol);
        };
    }

    /** Giving or taking back {@code profile} in A, to or from someone else. */
    static Outcome profileOutcome(Who who, String profile) {
        if (who == Who.OPS) {
            return Outcome.OK;
        }
        if (!who.memberOfA) {
            return NOT_IN_A;
        }
        if (OPERATIONS_SUPPORT_ONLY.contains(profile)) {
            return Outcome.forbidden("OPERATIONS_SUPPORT_ONLY");
        }
        return who.gives().contains(profile) ? Outcome.OK : Outcome.forbidden("PROFILE_NOT_DELEGABLE");
    }

    static Map<Who, Map<Op, Character>> parse(String table) {
        List<String> lines = table.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        String[] header = lines.get(0).split("\\s+");
        Map<Who, Map<Op, Character>> result = new EnumMap<>(Who.class);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\\s+");
            if (cells.length != header.length) {
                throw new IllegalStateException("bad table row: " + line);
            }
            Map<Op, Character> row = new EnumMap<>(Op.class);
            for (int i = 1; i < cells.length; i++) {
                row.put(Op.valueOf(header[i]), cells[i].charAt(0));
            }
            result.put(Who.valueOf(cells[0]), row);
        }
        if (result.size() != Who.values().length || result.values().stream().anyMatch(row -> row.size() != Op.values().length)) {
            throw new IllegalStateException("the table must have every actor and every action");
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------------
    // The people and organizations, created once for the class
    // ------------------------------------------------------------------------------------------------

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CSV_HEADER = "last_name,first_name,email,state,primary_contact,profiles,last_sign_in";

    private People people;
    private Caller ops;
    private final Map<Who, Caller> actors = new EnumMap<>(Who.class);
    /** Operations Support staff who is also a contact of A (ofa-user), for the "own" rules. */
    private Caller opsMember;
    /** A member of B (ofa-user) who was deactivated in A. */
    private Caller leaver;
    /** Deactivated in A, their only organization: can no longer sign in. */
    private Caller gone;
    private String orgA;
    private String orgB;
    private String numberA;
    private String numberB;
    private Contact viewTarget;
    private Contact contactOfB;
    /** Targets a refused case left as they were, by {@link #targetKind}: the next case needing one takes it. */
    private final Map<String, Deque<Contact>> unchanged = new HashMap<>();
    /** The targets the running case took, with their kind. */
    private final List<Map.Entry<String, Contact>> drawn = new ArrayList<>();
    private int targetsAccepted;
    private int targetsReused;

    private int allowed;
    private int denied;
    private int passed;
    private final List<String> failures = new ArrayList<>();
    private long started;

    /** One request's author, with a token renewed before it expires (the realm's tokens live 5 minutes). */
    private final class Caller {
        final String label;
        final String userId;
        final String username;
        private String token;
        private long signedInAt;

        Caller(String label, String userId, String username) {
            this.label = label;
            this.userId = userId;
            this.username = username;
        }

        String token() {
            if (System.currentTimeMillis() - signedInAt > 180_000) {
                signIn();
            }
            return token;
        }

        LampssApi api() {
            return new LampssApi(realm.getBaseUrl(), token(), null);
        }

        void signIn() {
            token = people.accessToken(username);
            signedInAt = System.currentTimeMillis();
        }
    }

    /** A contact as added by Operations Support (details as stored). */
    record Contact(String org, String id, String email, String firstName, String lastName) {
        String path() {
            return Fixture.path(org, id);
        }
    }

    enum State { INVITED, ACTIVE, INACTIVE }

    private Fixture fixture() {
        return new Fixture(people, ops.api(), mail, mynsaccount);
    }

    private void setUp() {
        started = System.nanoTime();
        people = new People(realm);
        ops = operationsSupport(Who.OPS.label);
        actors.put(Who.OPS, ops);

        orgA = fixture().organization("sr", "ecm", "pcc", "lm");
        orgB = fixture().organization();
        numberA = (String) organizationAsOps(orgA).get("externalNumber");
        numberB = (String) organizationAsOps(orgB).get("externalNumber");
        assertEquals(List.of("ofa", "sr", "ecm", "pcc", "lm"), organizationAsOps(orgA).get("modules"));
        assertEquals(List.of("ofa"), organizationAsOps(orgB).get("modules"));

        // The first contact becomes the primary contact, and accepts the invitation.
        Reply first = fixture().addContact(orgA, Fixture.unique("primary") + "@example.ca");
        assertEquals(201, first.status(), first::toString);
        assertEquals(Boolean.TRUE, first.json().get("primaryContact"));
        fixture().activate(orgA, first.string("id"));
        actors.put(Who.PRIMARY, signIn(Who.PRIMARY.label, first.string("id")));
        Map<String, Object> primaryView = contactAsOps(orgA, first.string("id"));
        assertEquals(Who.PRIMARY.heldInA, profilesOf(primaryView), "what a college's primary contact receives");
        assertEquals(Boolean.TRUE, primaryView.get("primaryContact"));

        for (Who who : Who.values()) {
            if (who.memberOfA && who != Who.PRIMARY) {
                Contact member = newContact(orgA, State.ACTIVE, who.heldInA.toArray(String[]::new));
                actors.put(who, signIn(who.label, member.id()));
            }
        }
        Reply firstOfB = fixture().addContact(orgB, Fixture.unique("b-primary") + "@example.ca");
        assertEquals(201, firstOfB.status(), firstOfB::toString);
        Contact adminOfB = newContact(orgB, State.ACTIVE, OFA_ADMIN);
        actors.put(Who.OTHER_ORG_ADMIN, signIn(Who.OTHER_ORG_ADMIN.label, adminOfB.id()));
        actors.put(Who.OUTSIDER, realmUser(Who.OUTSIDER.label, false));

        // Operations Support cannot be attached by email (docs/shared-people.md, rule 1): this is a
        // contact of A whom an identity admin later gave the Operations Support role.
        Contact becameOps = addedContact(orgA, State.ACTIVE, OFA_USER);
        realm.admin().users().get(becameOps.id()).roles().realmLevel()
                .add(List.of(realm.admin().roles().get("operations-support").toRepresentation()));
        opsMember = signIn("Operations Support who is a contact of A", becameOps.id());

        Contact leaving = newContact(orgA, State.ACTIVE, OFA_ADMIN);
        Reply alsoInB = fixture().addContact(orgB, leaving.email(), OFA_USER);
        assertEquals(201, alsoInB.status(), alsoInB::toString);
        fixture().activate(orgB, leaving.id());
        leaver = signIn("OFA Administrator deactivated in A (active in B)", leaving.id());
        okAsOps(ops.api().post(leaving.path() + "/deactivate", null));

        Contact going = newContact(orgA, State.ACTIVE, OFA_ADMIN);
        gone = signIn("OFA Administrator deactivated in A (no other organization)", going.id());
        gone.signedInAt = Long.MAX_VALUE / 2; // never renewed: they cannot sign in any more
        okAsOps(ops.api().post(going.path() + "/deactivate", null));

        viewTarget = newContact(orgA, State.ACTIVE, OFA_READ_ONLY);
        contactOfB = newContact(orgB, State.ACTIVE, OFA_USER);
        System.out.printf("MATRIX setup done in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    private Caller operationsSupport(String label) {
        return realmUser(label, true);
    }

    private Caller realmUser(String label, boolean operationsSupport) {
        String username = Fixture.unique(operationsSupport ? "ops" : "outsider");
        Caller caller = new Caller(label, people.createUser(username, operationsSupport), username);
        caller.signIn();
        return caller;
    }

    private Caller signIn(String label, String userId) {
        people.givePassword(userId);
        Caller caller = new Caller(label, userId, realm.admin().users().get(userId).toRepresentation().getUsername());
        caller.signIn();
        return caller;
    }

    private Contact newContact(String org, State state, String... profiles) {
        String kind = targetKind(org, state, profiles);
        Deque<Contact> kept = state == State.INVITED ? null : unchanged.get(kind);
        if (kept != null && !kept.isEmpty()) {
            Contact contact = kept.poll();
            targetsReused++;
            drawn.add(Map.entry(kind, contact));
            return contact;
        }
        Contact contact = addedContact(org, state, profiles);
        drawn.add(Map.entry(kind, contact));
        return contact;
    }

    private static String targetKind(String org, State state, String... profiles) {
        return org + " " + state + " " + new TreeSet<>(List.of(profiles));
    }

    private Contact addedContact(String org, State state, String... profiles) {
        String email = Fixture.unique("target") + "@example.ca";
        Reply added = fixture().addContact(org, email, profiles);
        assertEquals(201, added.status(), () -> "adding a target contact: " + added);
        Map<String, Object> json = added.json();
        Contact contact = new Contact(org, (String) json.get("id"), (String) json.get("email"),
                (String) json.get("firstName"), (String) json.get("lastName"));
        if (state != State.INVITED) {
            fixture().activate(org, contact.id());
            targetsAccepted++;
        }
        if (state == State.INACTIVE) {
            okAsOps(ops.api().post(contact.path() + "/deactivate", null));
        }
        return contact;
    }

    // ------------------------------------------------------------------------------------------------
    // The cases
    // ------------------------------------------------------------------------------------------------

    record Case(String name, Outcome expected, Executable body) {
    }

    @TestFactory
    Stream<DynamicTest> authorizationMatrix() {
        setUp();
        List<Case> cases = new ArrayList<>();
        List<Op> early = List.of(Op.VIEW_ORG, Op.LIST, Op.VIEW_CONTACT, Op.AUDIT, Op.EXPORT, Op.SEARCH,
                Op.ADD, Op.MODIFY, Op.DEACTIVATE, Op.REACTIVATE, Op.TRANSFER);
        early.forEach(op -> Arrays.stream(Who.values()).forEach(who -> cases.add(tableCase(who, op))));
        grantCases(cases);
        revokeCases(cases);
        specialCases(cases);
        ownCases(cases);
        // Last: these change organization A itself (names, modules).
        List.of(Op.UPDATE_ORG, Op.CREATE, Op.MODULES)
                .forEach(op -> Arrays.stream(Who.values()).forEach(who -> cases.add(tableCase(who, op))));

        cases.forEach(c -> {
            if (c.expected().allowed()) {
                allowed++;
            } else {
                denied++;
            }
        });
        return Stream.concat(cases.stream().map(this::dynamic),
                Stream.of(dynamicTest("MATRIX summary (" + cases.size() + " cases)", () -> summary(cases.size()))));
    }

    /**
     * Surefire's reports name dynamic tests by their index, so a failure's message starts with the
     * case's name.
     */
    private DynamicTest dynamic(Case c) {
        return dynamicTest(c.name(), () -> {
            drawn.clear();
            try {
                c.body().execute();
                passed++;
                if (!c.expected().allowed()) {
                    // Refused, and the case checked that its targets are unchanged: as good as new.
                    drawn.forEach(target -> unchanged.computeIfAbsent(target.getKey(), k -> new ArrayDeque<>()).add(target.getValue()));
                }
            } catch (Throwable failure) {
                String why = failure instanceof MultipleFailuresError multiple
                        ? multiple.getFailures().stream().map(Throwable::getMessage).collect(Collectors.joining(" | "))
                        : String.valueOf(failure.getMessage());
                failures.add(c.name() + " ::: " + why);
                throw new AssertionFailedError(c.name() + " ::: " + why, failure);
            }
        });
    }

    private void summary(int total) {
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        System.out.printf("MATRIX cases=%d allowed=%d denied=%d passed=%d failed=%d time=%ds targets_accepted=%d targets_reused=%d%n",
                total, allowed, denied, passed, failures.size(), seconds, targetsAccepted, targetsReused);
        failures.forEach(failure -> System.out.println("MATRIX FAILED " + failure));
        assertTrue(total >= 300, "at least 300 cases");
    }

    private static String name(String actor, String action, String target, Object outcome) {
        return actor + " · " + action + " · " + target + " → " + outcome;
    }

    // --- the table ----------------------------------------------------------------------------------

    private Case tableCase(Who who, Op op) {
        char symbol = EXPECTED.get(who).get(op);
        Outcome expected = tableOutcome(op, symbol);
        String target = who == Who.OPS && op == Op.MODULES ? "new organization (ofa → ofa+sr)" : op.target;
        Object shown = op == Op.SEARCH
                ? (symbol == 'A' ? "200 (every organization)" : "200 (own organizations only)") : expected;
        return new Case(name(who.label, op.label, target, shown), expected, () -> {
            Caller actor = actors.get(who);
            switch (op) {
                case VIEW_ORG -> viewOrganization(actor, expected);
                case LIST -> listContacts(actor, expected);
                case VIEW_CONTACT -> viewContact(actor, viewTarget, expected);
                case AUDIT -> audit(actor, expected);
                case EXPORT -> export(actor, expected);
                case SEARCH -> search(who, actor);
                case ADD -> addContact(actor, orgA, List.of(), expected);
                case MODIFY -> modify(actor, newContact(orgA, State.ACTIVE), expected);
                case DEACTIVATE -> deactivate(actor, newContact(orgA, State.ACTIVE, OFA_READ_ONLY), expected);
                case REACTIVATE -> reactivate(actor, newContact(orgA, State.INACTIVE, OFA_READ_ONLY), Set.of(OFA_READ_ONLY), expected);
                case TRANSFER -> transfer(actor, newContact(orgA, State.ACTIVE), expected);
                case UPDATE_ORG -> updateOrganization(actor, expected);
                case CREATE -> createOrganization(actor, expected);
                case MODULES -> changeModules(who, actor, expected);
            }
        });
    }

    // --- giving and taking back profiles ----------------------------------------------------------

    private void grantCases(List<Case> cases) {
        List<Who> grantors = List.of(Who.SELF_SERVICE, Who.OFA_ADMINISTRATOR, Who.SR_ADMINISTRATOR, Who.ECM_ADMINISTRATOR,
                Who.PCC_ADMINISTRATOR, Who.LM_ADMINISTRATOR, Who.PRIMARY, Who.OPS);
        for (Who who : grantors) {
            for (String profile : ALL_PROFILES) {
                cases.add(grantCase(who, profile));
            }
        }
        for (Who who : List.of(Who.OFA_USER_, Who.OFA_READ_ONLY_, Who.SR_USER_, Who.ECM_CASE_MANAGER_, Who.LM_MANAGER_, Who.NO_PROFILE)) {
            cases.add(grantCase(who, OFA_USER));
            cases.add(grantCase(who, ECM_ADMIN));
        }
        cases.add(grantCase(Who.OTHER_ORG_ADMIN, OFA_USER));
        cases.add(grantCase(Who.OUTSIDER, OFA_USER));
    }

    private Case grantCase(Who who, String profile) {
        Outcome expected = profileOutcome(who, profile);
        return new Case(name(who.label, "GRANT " + profile, "active contact", expected), expected,
                () -> changeProfiles(actors.get(who), newContact(orgA, State.ACTIVE), Set.of(), Set.of(profile), expected));
    }

    private void revokeCases(List<Case> cases) {
        List<Who> revokers = List.of(Who.SELF_SERVICE, Who.OFA_ADMINISTRATOR, Who.SR_ADMINISTRATOR, Who.ECM_ADMINISTRATOR,
                Who.PCC_ADMINISTRATOR, Who.LM_ADMINISTRATOR, Who.PRIMARY, Who.OPS);
        List<String> profiles = List.of(OFA_ADMIN, SS, SR_INQUIRY_ONLY, SR_ADMIN, ECM_CASE_MANAGER, PCC_ADMISSION, LM_READ_ONLY, LM_ADMIN);
        for (Who who : revokers) {
            for (String profile : profiles) {
                cases.add(revokeCase(who, profile));
            }
        }
        for (Who who : List.of(Who.OFA_USER_, Who.OFA_READ_ONLY_, Who.SR_USER_, Who.ECM_CASE_MANAGER_, Who.LM_MANAGER_,
                Who.NO_PROFILE, Who.OTHER_ORG_ADMIN, Who.OUTSIDER)) {
            cases.add(revokeCase(who, OFA_READ_ONLY));
        }
    }

    private Case revokeCase(Who who, String profile) {
        Outcome expected = profileOutcome(who, profile);
        return new Case(name(who.label, "REVOKE " + profile, "active contact holding it", expected), expected,
                () -> changeProfiles(actors.get(who), newContact(orgA, State.ACTIVE, profile), Set.of(profile), Set.of(), expected));
    }

    // --- rules bound to the state of the organization or target -----------------------------------

    private void specialCases(List<Case> cases) {
        Outcome primaryStays = Outcome.conflict("PRIMARY_CONTACT_CANNOT_BE_DEACTIVATED");
        Map<Who, Outcome> deactivatePrimary = new LinkedHashMap<>();
        deactivatePrimary.put(Who.OPS, primaryStays);
        deactivatePrimary.put(Who.OFA_ADMINISTRATOR, primaryStays);
        deactivatePrimary.put(Who.SELF_SERVICE, primaryStays);
        deactivatePrimary.put(Who.ECM_ADMINISTRATOR, primaryStays);
        deactivatePrimary.put(Who.PCC_ADMINISTRATOR, primaryStays);
        deactivatePrimary.put(Who.LM_ADMINISTRATOR, primaryStays);
        deactivatePrimary.put(Who.SR_ADMINISTRATOR, Outcome.forbidden("ACTION_NOT_PERMITTED"));
        deactivatePrimary.put(Who.OFA_USER_, Outcome.forbidden("ACTION_NOT_PERMITTED"));
        deactivatePrimary.put(Who.OTHER_ORG_ADMIN, NOT_IN_A);
        deactivatePrimary.forEach((who, expected) -> cases.add(new Case(
                name(who.label, "DEACTIVATE", "the primary contact", expected), expected,
                () -> deactivatePrimaryContact(actors.get(who), expected))));

        // Organization B has only the Funding Agreement.
        for (String profile : ALL_PROFILES) {
            Outcome expected = profile.startsWith("ofa-") ? Outcome.OK : Outcome.conflict("MODULE_NOT_ENABLED");
            cases.add(new Case(name(Who.OPS.label, "GRANT " + profile, "active contact of B (ofa only)", expected), expected,
                    () -> changeProfiles(ops, newContact(orgB, State.ACTIVE), Set.of(), Set.of(profile), expected)));
        }
        Map<String, Outcome> byAdminOfB = new LinkedHashMap<>();
        byAdminOfB.put(OFA_USER, Outcome.OK);
        byAdminOfB.put(ECM_REVIEWER, Outcome.forbidden("PROFILE_NOT_DELEGABLE"));
        byAdminOfB.put(LM_ADMIN, Outcome.forbidden("OPERATIONS_SUPPORT_ONLY"));
        byAdminOfB.forEach((profile, expected) -> cases.add(new Case(
                name(Who.OTHER_ORG_ADMIN.label, "GRANT " + profile, "active contact of B (ofa only)", expected), expected,
                () -> changeProfiles(actors.get(Who.OTHER_ORG_ADMIN), newContact(orgB, State.ACTIVE), Set.of(), Set.of(profile), expected))));
        Outcome moduleFirst = Outcome.conflict("MODULE_NOT_ENABLED");
        cases.add(new Case(name(Who.OPS.label, "GRANT " + LM_MANAGER, "inactive contact of B (ofa only)", moduleFirst), moduleFirst,
                () -> changeProfiles(ops, newContact(orgB, State.INACTIVE), Set.of(), Set.of(LM_MANAGER), moduleFirst)));
        Outcome addInB = Outcome.conflict("MODULE_NOT_ENABLED");
        cases.add(new Case(name(Who.OPS.label, "ADD contact with " + ECM_REVIEWER, "organization B (ofa only)", addInB), addInB,
                () -> addContact(ops, orgB, List.of(ECM_REVIEWER), addInB)));

        // An inactive person gets no new profile.
        Outcome inactive = Outcome.conflict("TARGET_INACTIVE");
        List<Object[]> toInactive = List.of(
                new Object[] {Who.OPS, OFA_USER, inactive},
                new Object[] {Who.OPS, ECM_ADMIN, inactive},
                new Object[] {Who.OFA_ADMINISTRATOR, OFA_USER, inactive},
                new Object[] {Who.SELF_SERVICE, OFA_READ_ONLY, inactive},
                new Object[] {Who.ECM_ADMINISTRATOR, ECM_REVIEWER, inactive},
                new Object[] {Who.SR_ADMINISTRATOR, SR_USER, inactive},
                new Object[] {Who.PCC_ADMINISTRATOR, PCC_TRAINING, inactive},
                new Object[] {Who.LM_ADMINISTRATOR, LM_READ_ONLY, inactive},
                new Object[] {Who.OFA_ADMINISTRATOR, ECM_REVIEWER, Outcome.forbidden("PROFILE_NOT_DELEGABLE")},
                new Object[] {Who.SELF_SERVICE, SR_ADMIN, Outcome.forbidden("OPERATIONS_SUPPORT_ONLY")});
        for (Object[] row : toInactive) {
            Who who = (Who) row[0];
            String profile = (String) row[1];
            Outcome expected = (Outcome) row[2];
            cases.add(new Case(name(who.label, "GRANT " + profile, "inactive contact", expected), expected,
                    () -> changeProfiles(actors.get(who), newContact(orgA, State.INACTIVE), Set.of(), Set.of(profile), expected)));
        }

        // Invited (not yet accepted) people may receive profiles; an invitation can be withdrawn.
        cases.add(new Case(name(Who.OFA_ADMINISTRATOR.label, "GRANT " + OFA_USER, "invited contact", Outcome.OK), Outcome.OK,
                () -> changeProfiles(actors.get(Who.OFA_ADMINISTRATOR), newContact(orgA, State.INVITED), Set.of(), Set.of(OFA_USER), Outcome.OK)));
        cases.add(new Case(name(Who.ECM_ADMINISTRATOR.label, "GRANT " + ECM_INQUIRY, "invited contact", Outcome.OK), Outcome.OK,
                () -> changeProfiles(actors.get(Who.ECM_ADMINISTRATOR), newContact(orgA, State.INVITED), Set.of(), Set.of(ECM_INQUIRY), Outcome.OK)));
        cases.add(new Case(name(Who.OFA_ADMINISTRATOR.label, "DEACTIVATE", "invited contact (withdraw)", Outcome.OK), Outcome.OK,
                () -> deactivate(actors.get(Who.OFA_ADMINISTRATOR), newContact(orgA, State.INVITED), Outcome.OK)));
        Outcome invalid = Outcome.conflict("INVALID_STATE_TRANSITION");
        cases.add(new Case(name(Who.OFA_ADMINISTRATOR.label, "REACTIVATE", "invited contact", invalid), invalid,
                () -> reactivate(actors.get(Who.OFA_ADMINISTRATOR), newContact(orgA, State.INVITED), Set.of(), invalid)));

        // State transitions.
        for (Who who : List.of(Who.OPS, Who.OFA_ADMINISTRATOR)) {
            cases.add(new Case(name(who.label, "REACTIVATE", "active contact", invalid), invalid,
                    () -> reactivate(actors.get(who), newContact(orgA, State.ACTIVE), Set.of(), invalid)));
        }
        Outcome srRefused = Outcome.forbidden("ACTION_NOT_PERMITTED");
        cases.add(new Case(name(Who.SR_ADMINISTRATOR.label, "REACTIVATE", "active contact", srRefused), srRefused,
                () -> reactivate(actors.get(Who.SR_ADMINISTRATOR), newContact(orgA, State.ACTIVE), Set.of(), srRefused)));
        for (Who who : List.of(Who.OPS, Who.ECM_ADMINISTRATOR)) {
            cases.add(new Case(name(who.label, "DEACTIVATE", "inactive contact", invalid), invalid,
                    () -> deactivate(actors.get(who), newContact(orgA, State.INACTIVE), invalid)));
        }

        // The primary contact role goes only to another active member.
        Outcome notActive = Outcome.conflict("TARGET_NOT_ACTIVE");
        for (Who who : List.of(Who.OPS, Who.PRIMARY)) {
            cases.add(new Case(name(who.label, "TRANSFER primary contact", "to an inactive contact", notActive), notActive,
                    () -> transfer(actors.get(who), newContact(orgA, State.INACTIVE), notActive)));
        }
        cases.add(new Case(name(Who.OPS.label, "TRANSFER primary contact", "to an invited contact", notActive), notActive,
                () -> transfer(ops, newContact(orgA, State.INVITED), notActive)));
        Outcome notPrimary = Outcome.forbidden("NOT_PRIMARY_CONTACT");
        cases.add(new Case(name(Who.OFA_ADMINISTRATOR.label, "TRANSFER primary contact", "to an inactive contact", notPrimary), notPrimary,
                () -> transfer(actors.get(Who.OFA_ADMINISTRATOR), newContact(orgA, State.INACTIVE), notPrimary)));
        Outcome already = Outcome.conflict("ALREADY_PRIMARY_CONTACT");
        for (Who who : List.of(Who.OPS, Who.PRIMARY)) {
            cases.add(new Case(name(who.label, "TRANSFER primary contact", "to the primary contact", already), already,
                    () -> transferToPrimary(actors.get(who), already)));
        }

        // Contact management is not limited by the target's profiles; giving profiles is.
        List<Object[]> cutAccess = List.of(
                new Object[] {Who.OFA_ADMINISTRATOR, ECM_ADMIN, Outcome.OK},
                new Object[] {Who.LM_ADMINISTRATOR, SS, Outcome.OK},
                new Object[] {Who.SELF_SERVICE, OFA_ADMIN, Outcome.OK},
                new Object[] {Who.PCC_ADMINISTRATOR, SR_ADMIN, Outcome.OK},
                new Object[] {Who.ECM_ADMINISTRATOR, LM_ADMIN, Outcome.OK},
                new Object[] {Who.SR_ADMINISTRATOR, SR_USER, Outcome.forbidden("ACTION_NOT_PERMITTED")});
        for (Object[] row : cutAccess) {
            Who who = (Who) row[0];
            String profile = (String) row[1];
            Outcome expected = (Outcome) row[2];
            cases.add(new Case(name(who.label, "DEACTIVATE", "active contact holding " + profile, expected), expected,
                    () -> deactivate(actors.get(who), newContact(orgA, State.ACTIVE, profile), expected)));
        }
        cases.add(new Case(name(Who.OFA_ADMINISTRATOR.label, "MODIFY contact details", "active contact holding " + ECM_ADMIN, Outcome.OK),
                Outcome.OK, () -> modify(actors.get(Who.OFA_ADMINISTRATOR), newContact(orgA, State.ACTIVE, ECM_ADMIN), Outcome.OK)));
        cases.add(new Case(name(Who.OFA_ADMINISTRATOR.label, "REACTIVATE", "inactive contact who held " + OFA_USER, Outcome.OK),
                Outcome.OK, () -> reactivate(actors.get(Who.OFA_ADMINISTRATOR), newContact(orgA, State.INACTIVE, OFA_USER),
                        Set.of(OFA_USER), Outcome.OK)));

        // Adding a contact with profiles: ADD then GRANT of each profile.
        List<Object[]> addWith = List.of(
                new Object[] {Who.OFA_ADMINISTRATOR, OFA_USER, Outcome.CREATED},
                new Object[] {Who.SELF_SERVICE, OFA_ADMIN, Outcome.CREATED},
                new Object[] {Who.LM_ADMINISTRATOR, LM_MANAGER, Outcome.CREATED},
                new Object[] {Who.OPS, ECM_ADMIN, Outcome.CREATED},
                new Object[] {Who.OFA_ADMINISTRATOR, ECM_REVIEWER, Outcome.forbidden("PROFILE_NOT_DELEGABLE")},
                new Object[] {Who.ECM_ADMINISTRATOR, ECM_ADMIN, Outcome.forbidden("OPERATIONS_SUPPORT_ONLY")},
                new Object[] {Who.SR_ADMINISTRATOR, SR_USER, Outcome.forbidden("ACTION_NOT_PERMITTED")});
        for (Object[] row : addWith) {
            Who who = (Who) row[0];
            String profile = (String) row[1];
            Outcome expected = (Outcome) row[2];
            cases.add(new Case(name(who.label, "ADD contact with " + profile, "organization A", expected), expected,
                    () -> addContact(actors.get(who), orgA, List.of(profile), expected)));
        }

        // A contact of B is not a contact of A, whoever asks through A.
        Outcome notHere = Outcome.notFound("CONTACT_NOT_FOUND");
        for (Who who : List.of(Who.OFA_ADMINISTRATOR, Who.OPS)) {
            cases.add(new Case(name(who.label, "VIEW contact", "a contact of B, through A", notHere), notHere,
                    () -> viewContact(actors.get(who), new Contact(orgA, contactOfB.id(), contactOfB.email(),
                            contactOfB.firstName(), contactOfB.lastName()), notHere)));
        }
        cases.add(new Case(name(Who.OFA_ADMINISTRATOR.label, "DEACTIVATE", "a contact of B, through A", notHere), notHere,
                () -> deactivateThroughOtherOrganization(actors.get(Who.OFA_ADMINISTRATOR), newContact(orgB, State.ACTIVE), notHere)));

        // Deactivated people no longer act in the organization.
        cases.add(new Case(name(leaver.label, "VIEW organization", "organization A", NOT_IN_A), NOT_IN_A,
                () -> viewOrganization(leaver, NOT_IN_A)));
        cases.add(new Case(name(leaver.label, "LIST contacts", "organization A", NOT_IN_A), NOT_IN_A,
                () -> listContacts(leaver, NOT_IN_A)));
        cases.add(new Case(name(leaver.label, "DEACTIVATE", "active contact holding ofa-read-only", NOT_IN_A), NOT_IN_A,
                () -> deactivate(leaver, newContact(orgA, State.ACTIVE, OFA_READ_ONLY), NOT_IN_A)));
        cases.add(new Case(name(leaver.label, "REACTIVATE", "themselves in A", NOT_IN_A), NOT_IN_A,
                () -> reactivateSelf(leaver, NOT_IN_A)));
        cases.add(new Case(name(leaver.label, "SEARCH organizations", "GET /organizations", "200 (B only)"), Outcome.OK,
                () -> searchOwn(leaver, Set.of(orgB))));
        Outcome unauthenticated = new Outcome(401, "UNAUTHENTICATED");
        cases.add(new Case(name(gone.label, "VIEW organization", "organization A", unauthenticated), unauthenticated,
                () -> viewOrganization(gone, unauthenticated)));
        cases.add(new Case(name(gone.label, "GRANT " + OFA_USER, "active contact", unauthenticated), unauthenticated,
                () -> changeProfiles(gone, newContact(orgA, State.ACTIVE), Set.of(), Set.of(OFA_USER), unauthenticated)));
    }

    // --- nobody changes their own profiles or membership --------------------------------------------

    private void ownCases(List<Case> cases) {
        Outcome ownProfiles = Outcome.forbidden("OWN_PROFILES");
        Outcome ownMembership = Outcome.forbidden("OWN_MEMBERSHIP");
        for (Who who : Who.values()) {
            if (!who.memberOfA) {
                continue;
            }
            String toGive = who.gives().stream().filter(p -> !who.heldInA.contains(p)).findFirst()
                    .orElse(who.heldInA.contains(OFA_USER) ? OFA_READ_ONLY : OFA_USER);
            cases.add(new Case(name(who.label, "GRANT " + toGive, "themselves", ownProfiles), ownProfiles,
                    () -> own(actors.get(who), "grant", toGive, ownProfiles)));
            if (!who.heldInA.isEmpty()) {
                String held = who.heldInA.iterator().next();
                cases.add(new Case(name(who.label, "REVOKE " + held, "themselves", ownProfiles), ownProfiles,
                        () -> own(actors.get(who), "revoke", held, ownProfiles)));
            }
            cases.add(new Case(name(who.label, "DEACTIVATE", "themselves", ownMembership), ownMembership,
                    () -> own(actors.get(who), "deactivate", null, ownMembership)));
        }
        String label = "Operations Support (also a contact of A)";
        cases.add(new Case(name(label, "GRANT " + OFA_READ_ONLY, "themselves", ownProfiles), ownProfiles,
                () -> own(opsMember, "grant", OFA_READ_ONLY, ownProfiles)));
        cases.add(new Case(name(label, "REVOKE " + OFA_USER, "themselves", ownProfiles), ownProfiles,
                () -> own(opsMember, "revoke", OFA_USER, ownProfiles)));
        cases.add(new Case(name(label, "DEACTIVATE", "themselves", ownMembership), ownMembership,
                () -> own(opsMember, "deactivate", null, ownMembership)));
        cases.add(new Case(name(label, "REACTIVATE", "themselves (made inactive by another)", ownMembership), ownMembership,
                () -> reactivateSelf(opsMember, ownMembership)));
    }

    // ------------------------------------------------------------------------------------------------
    // Actions: request as the actor, then read the state back as Operations Support
    // ------------------------------------------------------------------------------------------------

    private void viewOrganization(Caller actor, Outcome expected) {
        Reply reply = actor.api().get("/organizations/" + orgA);
        Map<String, Object> stored = organizationAsOps(orgA);
        assertAll(() -> expect(expected, reply), () -> {
            if (expected.allowed()) {
                assertEquals(orgA, reply.string("id"));
                assertEquals(stored.get("nameEn"), reply.json().get("nameEn"));
                assertEquals(stored.get("modules"), reply.json().get("modules"));
            }
        });
    }

    private void listContacts(Caller actor, Outcome expected) {
        Reply reply = actor.api().get("/organizations/" + orgA + "/contacts?max=100");
        assertAll(() -> expect(expected, reply), () -> {
            if (expected.allowed()) {
                List<Map<String, Object>> items = reply.items();
                assertFalse(items.isEmpty(), "contacts listed");
                assertEquals(actors.get(Who.PRIMARY).userId, items.get(0).get("id"), "the primary contact is listed first");
                assertEquals(Boolean.TRUE, items.get(0).get("primaryContact"));
                assertTrue(items.stream().noneMatch(item -> "INACTIVE".equals(item.get("state"))), "active only by default");
            }
        });
    }

    private void viewContact(Caller actor, Contact target, Outcome expected) {
        Reply reply = actor.api().get(target.path());
        assertAll(() -> expect(expected, reply), () -> {
            if (expected.allowed()) {
                Map<String, Object> stored = contactAsOps(target.org(), target.id());
                assertEquals(target.id(), reply.string("id"));
                assertEquals(stored.get("email"), reply.json().get("email"));
                assertEquals(profilesOf(stored), profilesOf(reply.json()));
            }
        });
    }

    private void audit(Caller actor, Outcome expected) {
        Reply reply = actor.api().get("/organizations/" + orgA + "/audit?max=5");
        assertAll(() -> expect(expected, reply), () -> {
            if (expected.allowed()) {
                assertTrue(((Number) reply.json().get("total")).longValue() > 0, "A's audit trail has entries");
                assertFalse(reply.items().isEmpty());
                assertNotNull(reply.items().get(0).get("action"));
            }
        });
    }

    private void export(Caller actor, Outcome expected) {
        Reply reply = getCsv(actor, "/organizations/" + orgA + "/access-review");
        assertAll(() -> expect(expected, reply), () -> {
            if (expected.allowed()) {
                assertTrue(reply.body().startsWith(CSV_HEADER), () -> "CSV header: " + reply.body());
                String primaryEmail = (String) contactAsOps(orgA, actors.get(Who.PRIMARY).userId).get("email");
                assertTrue(reply.body().contains(primaryEmail), "the primary contact is in the review");
            }
        });
    }

    private void search(Who who, Caller actor) {
        if (who == Who.OPS) {
            Reply all = actor.api().get("/organizations?max=100");
            Reply one = actor.api().get("/organizations?search=" + LampssApi.query(numberB));
            assertAll(() -> expect(Outcome.OK, all), () -> expect(Outcome.OK, one), () -> {
                Set<Object> ids = all.items().stream().map(item -> item.get("id")).collect(Collectors.toSet());
                assertTrue(ids.containsAll(Set.of(orgA, orgB)), "Operations Support finds every organization");
                assertEquals(List.of(orgB), one.items().stream().map(item -> item.get("id")).toList());
            });
            return;
        }
        Set<String> own = who.memberOfA ? Set.of(orgA) : who == Who.OTHER_ORG_ADMIN ? Set.of(orgB) : Set.of();
        searchOwn(actor, own);
    }

    private void searchOwn(Caller actor, Set<String> own) {
        Reply all = actor.api().get("/organizations?max=100");
        String other = own.contains(orgB) ? numberA : numberB;
        Reply probe = actor.api().get("/organizations?search=" + LampssApi.query(other));
        assertAll(() -> expect(Outcome.OK, all), () -> expect(Outcome.OK, probe), () -> {
            assertEquals(own, all.items().stream().map(item -> (String) item.get("id")).collect(Collectors.toSet()),
                    "only the actor's own organizations");
            assertEquals(own.size(), ((Number) all.json().get("total")).intValue());
            assertEquals(List.of(), probe.items(), "another organization is not found by searching for it");
        });
    }

    private void addContact(Caller actor, String org, List<String> profiles, Outcome expected) {
        String email = Fixture.unique("added") + "@example.ca";
        Reply reply = actor.api().post("/organizations/" + org + "/contacts", Map.of(
                "firstName", "Added", "lastName", "Contact " + email, "email", email, "profiles", profiles));
        Reply found = ops.api().get("/organizations/" + org + "/contacts?activeOnly=false&search=" + LampssApi.query(email));
        assertAll(() -> expect(expected, reply), () -> {
            assertEquals(200, found.status(), found::toString);
            if (expected.allowed()) {
                assertEquals(1, found.items().size(), "the contact was added");
                Map<String, Object> added = found.items().get(0);
                assertEquals("INVITED", added.get("state"));
                assertEquals(Boolean.FALSE, added.get("primaryContact"));
                assertEquals(new TreeSet<>(profiles), profilesOf(added));
            } else {
                assertEquals(List.of(), found.items(), "nothing was added");
            }
        });
    }

    private void modify(Caller actor, Contact target, Outcome expected) {
        Map<String, Object> before = contactAsOps(target.org(), target.id());
        String email = Fixture.unique("renamed") + "@example.ca";
        Reply reply = actor.api().put(target.path(), Map.of("firstName", "Renamed", "lastName", "Person " + email, "email", email));
        Map<String, Object> after = contactAsOps(target.org(), target.id());
        assertAll(() -> expect(expected, reply), () -> {
            if (expected.allowed()) {
                assertEquals("Renamed", after.get("firstName"));
                assertEquals("Person " + email, after.get("lastName"));
                assertEquals(email, after.get("email"));
            } else {
                assertEquals(before.get("firstName"), after.get("firstName"), "details unchanged");
                assertEquals(before.get("lastName"), after.get("lastName"), "details unchanged");
                assertEquals(before.get("email"), after.get("email"), "details unchanged");
            }
            assertEquals(before.get("state"), after.get("state"));
            assertEquals(profilesOf(before), profilesOf(after), "profiles unchanged");
        });
    }

    /** PUT the contact with its details unchanged and {@code to} as its profiles. */
    private void changeProfiles(Caller actor, Contact target, Set<String> from, Set<String> to, Outcome expected) {
        Map<String, Object> before = contactAsOps(target.org(), target.id());
        assertEquals(new TreeSet<>(from), profilesOf(before), "the target's profiles before the change");
        Reply reply = actor.api().put(target.path(), Map.of("firstName", target.firstName(), "lastName", target.lastName(),
                "email", target.email(), "profiles", List.copyOf(to)));
        Map<String, Object> after = contactAsOps(target.org(), target.id());
        assertAll(() -> expect(expected, reply), () -> {
            assertEquals(new TreeSet<>(expected.allowed() ? to : from), profilesOf(after),
                    expected.allowed() ? "the change was made" : "the profiles are unchanged");
            assertEquals(before.get("state"), after.get("state"), "state unchanged");
        });
    }

    private void deactivate(Caller actor, Contact target, Outcome expected) {
        Map<String, Object> before = contactAsOps(target.org(), target.id());
        Reply reply = actor.api().post(target.path() + "/deactivate", null);
        Map<String, Object> after = contactAsOps(target.org(), target.id());
        assertAll(() -> expect(expected, reply), () -> {
            if (expected.allowed()) {
                assertEquals("INACTIVE", after.get("state"));
                assertEquals(Set.of(), profilesOf(after), "an inactive person holds no profile");
                Reply listed = ops.api().get("/organizations/" + target.org() + "/contacts?search=" + LampssApi.query(target.email()));
                assertEquals(List.of(), listed.items(), "no longer in the (active only) contact list");
            } else {
                assertEquals(before.get("state"), after.get("state"), "state unchanged");
                assertEquals(profilesOf(before), profilesOf(after), "profiles unchanged");
            }
        });
    }

    private void reactivate(Caller actor, Contact target, Set<String> restored, Outcome expected) {
        Map<String, Object> before = contactAsOps(target.org(), target.id());
        Reply reply = actor.api().post(target.path() + "/reactivate", null);
        Map<String, Object> after = contactAsOps(target.org(), target.id());
        assertAll(() -> expect(expected, reply), () -> {
            if (expected.allowed()) {
                assertEquals("ACTIVE", after.get("state"));
                assertEquals(new TreeSet<>(restored), profilesOf(after), "the profiles put aside are given back");
            } else {
                assertEquals(before.get("state"), after.get("state"), "state unchanged");
                assertEquals(profilesOf(before), profilesOf(after), "profiles unchanged");
            }
        });
    }

    private void transfer(Caller actor, Contact target, Outcome expected) {
        String primaryId = actors.get(Who.PRIMARY).userId;
        try {
            Reply reply = actor.api().put("/organizations/" + orgA + "/primary-contact", Map.of("userId", target.id()));
            Map<String, Object> successor = contactAsOps(orgA, target.id());
            Map<String, Object> former = contactAsOps(orgA, primaryId);
            assertAll(() -> expect(expected, reply), () -> {
                assertEquals(expected.allowed(), successor.get("primaryContact"), "the target's role");
                assertEquals(!expected.allowed(), former.get("primaryContact"), "the former primary contact's role");
                assertEquals("ACTIVE", former.get("state"));
            });
        } finally {
            restorePrimaryContact();
        }
    }

    private void transferToPrimary(Caller actor, Outcome expected) {
        String primaryId = actors.get(Who.PRIMARY).userId;
        try {
            Reply reply = actor.api().put("/organizations/" + orgA + "/primary-contact", Map.of("userId", primaryId));
            Map<String, Object> primary = contactAsOps(orgA, primaryId);
            assertAll(() -> expect(expected, reply), () -> assertEquals(Boolean.TRUE, primary.get("primaryContact")));
        } finally {
            restorePrimaryContact();
        }
    }

    private void deactivatePrimaryContact(Caller actor, Outcome expected) {
        Caller primary = actors.get(Who.PRIMARY);
        try {
            Reply reply = actor.api().post(Fixture.path(orgA, primary.userId) + "/deactivate", null);
            Map<String, Object> after = contactAsOps(orgA, primary.userId);
            assertAll(() -> expect(expected, reply), () -> {
                assertEquals("ACTIVE", after.get("state"), "the primary contact stays active");
                assertEquals(Boolean.TRUE, after.get("primaryContact"));
                assertEquals(Who.PRIMARY.heldInA, profilesOf(after));
            });
        } finally {
            restoreMember(primary, orgA, Who.PRIMARY.heldInA);
        }
    }

    private void deactivateThroughOtherOrganization(Caller actor, Contact ofB, Outcome expected) {
        Reply reply = actor.api().post(Fixture.path(orgA, ofB.id()) + "/deactivate", null);
        Map<String, Object> after = contactAsOps(orgB, ofB.id());
        assertAll(() -> expect(expected, reply), () -> assertEquals("ACTIVE", after.get("state"), "unchanged in B"));
    }

    /** Grant, revoke or deactivate applied by the actor to their own membership in A. */
    private void own(Caller actor, String what, String profile, Outcome expected) {
        Map<String, Object> before = contactAsOps(orgA, actor.userId);
        Set<String> held = profilesOf(before);
        try {
            Reply reply;
            if (what.equals("deactivate")) {
                reply = actor.api().post(Fixture.path(orgA, actor.userId) + "/deactivate", null);
            } else {
                Set<String> wanted = new TreeSet<>(held);
                if (what.equals("grant")) {
                    wanted.add(profile);
                } else {
                    wanted.remove(profile);
                }
                reply = actor.api().put(Fixture.path(orgA, actor.userId), Map.of("firstName", before.get("firstName"),
                        "lastName", before.get("lastName"), "email", before.get("email"), "profiles", List.copyOf(wanted)));
            }
            Map<String, Object> after = contactAsOps(orgA, actor.userId);
            assertAll(() -> expect(expected, reply), () -> {
                assertEquals(held, profilesOf(after), "their profiles are unchanged");
                assertEquals("ACTIVE", after.get("state"), "they are still active");
            });
        } finally {
            restoreMember(actor, orgA, held);
        }
    }

    /** Made inactive by Operations Support, the actor tries to reactivate themselves. */
    private void reactivateSelf(Caller actor, Outcome expected) {
        Map<String, Object> before = contactAsOps(orgA, actor.userId);
        if (!"INACTIVE".equals(before.get("state"))) {
            okAsOps(ops.api().post(Fixture.path(orgA, actor.userId) + "/deactivate", null));
        }
        Reply reply = actor.api().post(Fixture.path(orgA, actor.userId) + "/reactivate", null);
        Map<String, Object> after = contactAsOps(orgA, actor.userId);
        assertAll(() -> expect(expected, reply), () -> assertEquals("INACTIVE", after.get("state"), "still inactive"));
    }

    private void updateOrganization(Caller actor, Outcome expected) {
        Map<String, Object> before = organizationAsOps(orgA);
        String suffix = Fixture.unique("renamed");
        Reply reply = actor.api().put("/organizations/" + orgA, Map.of("nameEn", "Org A " + suffix, "nameFr", "Organisme A " + suffix));
        Map<String, Object> after = organizationAsOps(orgA);
        assertAll(() -> expect(expected, reply), () -> {
            assertEquals(expected.allowed() ? "Org A " + suffix : before.get("nameEn"), after.get("nameEn"));
            assertEquals(expected.allowed() ? "Organisme A " + suffix : before.get("nameFr"), after.get("nameFr"));
            assertEquals(before.get("externalNumber"), after.get("externalNumber"));
            assertEquals(before.get("modules"), after.get("modules"));
        });
    }

    private void createOrganization(Caller actor, Outcome expected) {
        String number = Fixture.unique("NEW");
        Reply reply = actor.api().post("/organizations", Map.of("nameEn", "New " + number, "nameFr", "Nouvel " + number,
                "externalNumber", number, "modules", List.of("sr")));
        Reply found = ops.api().get("/organizations?search=" + LampssApi.query(number));
        assertAll(() -> expect(expected, reply), () -> {
            assertEquals(200, found.status(), found::toString);
            if (expected.allowed()) {
                assertEquals(1, found.items().size(), "created");
                assertEquals(List.of("ofa", "sr"), found.items().get(0).get("modules"));
            } else {
                assertEquals(List.of(), found.items(), "nothing created");
            }
        });
    }

    private void changeModules(Who who, Caller actor, Outcome expected) {
        if (who == Who.OPS) {
            String scratch = fixture().organization();
            Reply reply = actor.api().put("/organizations/" + scratch + "/modules", Map.of("modules", List.of("ofa", "sr")));
            assertAll(() -> expect(expected, reply),
                    () -> assertEquals(List.of("ofa", "sr"), organizationAsOps(scratch).get("modules")));
            return;
        }
        List<String> all = List.of("ofa", "sr", "ecm", "pcc", "lm");
        try {
            Reply reply = actor.api().put("/organizations/" + orgA + "/modules", Map.of("modules", List.of("ofa", "sr", "ecm", "pcc")));
            Map<String, Object> after = organizationAsOps(orgA);
            assertAll(() -> expect(expected, reply), () -> assertEquals(all, after.get("modules"), "A keeps every module"));
        } finally {
            if (!all.equals(organizationAsOps(orgA).get("modules"))) {
                okAsOps(ops.api().put("/organizations/" + orgA + "/modules", Map.of("modules", all)));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------------

    private static void expect(Outcome expected, Reply reply) {
        assertEquals(expected.status(), reply.status(), () -> "HTTP status; reply: " + reply);
        if (!expected.allowed()) {
            assertEquals(expected.error(), reply.error(), () -> "error code; reply: " + reply);
        }
    }

    private Map<String, Object> contactAsOps(String org, String userId) {
        Reply reply = ops.api().get(Fixture.path(org, userId));
        assertEquals(200, reply.status(), () -> "Operations Support reads the contact back: " + reply);
        return reply.json();
    }

    private Map<String, Object> organizationAsOps(String org) {
        Reply reply = ops.api().get("/organizations/" + org);
        assertEquals(200, reply.status(), () -> "Operations Support reads the organization back: " + reply);
        return reply.json();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> profilesOf(Map<String, Object> contact) {
        return new TreeSet<>((Collection<String>) contact.get("profiles"));
    }

    private static void okAsOps(Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
    }

    /** Puts the primary contact role back where the matrix expects it. */
    private void restorePrimaryContact() {
        String primaryId = actors.get(Who.PRIMARY).userId;
        if (!Boolean.TRUE.equals(contactAsOps(orgA, primaryId).get("primaryContact"))) {
            fixture().transfer(orgA, primaryId);
        }
    }

    /** Active again with exactly {@code profiles}, should a refused change have gone through. */
    private void restoreMember(Caller member, String org, Set<String> profiles) {
        Map<String, Object> now = contactAsOps(org, member.userId);
        boolean changed = false;
        if (!"ACTIVE".equals(now.get("state"))) {
            okAsOps(ops.api().post(Fixture.path(org, member.userId) + "/reactivate", null));
            now = contactAsOps(org, member.userId);
            changed = true;
        }
        if (!new TreeSet<>(profiles).equals(profilesOf(now))) {
            okAsOps(ops.api().put(Fixture.path(org, member.userId), Map.of("firstName", now.get("firstName"),
                    "lastName", now.get("lastName"), "email", now.get("email"), "profiles", List.copyOf(profiles))));
            changed = true;
        }
        if (changed) {
            member.signIn();
        }
    }

    /** The access review asks for CSV, which LampssApi (JSON only) does not. */
    private Reply getCsv(Caller actor, String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/lampss" + path))
                .header("Authorization", "Bearer " + actor.token())
                .header("Accept", "text/csv, application/json;q=0.5")
                .GET().build());
        return new Reply(response.statusCode(), response.body(), response.headers().map());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
