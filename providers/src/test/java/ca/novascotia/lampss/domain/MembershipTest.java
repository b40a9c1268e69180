package ca.novascotia.lampss.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.domain.MembershipState.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MembershipTest {

    /** The whole state machine, written out: every state × every transition. */
    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource(textBlock = """
            INVITED,  ACCEPT,     ACTIVE
            INVITED,  DEACTIVATE, INACTIVE
            INVITED,  REACTIVATE, refused
            ACTIVE,   ACCEPT,     refused
            ACTIVE,   DEACTIVATE, INACTIVE
            ACTIVE,   REACTIVATE, refused
            INACTIVE, ACCEPT,     refused
            INACTIVE, DEACTIVATE, refused
            INACTIVE, REACTIVATE, ACTIVE
            """)
    void stateMachine(MembershipState from, Transition transition, String to) {
        Membership membership = new Membership("org-1", "user-1", from, false);
        if (to.equals("refused")) {
            assertFalse(from.allows(transition));
            DomainException error = assertThrows(DomainException.class, () -> membership.apply(transition));
            assertEquals(Reason.INVALID_STATE_TRANSITION, error.reason());
        } else {
            assertTrue(from.allows(transition));
            Membership after = membership.apply(transition);
            assertEquals(MembershipState.valueOf(to), after.state());
            assertEquals(membership.userId(), after.userId());
            assertEquals(membership.organizationId(), after.organizationId());
        }
    }

    @Test
    void theNamedTransitionsAreTheStateMachines() {
        Membership invited = Membership.invited("org-1", "user-1");
        assertEquals(MembershipState.INVITED, invited.state());
        assertFalse(invited.primaryContact());
        Membership active = invited.accept();
        assertTrue(active.isActive());
        Membership inactive = active.deactivate();
        assertEquals(MembershipState.INACTIVE, inactive.state());
        assertEquals(MembershipState.ACTIVE, inactive.reactivate(true).state());
        assertEquals(MembershipState.INACTIVE, invited.deactivate().state(), "an invitation can be withdrawn");
    }

    @ParameterizedTest
    @CsvSource({"INVITED, true", "ACTIVE, true", "INACTIVE, false"})
    void onlyAnInactivePersonCannotReceiveProfiles(MembershipState state, boolean canReceive) {
        assertEquals(canReceive, state.canReceiveProfiles());
    }

    @ParameterizedTest
    @CsvSource({"INVITED", "ACTIVE"})
    void thePrimaryContactCannotBeDeactivated(MembershipState state) {
        Membership primary = new Membership("org-1", "user-1", state, true);
        DomainException error = assertThrows(DomainException.class, primary::deactivate);
        assertEquals(Reason.PRIMARY_CONTACT_CANNOT_BE_DEACTIVATED, error.reason());
    }

    @Test
    void anInactivePrimaryContactCannotExist() {
        DomainException error = assertThrows(DomainException.class,
                () -> new Membership("org-1", "user-1", MembershipState.INACTIVE, true));
        assertEquals(Reason.PRIMARY_CONTACT_CANNOT_BE_DEACTIVATED, error.reason());
    }

    @Test
    void acceptingKeepsThePrimaryContactRole() {
        Membership firstContact = new Membership("org-1", "user-1", MembershipState.INVITED, true);
        assertTrue(firstContact.accept().primaryContact());
    }

    @Test
    void idsAndStateAreRequired() {
        assertEquals(Reason.REQUIRED_FIELD_MISSING,
                assertThrows(DomainException.class, () -> Membership.invited(" ", "user-1")).reason());
        assertEquals("userId",
                assertThrows(DomainException.class, () -> Membership.invited("org-1", null)).field());
        assertThrows(IllegalArgumentException.class, () -> new Membership("org-1", "user-1", null, false));
    }

    @org.junit.jupiter.api.Test
    void reactivatingSomeoneWhoNeverAcceptedInvitesThemAgain() {
        Membership inactive = Membership.invited("org", "user").deactivate();
        assertEquals(MembershipState.INVITED, inactive.reactivate(false).state());
        assertEquals(MembershipState.ACTIVE, inactive.reactivate(true).state());
    }
}
