package ca.novascotia.lampss.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessNoticeTest {

    private static final Set<SecurityProfile> BEFORE = Set.of(SecurityProfile.OFA_USER);
    private static final Set<SecurityProfile> AFTER = Set.of(SecurityProfile.OFA_USER, SecurityProfile.SR_USER);

    @ParameterizedTest
    @CsvSource({"'', true", "true, true", "TRUE, true", "false, false", "' False ', false", "no, true"})
    void noticesAreOnUnlessTheRealmSaysFalse(String setting, boolean on) {
        assertEquals(on, AccessNotice.enabled(setting));
    }

    @Test
    void anActiveReachablePersonIsToldOfAProfileChangeOrADeactivationMadeBySomeoneElse() {
        assertTrue(AccessNotice.due(true, true, true, false, BEFORE, AFTER, false));
        assertTrue(AccessNotice.due(true, true, true, false, BEFORE, BEFORE, true));
    }

    @Test
    void nobodyElseIsTold() {
        assertFalse(AccessNotice.due(false, true, true, false, BEFORE, AFTER, false), "notices off");
        assertFalse(AccessNotice.due(true, false, true, false, BEFORE, AFTER, false), "invited or inactive: not using LaMPSS there");
        assertFalse(AccessNotice.due(true, true, false, false, BEFORE, AFTER, false), "disabled by an admin, or no email");
        assertFalse(AccessNotice.due(true, true, true, true, BEFORE, AFTER, false), "their own change");
        assertFalse(AccessNotice.due(true, true, true, false, BEFORE, BEFORE, false), "only names or email changed");
    }
}
