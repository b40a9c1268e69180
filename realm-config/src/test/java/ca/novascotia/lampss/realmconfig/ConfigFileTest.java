package ca.novascotia.lampss.realmconfig;

import ca.novascotia.lampss.realmconfig.ConfigFile.InvalidFileException;
import ca.novascotia.lampss.realmconfig.ConfigFile.Kind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigFileTest {

    private static final Function<String, String> NO_ENV = name -> null;

    private static Kind kind(String json) {
        return ConfigFile.parse("test.json", json, NO_ENV).kind();
    }

    @Test
    void realmAndUsersOnlyIsAUsersFile() {
        assertEquals(Kind.USERS, kind("{\"realm\": \"lampss\", \"users\": [{\"username\": \"a\"}]}"));
        assertEquals(Kind.USERS, kind("{\"users\": [], \"realm\": \"lampss\"}"));
    }

    @Test
    void anythingElseWithARealmIsARealmFile() {
        assertEquals(Kind.REALM, kind("{\"realm\": \"lampss\"}"));
        assertEquals(Kind.REALM, kind("{\"realm\": \"lampss\", \"enabled\": true}"));
        assertEquals(Kind.REALM, kind("{\"realm\": \"x\", \"users\": [], \"clients\": []}"));
    }

    @Test
    void aUsersFileNeedsAnArray() {
        InvalidFileException e = assertThrows(InvalidFileException.class,
                () -> kind("{\"realm\": \"lampss\", \"users\": {}}"));
        assertTrue(e.getMessage().contains("users"), e.getMessage());
    }

    @Test
    void aFileNeedsARealmName() {
        assertThrows(InvalidFileException.class, () -> kind("{\"users\": []}"));
        assertThrows(InvalidFileException.class, () -> kind("{\"realm\": \"\"}"));
        assertThrows(InvalidFileException.class, () -> kind("{\"realm\": 3}"));
        assertThrows(InvalidFileException.class, () -> kind("[]"));
    }

    @Test
    void notJsonIsReportedWithTheFileName() {
        InvalidFileException e = assertThrows(InvalidFileException.class, () -> kind("{\"realm\": "));
        assertTrue(e.getMessage().startsWith("test.json:"), e.getMessage());
    }

    @Test
    void placeholdersAreSubstitutedBeforeParsing() {
        Function<String, String> env = Map.of("REALM_NAME", "lampss")::get;
        ConfigFile file = ConfigFile.parse("f.json", "{\"realm\": \"${REALM_NAME}\", \"displayName\": \"${DN:LaMPSS}\"}", env);
        assertEquals("lampss", file.realm());
        assertEquals("LaMPSS", file.json().get("displayName").asText());
    }

    @Test
    void anUnresolvedPlaceholderNamesTheFileAndVariable() {
        InvalidFileException e = assertThrows(InvalidFileException.class,
                () -> ConfigFile.parse("f.json", "{\"realm\": \"${REALM_NAME}\"}", NO_ENV));
        assertTrue(e.getMessage().contains("f.json") && e.getMessage().contains("REALM_NAME"), e.getMessage());
    }

    @Test
    void theShippedFilesAreClassifiedAndFullyResolvedWithDefaults() {
        Path base = Path.of(System.getProperty("user.dir"));
        assertEquals(Kind.REALM, ConfigFile.load(base.resolve("realms/lampss-realm.json"), NO_ENV).kind());
        assertEquals(Kind.REALM, ConfigFile.load(base.resolve("stand-in/mynsaccount-realm.json"), NO_ENV).kind());
        ConfigFile users = ConfigFile.load(base.resolve("demo/lampss-users-0.json"), NO_ENV);
        assertEquals(Kind.USERS, users.kind());
        assertEquals("lampss", users.realm());
    }
}
