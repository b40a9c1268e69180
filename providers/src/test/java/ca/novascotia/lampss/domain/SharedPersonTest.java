package ca.novascotia.lampss.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.novascotia.lampss.domain.SharedPerson.Account;
import ca.novascotia.lampss.domain.SharedPerson.SignIn;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SharedPersonTest {

    private static final Actor MANAGER = Actor.member("manager").withProfiles("A", SecurityProfile.OFA_SELF_SERVICE_FULL_UPDATE);
    private static final Actor OPS = Actor.operationsSupport("ops");

    @Test
    void aLampssPersonOfAnotherOrganizationCanBeAttached() {
        assertDoesNotThrow(() -> SharedPerson.requireAttachable(MANAGER, new Account("person", true, false)));
    }

    @ParameterizedTest(name = "member={0} otherPower={1}")
    @CsvSource({"false,false", "true,true", "false,true"})
    void anAccountLampssDoesNotManageIsRefusedTheSameWayWhateverItIs(boolean member, boolean otherPower) {
        for (Actor actor : List.of(MANAGER, OPS)) {
            DomainException refused = assertThrows(DomainException.class,
                    () -> SharedPerson.requireAttachable(actor, new Account("someone", member, otherPower)));
            assertEquals(Reason.EMAIL_CANNOT_BE_USED, refused.reason());
            assertEquals("email", refused.field());
        }
    }

    @Test
    void nobodyAttachesThemselvesOperationsSupportIncluded() {
        assertEquals(Reason.OWN_MEMBERSHIP, assertThrows(DomainException.class,
                () -> SharedPerson.requireAttachable(OPS, new Account("ops", false, true))).reason());
        assertEquals(Reason.OWN_MEMBERSHIP, assertThrows(DomainException.class,
                () -> SharedPerson.requireAttachable(MANAGER, new Account("manager", true, false))).reason());
    }

    @Test
    void detailsOfAPersonOfOneOrganizationAreThatOrganizations() {
        assertDoesNotThrow(() -> SharedPerson.requireDetailsChangeable(MANAGER, "A", List.of("A")));
    }

    @Test
    void detailsOfASharedPersonAreOperationsSupportsAlone() {
        DomainException refused = assertThrows(DomainException.class,
                () -> SharedPerson.requireDetailsChangeable(MANAGER, "A", List.of("A", "B")));
        assertEquals(Reason.SHARED_PERSON, refused.reason());
        assertEquals(Reason.Kind.PERMISSION, refused.reason().kind());
        assertDoesNotThrow(() -> SharedPerson.requireDetailsChangeable(OPS, "A", List.of("A", "B")));
    }

    @ParameterizedTest(name = "member={0} power={1} reachable={2} enabled={3} offByLampss={4} -> {5}")
    @CsvSource({
            // LaMPSS people: off when nothing is left, on again only where LaMPSS turned it off.
            "true,false,false,true,false,DISABLE",
            "true,false,true,false,true,ENABLE",
            "true,false,true,false,false,LEAVE",
            "true,false,true,true,false,LEAVE",
            "true,false,false,false,true,LEAVE",
            // Anyone else is never touched.
            "true,true,false,true,false,LEAVE",
            "true,true,true,false,true,LEAVE",
            "false,false,false,true,false,LEAVE",
    })
    void signInFollowsMembershipsOnlyForPeopleLampssManages(boolean member, boolean power, boolean reachable, boolean enabled,
                                                           boolean offByLampss, SignIn expected) {
        assertEquals(expected, SharedPerson.signIn(new Account("p", member, power), reachable, enabled, offByLampss));
    }
}
