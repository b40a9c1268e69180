package ca.novascotia.lampss.domain;

import static ca.novascotia.lampss.domain.SecurityProfile.ECM_ADMINISTRATOR;
import static ca.novascotia.lampss.domain.SecurityProfile.ECM_REVIEWER;
import static ca.novascotia.lampss.domain.SecurityProfile.OFA_ADMINISTRATOR;
import static ca.novascotia.lampss.domain.SecurityProfile.OFA_READ_ONLY;
import static ca.novascotia.lampss.domain.SecurityProfile.OFA_SELF_SERVICE_FULL_UPDATE;
import static ca.novascotia.lampss.domain.SecurityProfile.OFA_USER;
import static ca.novascotia.lampss.domain.SecurityProfile.PCC_ADMINISTRATOR;
import static ca.novascotia.lampss.domain.SecurityProfile.SR_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The decisions people will ask about, one by one; the matrix test covers every combination. */
class DelegationPolicyTest {

    private static final Organization SHELTER = new Organization("shelter", "Shelter", "Refuge", "NS-1",
            Set.of(Module.SERVICE_REGISTRATION));
    private static final Organization COLLEGE = new Organization("college", "College", "Collège", "NS-2",
            EnumSet.allOf(Module.class));

    private final DelegationPolicy policy = new DelegationPolicy();

    private Optional<Reason> grant(Actor actor, Organization organization, SecurityProfile profile) {
        Membership colleague = new Membership(organization.id(), "colleague", MembershipState.ACTIVE, false);
        return policy.decide(actor, Action.GRANT_PROFILE, Target.of(organization, colleague, profile)).reason();
    }

    @Test
    void selfServiceWithFullUpdateIsGivenByOperationsSupportOnly() {
        Actor administrator = Actor.member("admin").withProfiles(SHELTER.id(), OFA_ADMINISTRATOR);
        Actor selfService = Actor.member("primary").withProfiles(SHELTER.id(), OFA_SELF_SERVICE_FULL_UPDATE);
        assertEquals(Optional.of(Reason.OPERATIONS_SUPPORT_ONLY), grant(administrator, SHELTER, OFA_SELF_SERVICE_FULL_UPDATE));
        assertEquals(Optional.of(Reason.OPERATIONS_SUPPORT_ONLY), grant(selfService, SHELTER, OFA_SELF_SERVICE_FULL_UPDATE));
        assertEquals(Optional.empty(), grant(Actor.operationsSupport("staff"), SHELTER, OFA_SELF_SERVICE_FULL_UPDATE));
    }

    @Test
    void theGuidesThreeFundingAgreementProfilesAreGivenByTheOrganization() {
        Actor selfService = Actor.member("primary").withProfiles(SHELTER.id(), OFA_SELF_SERVICE_FULL_UPDATE);
        assertEquals(EnumSet.of(OFA_ADMINISTRATOR, OFA_USER, OFA_READ_ONLY), policy.grantableProfiles(selfService, SHELTER));
    }

    @Test
    void profilesCountOnlyInTheOrganizationWhereTheyAreHeld() {
        Actor person = Actor.member("person")
                .withProfiles(SHELTER.id(), OFA_ADMINISTRATOR)
                .withProfiles(COLLEGE.id(), OFA_USER);
        assertEquals(Optional.empty(), grant(person, SHELTER, OFA_USER));
        assertEquals(Optional.of(Reason.PROFILE_NOT_DELEGABLE), grant(person, COLLEGE, OFA_USER));
    }

    @Test
    void anOrganizationWhereTheActorIsNotActiveIsAnotherOrganization() {
        // the model layer leaves out inactive memberships: this person was deactivated in the college
        Actor person = Actor.member("person").withProfiles(SHELTER.id(), OFA_ADMINISTRATOR);
        assertEquals(Optional.of(Reason.NOT_IN_ORGANIZATION), grant(person, COLLEGE, OFA_USER));
        assertFalse(policy.decide(person, Action.VIEW_ORGANIZATION, Target.of(COLLEGE)).isAllowed());
    }

    @Test
    void aModuleAdministratorGivesNothingWhereTheModuleIsOff() {
        Actor ecmAdministrator = Actor.member("ecm").withProfiles(SHELTER.id(), ECM_ADMINISTRATOR);
        assertEquals(Optional.of(Reason.MODULE_NOT_ENABLED), grant(ecmAdministrator, SHELTER, ECM_REVIEWER));
        assertEquals(Set.of(), policy.grantableProfiles(ecmAdministrator, SHELTER));
    }

    @Test
    void operationsSupportIsBoundByTheRulesEveryoneIs() {
        Actor staff = Actor.operationsSupport("staff");
        assertEquals(Optional.of(Reason.MODULE_NOT_ENABLED), grant(staff, SHELTER, PCC_ADMINISTRATOR));
        Membership own = new Membership(COLLEGE.id(), "staff", MembershipState.ACTIVE, false);
        assertEquals(Optional.of(Reason.OWN_PROFILES),
                policy.decide(staff, Action.GRANT_PROFILE, Target.of(COLLEGE, own, OFA_USER)).reason());
        Membership primary = new Membership(COLLEGE.id(), "primary", MembershipState.ACTIVE, true);
        assertEquals(Optional.of(Reason.PRIMARY_CONTACT_CANNOT_BE_DEACTIVATED),
                policy.decide(staff, Action.DEACTIVATE, Target.of(COLLEGE, primary)).reason());
    }

