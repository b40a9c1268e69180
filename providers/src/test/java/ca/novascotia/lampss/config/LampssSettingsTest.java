package ca.novascotia.lampss.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.Config;

class LampssSettingsTest {

    private static final String PREFIX = "lampss.settings.test.";

    @AfterEach
    void clear() {
        System.clearProperty(PREFIX + LampssSettings.ORGANIZATIONS_GROUP);
        System.clearProperty(PREFIX + LampssSettings.QUERY_COUNT_HEADER);
        System.clearProperty(PREFIX + LampssSettings.INVITATION_CLEANUP_INTERVAL);
    }

    @Test
    void theCleanUpIntervalIsWholeSecondsUpToADay() {
        System.setProperty(PREFIX + LampssSettings.INVITATION_CLEANUP_INTERVAL, "60");
        assertEquals(60, LampssSettings.from(new Config.SystemPropertiesScope(PREFIX)).invitationCleanupSeconds());

        for (String bad : new String[] {"0", "86401", "15m"}) {
            System.setProperty(PREFIX + LampssSettings.INVITATION_CLEANUP_INTERVAL, bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LampssSettings.from(new Config.SystemPropertiesScope(PREFIX)));
            assertTrue(e.getMessage().contains("invitation-cleanup-interval"), e.getMessage());
        }
    }

    @Test
    void theQueryCountHeaderIsATrueOrFalseFlag() {
        System.setProperty(PREFIX + LampssSettings.QUERY_COUNT_HEADER, "TRUE");
        assertTrue(LampssSettings.from(new Config.SystemPropertiesScope(PREFIX)).queryCountHeader());

        System.setProperty(PREFIX + LampssSettings.QUERY_COUNT_HEADER, "yes");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LampssSettings.from(new Config.SystemPropertiesScope(PREFIX)));
        assertTrue(e.getMessage().contains("--spi-realm-restapi-extension--lampss--query-count-header"), e.getMessage());
    }

    @Test
    void unsetOptionsTakeTheirDocumentedDefaults() {
        LampssSettings settings = LampssSettings.from(new Config.SystemPropertiesScope(PREFIX));

        assertEquals(new LampssSettings("lampss", "organizations", "operations-support", false, 900, java.util.Set.of("lampss-console"), 5, 5, 60, 100_000), settings);
    }

    @Test
    void aValidValueIsUsed() {
        System.setProperty(PREFIX + LampssSettings.ORGANIZATIONS_GROUP, "funded organizations");

        assertEquals("funded organizations", LampssSettings.from(new Config.SystemPropertiesScope(PREFIX)).organizationsGroup());
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "a/b", " leading", "trailing "})
    void anUnusableValueStopsStartUpNamingTheOption(String value) {
        System.setProperty(PREFIX + LampssSettings.ORGANIZATIONS_GROUP, value);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LampssSettings.from(new Config.SystemPropertiesScope(PREFIX)));
        assertTrue(e.getMessage().contains("--spi-realm-restapi-extension--lampss--organizations-group"), e.getMessage());
        assertTrue(e.getMessage().contains("default: organizations"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void apiClientsAndTheInvitationLimitAreOptions() {
        System.setProperty(PREFIX + "api-clients", " lampss-console , my-portal ");
        System.setProperty(PREFIX + "invitations-per-hour", "12");
        try {
            LampssSettings settings = LampssSettings.from(new Config.SystemPropertiesScope(PREFIX));
            assertEquals(java.util.Set.of("lampss-console", "my-portal"), settings.apiClients());
            assertEquals(12, settings.invitationsPerHour());
        } finally {
            System.clearProperty(PREFIX + "api-clients");
            System.clearProperty(PREFIX + "invitations-per-hour");
        }
    }

    @org.junit.jupiter.api.Test
    void aZeroInvitationLimitStopsTheServerWithTheOptionsName() {
        System.setProperty(PREFIX + "invitations-per-hour", "0");
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LampssSettings.from(new Config.SystemPropertiesScope(PREFIX)));
            assertTrue(e.getMessage().contains("--spi-realm-restapi-extension--lampss--invitations-per-hour"), e.getMessage());
        } finally {
            System.clearProperty(PREFIX + "invitations-per-hour");
        }
    }
}
