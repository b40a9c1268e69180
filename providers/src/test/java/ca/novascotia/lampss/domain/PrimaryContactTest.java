package ca.novascotia.lampss.domain;

import static ca.novascotia.lampss.domain.MembershipState.ACTIVE;
import static ca.novascotia.lampss.domain.MembershipState.INACTIVE;
import static ca.novascotia.lampss.domain.MembershipState.INVITED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PrimaryContactTest {

    private static final String ORG = "org-1";
    private static final Organization FUNDED = new Organization(ORG, "Org", "Org FR", "NS-1", Set.of(Module.SERVICE_REGISTRATION));
    private static final Organization COLLEGE = FUNDED.withModules(Set.of(Module.PRIVATE_CAREER_COLLEGES));

    private static Membership member(String userId, MembershipState state, boolean primary) {
        return new Membership(ORG, userId, state, primary);
    }

    // ----- granting access ---------------------------------------------------------------------

    @Test
    void onAccessThePrimaryContactReceivesSelfServiceWithFullUpdate() {
        assertEquals(Set.of(SecurityProfile.OFA_SELF_SERVICE_FULL_UPDATE), PrimaryContact.profilesOnAccessGranted(FUNDED));
    }

    @Test
    void onAccessTheCollegesPrimaryContactAlsoReceivesPccAdministrator() {
        assertEquals(Set.of(SecurityProfile.OFA_SELF_SERVICE_FULL_UPDATE, SecurityProfile.PCC_ADMINISTRATOR),
                PrimaryContact.profilesOnAccessGranted(COLLEGE));
    }

    @Test
    void theFirstContactBecomesThePrimaryContact() {
        Membership first = PrimaryContact.newContact(FUNDED, List.of(), "user-1");
        assertTrue(first.primaryContact());
        assertEquals(INVITED, first.state());
        Membership second = PrimaryContact.newContact(FUNDED, List.of(first), "user-2");
        assertFalse(second.primaryContact());
        assertEquals(INVITED, second.state());
        PrimaryContact.requireExactlyOne(ORG, List.of(first, second));
    }

    @ParameterizedTest
    @EnumSource(MembershipState.class)
    void someoneAlreadyAContactIsNotAddedTwice(MembershipState state) {
        List<Membership> existing = List.of(member("user-1", ACTIVE, true), member("user-2", state, false));
        DomainException error = assertThrows(DomainException.class, () -> PrimaryContact.newContact(FUNDED, existing, "user-2"));
        assertEquals(Reason.ALREADY_A_CONTACT, error.reason());
    }

    // ----- exactly one -------------------------------------------------------------------------

    @Test
    void anOrganizationWithoutContactsHasNoPrimaryContact() {
        PrimaryContact.requireExactlyOne(ORG, List.of());
        assertEquals(Optional.empty(), PrimaryContact.find(ORG, List.of()));
    }

    @Test
    void anOrganizationWithContactsHasOne() {
        List<Membership> contacts = List.of(member("a", INACTIVE, false), member("b", ACTIVE, true), member("c", INVITED, false));
        assertEquals("b", PrimaryContact.find(ORG, contacts).orElseThrow().userId());
    }

    @Test
    void contactsWithoutAPrimaryContactBreakTheRule() {
        List<Membership> contacts = List.of(member("a", ACTIVE, false), member("b", ACTIVE, false));
        assertEquals(Reason.NO_PRIMARY_CONTACT,
                assertThrows(DomainException.class, () -> PrimaryContact.requireExactlyOne(ORG, contacts)).reason());
    }

    @Test
    void twoPrimaryContactsBreakTheRule() {
        List<Membership> contacts = List.of(member("a", ACTIVE, true), member("b", INVITED, true));
        assertEquals(Reason.SEVERAL_PRIMARY_CONTACTS,
                assertThrows(DomainException.class, () -> PrimaryContact.requireExactlyOne(ORG, contacts)).reason());
    }

    @Test
    void membershipsOfAnotherOrganizationAreACallerBug() {
        List<Membership> contacts = List.of(new Membership("org-2", "a", ACTIVE, true));
        assertThrows(IllegalArgumentException.class, () -> PrimaryContact.requireExactlyOne(ORG, contacts));
    }

    // ----- transfer ----------------------------------------------------------------------------

    @Test
    void theRoleMovesToAnotherActiveUser() {
        List<Membership> contacts = List.of(member("a", ACTIVE, true), member("b", ACTIVE, false), member("c", INACTIVE, false));
        PrimaryContact.Transfer transfer = PrimaryContact.transfer(ORG, contacts, "b");
        assertEquals(member("a", ACTIVE, false), transfer.former());
        assertEquals(member("b", ACTIVE, true), transfer.successor());
        assertEquals(List.of(transfer.former(), transfer.successor()), transfer.changed());
        PrimaryContact.requireExactlyOne(ORG, List.of(transfer.former(), transfer.successor(), contacts.get(2)));
    }

    @Test
    void afterATransferTheFormerPrimaryContactCanBeDeactivated() {
        List<Membership> contacts = List.of(member("a", ACTIVE, true), member("b", ACTIVE, false));
        Membership former = PrimaryContact.transfer(ORG, contacts, "b").former();
        assertEquals(INACTIVE, former.deactivate().state());
    }

    @ParameterizedTest(name = "to a {0} contact: {1}")
    @CsvSource({"INVITED, TARGET_NOT_ACTIVE", "INACTIVE, TARGET_NOT_ACTIVE"})
    void theRoleGoesOnlyToAnActiveUser(MembershipState state, Reason reason) {
        List<Membership> contacts = List.of(member("a", ACTIVE, true), member("b", state, false));
        assertEquals(reason, assertThrows(DomainException.class, () -> PrimaryContact.transfer(ORG, contacts, "b")).reason());
    }

    @Test
    void theRoleGoesOnlyToAUserOfTheSameOrganization() {
        List<Membership> contacts = List.of(member("a", ACTIVE, true));
        assertEquals(Reason.TARGET_NOT_IN_ORGANIZATION,
                assertThrows(DomainException.class, () -> PrimaryContact.transfer(ORG, contacts, "stranger")).reason());
        assertEquals(Reason.TARGET_NOT_IN_ORGANIZATION,
                assertThrows(DomainException.class, () -> PrimaryContact.transfer(ORG, List.of(), "stranger")).reason());
    }

    @Test
    void transferringToThePrimaryContactItselfIsRefused() {
        List<Membership> contacts = List.of(member("a", ACTIVE, true), member("b", ACTIVE, false));
        assertEquals(Reason.ALREADY_PRIMARY_CONTACT,
                assertThrows(DomainException.class, () -> PrimaryContact.transfer(ORG, contacts, "a")).reason());
    }

    @Test
    void aTransferFromABrokenOrganizationIsRefused() {
        List<Membership> contacts = List.of(member("a", ACTIVE, true), member("b", ACTIVE, true), member("c", ACTIVE, false));
        assertEquals(Reason.SEVERAL_PRIMARY_CONTACTS,
                assertThrows(DomainException.class, () -> PrimaryContact.transfer(ORG, contacts, "c")).reason());
    }

    @Test
    void theInvitedFirstContactCanHandTheRoleOver() {
        List<Membership> contacts = List.of(member("a", INVITED, true), member("b", ACTIVE, false));
        assertTrue(PrimaryContact.transfer(ORG, contacts, "b").successor().primaryContact());
    }
}
