package ca.novascotia.lampss.domain;

import static ca.novascotia.lampss.domain.ExpectedDelegation.ALL_ROLE_NAMES;
import static ca.novascotia.lampss.domain.ExpectedDelegation.expected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.domain.ExpectedDelegation.ActorSpec;
import ca.novascotia.lampss.domain.ExpectedDelegation.Case;
import ca.novascotia.lampss.domain.ExpectedDelegation.TargetKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every combination the table distinguishes, decided by {@link DelegationPolicy} and compared with
 * {@link ExpectedDelegation}, the table written independently.
 */
class DelegationPolicyMatrixTest {

    private static final String OWN = "org-own";
    private static final String OTHER = "org-other";
    private static final String ACTOR = "actor-user";
    private static final String SOMEONE = "someone-else";
    private static final boolean[] BOTH = {true, false};

    private final DelegationPolicy policy = new DelegationPolicy();

    /** Every actor profile × every profile × own/other organization × module on/off × self/other/new. */
    @TestFactory
    Stream<DynamicTest> grantAndRevoke() {
        return asTests(grantAndRevokeCases());
    }

    /** Giving to and taking from an invited, active or inactive person. */
    @TestFactory
    Stream<DynamicTest> grantAndRevokeByTargetState() {
        return asTests(targetStateCases());
    }

    /** Every other action × actor (primary contact or not) × organization × target self/other × state × primary. */
    @TestFactory
    Stream<DynamicTest> otherActions() {
        return asTests(otherActionCases());
    }

    /** Asking Operations Support for a profile: every actor × profile × organization × module × target and its state. */
    @TestFactory
    Stream<DynamicTest> requestProfile() {
        return asTests(requestCases());
    }

    /** Someone holding two profiles may give what either of them gives. */
    @TestFactory
    Stream<DynamicTest> twoProfilesGiveTheUnion() {
        return asTests(twoProfileCases());
    }

    /** Guards the generator itself: a matrix that never produced a reason would prove nothing. */
    @Test
    void theMatrixReachesEveryOutcome() {
        List<Case> all = allCases();
        Set<Optional<Reason>> outcomes = all.stream().map(ExpectedDelegation::expected).collect(Collectors.toSet());
        Set<Reason> decidable = EnumSet.of(
                Reason.OPERATIONS_SUPPORT_ONLY, Reason.NOT_IN_ORGANIZATION, Reason.ACTION_NOT_PERMITTED,
                Reason.PROFILE_NOT_DELEGABLE, Reason.OWN_PROFILES, Reason.OWN_MEMBERSHIP, Reason.NOT_PRIMARY_CONTACT,
                Reason.MODULE_NOT_ENABLED, Reason.TARGET_INACTIVE, Reason.TARGET_NOT_ACTIVE,
                Reason.PRIMARY_CONTACT_CANNOT_BE_DEACTIVATED, Reason.ALREADY_PRIMARY_CONTACT,
                Reason.INVALID_STATE_TRANSITION, Reason.PROFILE_NOT_REQUESTABLE);
        assertTrue(outcomes.contains(Optional.<Reason>empty()), "some case is allowed");
        decidable.forEach(reason -> assertTrue(outcomes.contains(Optional.of(reason)), "some case is denied for " + reason));
        long grantCases = grantAndRevokeCases().stream().filter(c -> c.action() == Action.GRANT_PROFILE).count();
        assertTrue(grantCases >= 23 * 21 * 2 * 2 * 2, "grant matrix has " + grantCases + " cases");
    }

    /** Each profile's row, counted: how many profiles an actor with only that profile may give. */
    @Test
    void eachProfileGivesWhatTheTableSays() {
        Map<SecurityProfile, Integer> expected = new EnumMap<>(SecurityProfile.class);
        for (SecurityProfile profile : SecurityProfile.values()) {
            expected.put(profile, 0);
        }
        expected.put(SecurityProfile.OFA_SELF_SERVICE_FULL_UPDATE, 3);
        expected.put(SecurityProfile.OFA_ADMINISTRATOR, 3);
        expected.put(SecurityProfile.SR_ADMINISTRATOR, 2);
        expected.put(SecurityProfile.ECM_ADMINISTRATOR, 6);
        expected.put(SecurityProfile.PCC_ADMINISTRATOR, 3);
        expected.put(SecurityProfile.LM_ADMINISTRATOR, 2);
        Organization everything = organization(OWN, EnumSet.allOf(Module.class));
        for (SecurityProfile profile : SecurityProfile.values()) {
            Actor actor = Actor.member(ACTOR).withProfiles(OWN, profile);
            assertEquals(expected.get(profile), policy.grantableProfiles(actor, everything).size(), profile.roleName());
        }
        assertEquals(EnumSet.allOf(SecurityProfile.class),
                policy.grantableProfiles(Actor.operationsSupport(ACTOR), everything));
    }

