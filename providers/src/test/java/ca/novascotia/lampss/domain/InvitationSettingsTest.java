package ca.novascotia.lampss.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What an administrator may set for a realm's invitations, and what the readers make of the rest. */
class InvitationSettingsTest {

    @Test
    void aLifetimeIsAnIsoDurationFromOneSecondToAYear() {
        assertEquals(Optional.of(Duration.ofDays(7)), Invitation.acceptableLifetime(" P7D "));
        assertEquals(Optional.of(Duration.ofHours(12)), Invitation.acceptableLifetime("PT12H"));
        assertEquals(Optional.of(Duration.ofSeconds(1)), Invitation.acceptableLifetime("PT1S"));
        assertEquals(Optional.of(Duration.ofDays(365)), Invitation.acceptableLifetime("P365D"));
        for (String refused : new String[] {null, "", "  ", "P366D", "PT0S", "-P1D", "30", "P1M", "trente jours"}) {
            assertEquals(Optional.empty(), Invitation.acceptableLifetime(refused), refused);
            assertEquals(Invitation.DEFAULT_LIFETIME, Invitation.lifetime(refused), "a reader falls back on 30 days");
        }
    }

    @Test
    void aLandingPageIsAnAbsoluteHttpUrl() {
        assertTrue(Invitation.acceptableLandingUrl("https://lampss.example.ca/realms/lampss/lampss/console/"));
        assertTrue(Invitation.acceptableLandingUrl("http://localhost:8080/"));
        for (String refused : new String[] {null, "", "/realms/lampss/lampss/console/", "javascript:alert(1)",
                "https://", "https://exa mple.ca/", "ftp://example.ca/"}) {
            assertFalse(Invitation.acceptableLandingUrl(refused), refused);
        }
    }

    @Test
    void whomToAskAboutAnEmailIsOneLineOfPlainTextUpTo300Characters() {
        assertTrue(Invitation.acceptableEmailHelp(""));
        assertTrue(Invitation.acceptableEmailHelp("LaMPSS Operations Support <lampss@example.ca>, 1-800-555-0100"));
        assertTrue(Invitation.acceptableEmailHelp("x".repeat(300)));
        for (String refused : new String[] {null, "x".repeat(301), "two\nlines", "tab\there", "gpj\u202Eexe.doc"}) {
            assertFalse(Invitation.acceptableEmailHelp(refused), refused);
        }
    }
}