    @Test
    void profilesChosenForANewContactFollowTheSameTable() {
        Actor administrator = Actor.member("admin").withProfiles(SHELTER.id(), OFA_ADMINISTRATOR);
        assertTrue(policy.decide(administrator, Action.ADD_CONTACT, Target.of(SHELTER)).isAllowed());
        assertTrue(policy.decide(administrator, Action.GRANT_PROFILE, Target.newContact(SHELTER, OFA_USER)).isAllowed());
        assertEquals(Optional.of(Reason.PROFILE_NOT_DELEGABLE),
                policy.decide(administrator, Action.GRANT_PROFILE, Target.newContact(SHELTER, SR_USER)).reason());
    }

    @Test
    void aContactManagerMayDeactivateSomeoneHoldingAProfileOnlyOperationsSupportGives() {
        Actor administrator = Actor.member("admin").withProfiles(COLLEGE.id(), OFA_ADMINISTRATOR);
        Membership ecmAdministrator = new Membership(COLLEGE.id(), "ecm", MembershipState.ACTIVE, false);
        assertTrue(policy.decide(administrator, Action.DEACTIVATE, Target.of(COLLEGE, ecmAdministrator)).isAllowed());
        assertEquals(Optional.of(Reason.OPERATIONS_SUPPORT_ONLY),
                policy.decide(administrator, Action.REVOKE_PROFILE, Target.of(COLLEGE, ecmAdministrator, ECM_ADMINISTRATOR)).reason());
    }

    @Test
    void onlyThePrimaryContactOrOperationsSupportTransfersTheRole() {
        Membership successor = new Membership(SHELTER.id(), "next", MembershipState.ACTIVE, false);
        Actor primary = Actor.member("primary").withProfiles(SHELTER.id(), OFA_SELF_SERVICE_FULL_UPDATE).asPrimaryContactOf(SHELTER.id());
        Actor administrator = Actor.member("admin").withProfiles(SHELTER.id(), OFA_ADMINISTRATOR);
        assertTrue(policy.decide(primary, Action.TRANSFER_PRIMARY_CONTACT, Target.of(SHELTER, successor)).isAllowed());
        assertTrue(policy.decide(Actor.operationsSupport("staff"), Action.TRANSFER_PRIMARY_CONTACT, Target.of(SHELTER, successor)).isAllowed());
        assertEquals(Optional.of(Reason.NOT_PRIMARY_CONTACT),
                policy.decide(administrator, Action.TRANSFER_PRIMARY_CONTACT, Target.of(SHELTER, successor)).reason());
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void aTargetMissingWhatTheActionNeedsIsACallerBug(Action action) {
        if (action.needs() == Action.Needs.NOTHING) {
            return; // anything will do
        }
        Actor staff = Actor.operationsSupport("staff");
        assertThrows(IllegalArgumentException.class, () -> policy.decide(staff, action, Target.none()));
    }

    @Test
    void aTargetIsInOneOrganization() {
        Membership elsewhere = new Membership(COLLEGE.id(), "someone", MembershipState.ACTIVE, false);
        assertThrows(IllegalArgumentException.class, () -> Target.of(SHELTER, elsewhere));
        assertThrows(IllegalArgumentException.class, () -> new Target(null, elsewhere, null));
    }

    @Test
    void aDenialBecomesAnErrorWithItsReason() {
        Decision denied = Decision.deny(Reason.OWN_PROFILES);
        assertEquals(Reason.OWN_PROFILES, assertThrows(DomainException.class, denied::orThrow).reason());
        Decision.allow().orThrow();
        assertEquals("DENIED(OWN_PROFILES)", denied.toString());
        assertEquals(Decision.deny(Reason.OWN_PROFILES), denied);
        assertEquals(Decision.allow(), policy.decide(Actor.operationsSupport("s"), Action.CREATE_ORGANIZATION, Target.none()));
    }

    @Test
    void anActorCannotBeChangedFromOutside() {
        Map<String, Set<SecurityProfile>> profiles = new HashMap<>();
        Set<SecurityProfile> held = new HashSet<>(Set.of(OFA_USER));
        profiles.put(SHELTER.id(), held);
        Actor actor = new Actor("person", false, profiles, Set.of());
        held.add(OFA_ADMINISTRATOR);
        profiles.put(COLLEGE.id(), Set.of(OFA_ADMINISTRATOR));
        assertEquals(Set.of(OFA_USER), actor.profilesIn(SHELTER.id()));
        assertFalse(actor.isMemberOf(COLLEGE.id()));
        assertEquals(Set.of(), actor.profilesIn(COLLEGE.id()));
    }

    @Test
    void aPrimaryContactIsAMemberOfTheirOrganization() {
        assertThrows(IllegalArgumentException.class, () -> Actor.member("person").asPrimaryContactOf(SHELTER.id()));
    }

    @Test
    void reasonsAreGroupedForTheHttpLayer() {
        assertEquals(Reason.Kind.PERMISSION, Reason.PROFILE_NOT_DELEGABLE.kind());
        assertEquals(Reason.Kind.RULE, Reason.PRIMARY_CONTACT_CANNOT_BE_DEACTIVATED.kind());
        assertEquals(Reason.Kind.INPUT, Reason.FIELD_TOO_LONG.kind());
    }

    @Test
    void localizedTextFallsBackToEnglish() {
        LocalizedText text = LocalizedText.of("Hello", "Bonjour");
        assertEquals("Bonjour", text.in(java.util.Locale.forLanguageTag("fr-CA")));
        assertEquals("Hello", text.in(java.util.Locale.forLanguageTag("de")));
        assertThrows(IllegalArgumentException.class, () -> LocalizedText.of("Hello", " "));
    }
}
