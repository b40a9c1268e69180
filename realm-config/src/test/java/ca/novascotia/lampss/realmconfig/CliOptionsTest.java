package ca.novascotia.lampss.realmconfig;

import ca.novascotia.lampss.realmconfig.CliOptions.Mode;
import ca.novascotia.lampss.realmconfig.CliOptions.UsageException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliOptionsTest {

    private static final Function<String, String> NO_ENV = name -> null;

    private static CliOptions parse(String... args) {
        return CliOptions.parse(args, NO_ENV);
    }

    private static String usageError(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }

    @Test
    void parsesTheFullCommandLine() {
        CliOptions o = parse("--url", "http://localhost:8080/", "--user", "admin", "--password", "secret",
                "--admin-realm", "ops", "--client-id", "my-cli", "--mode", "update", "a.json", "b.json");
        assertEquals("http://localhost:8080", o.url());
        assertEquals("admin", o.user());
        assertEquals("secret", o.password());
        assertEquals("ops", o.adminRealm());
        assertEquals("my-cli", o.clientId());
        assertEquals(Mode.UPDATE, o.mode());
        assertEquals(List.of("a.json", "b.json"), o.files());
    }

    @Test
    void hasDefaults() {
        CliOptions o = parse("--url", "https://kc", "--user", "admin", "--password", "p", "f.json");
        assertEquals("master", o.adminRealm());
        assertEquals("admin-cli", o.clientId());
        assertEquals(Mode.ADD_MISSING, o.mode());
    }

    @Test
    void acceptsEqualsSyntaxAndFilesAnywhere() {
        CliOptions o = parse("a.json", "--url=http://kc:8080", "--mode=add-missing", "--user=u", "--password=p=q", "b.json");
        assertEquals("http://kc:8080", o.url());
        assertEquals("p=q", o.password());
        assertEquals(Mode.ADD_MISSING, o.mode());
        assertEquals(List.of("a.json", "b.json"), o.files());
    }

    @Test
    void takesThePasswordFromTheEnvironment() {
        Function<String, String> env = Map.of(CliOptions.PASSWORD_ENV, "from-env")::get;
        CliOptions o = CliOptions.parse(new String[] {"--url", "http://kc", "--user", "admin", "f.json"}, env);
        assertEquals("from-env", o.password());
    }

    @Test
    void theCommandLinePasswordWinsOverTheEnvironment() {
        Function<String, String> env = Map.of(CliOptions.PASSWORD_ENV, "from-env")::get;
        CliOptions o = CliOptions.parse(new String[] {"--url", "http://kc", "--user", "a", "--password", "cli", "f"}, env);
        assertEquals("cli", o.password());
    }

    @Test
    void aBadModeNamesTheOptionAndTheAcceptedValues() {
        String message = usageError("--url", "http://kc", "--user", "a", "--password", "p", "--mode", "overwrite", "f");
        assertTrue(message.contains("--mode"), message);
        assertTrue(message.contains("overwrite"), message);
        assertTrue(message.contains("add-missing") && message.contains("update"), message);
    }

    @Test
    void missingRequiredOptionsAreNamed() {
        assertTrue(usageError("--user", "a", "--password", "p", "f").contains("--url"));
        assertTrue(usageError("--url", "http://kc", "--password", "p", "f").contains("--user"));
        String noPassword = usageError("--url", "http://kc", "--user", "a", "f");
        assertTrue(noPassword.contains("--password") && noPassword.contains(CliOptions.PASSWORD_ENV), noPassword);
        assertTrue(usageError("--url", "http://kc", "--user", "a", "--password", "p").contains("FILE"));
    }

    @Test
    void anOptionWithoutValueIsNamed() {
        assertTrue(usageError("--url", "http://kc", "--user", "a", "--password", "p", "f", "--mode").contains("--mode"));
        assertTrue(usageError("--url=", "--user", "a", "--password", "p", "f").contains("--url"));
    }

    @Test
    void anUnknownOptionIsNamed() {
        String message = usageError("--url", "http://kc", "--user", "a", "--password", "p", "--force", "f");
        assertTrue(message.contains("--force"), message);
    }

    @Test
    void theUrlMustBeHttp() {
        String message = usageError("--url", "localhost:8080", "--user", "a", "--password", "p", "f");
        assertTrue(message.contains("--url") && message.contains("http://"), message);
    }

    @Test
    void helpIsRecognised() {
        assertThrows(CliOptions.HelpRequested.class, () -> parse("--help"));
        assertThrows(CliOptions.HelpRequested.class, () -> parse("--url", "x", "-h"));
    }

    @Test
    void aDoubleDashEndsOptions() {
        CliOptions o = parse("--url", "http://kc", "--user", "a", "--password", "p", "--", "--odd-name.json");
        assertEquals(List.of("--odd-name.json"), o.files());
    }
}