    // ----- generators ------------------------------------------------------------------------

    private static List<ActorSpec> actors(boolean withPrimaryContacts) {
        List<ActorSpec> actors = new ArrayList<>();
        actors.add(ActorSpec.operationsSupportStaff());
        for (boolean primary : withPrimaryContacts ? BOTH : new boolean[] {false}) {
            actors.add(ActorSpec.member(Set.of(), primary));
            ALL_ROLE_NAMES.forEach(role -> actors.add(ActorSpec.member(Set.of(role), primary)));
        }
        return actors;
    }

    private static List<Case> grantAndRevokeCases() {
        List<Case> cases = new ArrayList<>();
        for (ActorSpec actor : actors(false)) {
            for (String profile : ALL_ROLE_NAMES) {
                for (boolean own : BOTH) {
                    for (boolean moduleEnabled : BOTH) {
                        for (TargetKind target : List.of(TargetKind.SELF, TargetKind.OTHER)) {
                            MembershipState state = target == TargetKind.SELF && !own ? MembershipState.INVITED : MembershipState.ACTIVE;
                            cases.add(new Case(actor, Action.GRANT_PROFILE, own, moduleEnabled, target, state, false, profile));
                            cases.add(new Case(actor, Action.REVOKE_PROFILE, own, moduleEnabled, target, state, false, profile));
                        }
                        cases.add(new Case(actor, Action.GRANT_PROFILE, own, moduleEnabled, TargetKind.NEW_CONTACT, null, false, profile));
                    }
                }
            }
        }
        return cases;
    }

    private static List<Case> targetStateCases() {
        List<Case> cases = new ArrayList<>();
        for (ActorSpec actor : actors(false)) {
            for (String profile : ALL_ROLE_NAMES) {
                for (MembershipState state : MembershipState.values()) {
                    for (Action action : List.of(Action.GRANT_PROFILE, Action.REVOKE_PROFILE)) {
                        cases.add(new Case(actor, action, true, true, TargetKind.OTHER, state, false, profile));
                    }
                }
            }
        }
        return cases;
    }

    private static List<Case> requestCases() {
        List<Case> cases = new ArrayList<>();
        for (ActorSpec actor : actors(false)) {
            for (String profile : ALL_ROLE_NAMES) {
                for (boolean own : BOTH) {
                    for (boolean moduleEnabled : BOTH) {
                        MembershipState selfState = own ? MembershipState.ACTIVE : MembershipState.INVITED;
                        cases.add(new Case(actor, Action.REQUEST_PROFILE, own, moduleEnabled, TargetKind.SELF, selfState, false, profile));
                        for (MembershipState state : MembershipState.values()) {
                            cases.add(new Case(actor, Action.REQUEST_PROFILE, own, moduleEnabled, TargetKind.OTHER, state, false, profile));
                        }
                    }
                }
            }
        }
        return cases;
    }

    private static List<Case> otherActionCases() {
        List<Case> cases = new ArrayList<>();
        for (ActorSpec actor : actors(true)) {
            for (Action action : Action.values()) {
                switch (action.needs()) {
                    case NOTHING -> cases.add(new Case(actor, action, true, true, TargetKind.NONE, null, false, null));
                    case ORGANIZATION -> {
                        for (boolean own : BOTH) {
                            cases.add(new Case(actor, action, own, true, TargetKind.ORGANIZATION, null, false, null));
                        }
                    }
                    case MEMBER -> addMemberCases(cases, actor, action);
                    default -> { } // giving and taking back profiles: the matrices above
                }
            }
        }
        return cases;
    }

    private static void addMemberCases(List<Case> cases, ActorSpec actor, Action action) {
        for (boolean own : BOTH) {
            for (TargetKind target : List.of(TargetKind.SELF, TargetKind.OTHER)) {
                for (MembershipState state : MembershipState.values()) {
                    for (boolean targetPrimary : BOTH) {
                        if (consistent(actor, own, target, state, targetPrimary)) {
                            cases.add(new Case(actor, action, own, true, target, state, targetPrimary, null));
                        }
                    }
                }
            }
        }
    }

    /** Leaves out situations that cannot exist, e.g. an inactive primary contact, or two primaries. */
    private static boolean consistent(ActorSpec actor, boolean own, TargetKind target, MembershipState state, boolean targetPrimary) {
        if (targetPrimary && state == MembershipState.INACTIVE) {
            return false;
        }
        if (target == TargetKind.SELF) {
            // the actor's own membership: active where it acts, pending elsewhere
            MembershipState selfState = own ? MembershipState.ACTIVE : MembershipState.INVITED;
            boolean selfPrimary = own && actor.primaryContact();
            return state == selfState && targetPrimary == selfPrimary;
        }
        return !(own && actor.primaryContact() && targetPrimary);
    }

    private static List<Case> twoProfileCases() {
        List<Case> cases = new ArrayList<>();
        for (int first = 0; first < ALL_ROLE_NAMES.size(); first++) {
            for (int second = first + 1; second < ALL_ROLE_NAMES.size(); second++) {
                ActorSpec actor = ActorSpec.member(Set.of(ALL_ROLE_NAMES.get(first), ALL_ROLE_NAMES.get(second)), false);
                for (String profile : ALL_ROLE_NAMES) {
                    cases.add(new Case(actor, Action.GRANT_PROFILE, true, true, TargetKind.OTHER, MembershipState.ACTIVE, false, profile));
                }
            }
        }
        return cases;
    }

    private static List<Case> allCases() {
        List<Case> all = new ArrayList<>(grantAndRevokeCases());
        all.addAll(targetStateCases());
        all.addAll(requestCases());
        all.addAll(otherActionCases());
        all.addAll(twoProfileCases());
        return all;
    }

    // ----- turning a case into domain values ---------------------------------------------------

    private Stream<DynamicTest> asTests(List<Case> cases) {
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(),
                () -> assertEquals(expected(c), policy.decide(actor(c.actor()), c.action(), target(c)).reason(), c.toString())));
    }

    private static Actor actor(ActorSpec spec) {
        if (spec.operationsSupport()) {
            return Actor.operationsSupport(ACTOR);
        }
        Set<SecurityProfile> profiles = spec.roles().stream().map(SecurityProfile::fromRoleName)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SecurityProfile.class)));
        Actor actor = Actor.member(ACTOR).withProfiles(OWN, profiles);
        return spec.primaryContact() ? actor.asPrimaryContactOf(OWN) : actor;
    }

    private static Target target(Case c) {
        Organization organization = organization(c.ownOrganization() ? OWN : OTHER, modules(c));
        SecurityProfile profile = c.profile() == null ? null : SecurityProfile.fromRoleName(c.profile());
        return switch (c.target()) {
            case NONE -> Target.none();
            case ORGANIZATION -> Target.of(organization);
            case NEW_CONTACT -> Target.newContact(organization, profile);
            case SELF, OTHER -> {
                String userId = c.target() == TargetKind.SELF ? ACTOR : SOMEONE;
                Membership member = new Membership(organization.id(), userId, c.targetState(), c.targetPrimary());
                yield profile == null ? Target.of(organization, member) : Target.of(organization, member, profile);
            }
        };
    }

    /** All modules, or all but the profile's own (derived from the role name's prefix). */
    private static Set<Module> modules(Case c) {
        Set<Module> modules = EnumSet.allOf(Module.class);
        if (!c.moduleEnabled()) {
            modules.remove(Module.fromCode(c.profile().substring(0, c.profile().indexOf('-'))));
        }
        return modules;
    }

    private static Organization organization(String id, Set<Module> modules) {
        return new Organization(id, "Organization " + id, "Organisme " + id, "NS-" + id, modules);
    }
}
