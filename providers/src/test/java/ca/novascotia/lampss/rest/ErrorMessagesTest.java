package ca.novascotia.lampss.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.domain.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The error messages people read: both languages complete, the right one chosen, placeholders filled. */
class ErrorMessagesTest {

    private static final Locale FRENCH_CANADA = Locale.forLanguageTag("fr-CA");

    @Test
    void bothLanguagesHaveExactlyTheSameKeys() {
        Set<String> english = keys(load("en"));
        Set<String> french = keys(load("fr"));

        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(french);
        Set<String> onlyFrench = new TreeSet<>(french);
        onlyFrench.removeAll(english);
        assertTrue(onlyEnglish.isEmpty(), "missing from messages_fr.properties: " + onlyEnglish);
        assertTrue(onlyFrench.isEmpty(), "missing from messages_en.properties: " + onlyFrench);
    }

    @Test
    void noMessageIsBlank() {
        for (String language : List.of("en", "fr")) {
            Properties messages = load(language);
            messages.stringPropertyNames().forEach(key ->
                    assertFalse(messages.getProperty(key).isBlank(), key + " in messages_" + language));
        }
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void everyReasonHasAMessageInBothLanguages(Reason reason) {
        assertTrue(load("en").containsKey(reason.name()), reason + " in messages_en.properties");
        assertTrue(load("fr").containsKey(reason.name()), reason + " in messages_fr.properties");
    }

    @Test
    void everyFieldWithALimitHasALabelInBothLanguages() {
        for (String field : ErrorMessages.LIMITS.keySet()) {
            assertTrue(load("en").containsKey("field." + field), field + " has an English label");
            assertTrue(load("fr").containsKey("field." + field), field + " has a French label");
        }
    }

    @Test
    void frenchForFrenchLocales() {
        String expected = "Le champ Prénom est obligatoire.";
        assertEquals(expected, ErrorMessages.message("REQUIRED_FIELD_MISSING", "firstName", Locale.FRENCH));
        assertEquals(expected, ErrorMessages.message("REQUIRED_FIELD_MISSING", "firstName", Locale.forLanguageTag("fr")));
        assertEquals(expected, ErrorMessages.message("REQUIRED_FIELD_MISSING", "firstName", FRENCH_CANADA));
    }

    @Test
    void englishForEnglishNoLocaleAndAnyOtherLanguage() {
        String expected = "First name is required.";
        assertEquals(expected, ErrorMessages.message("REQUIRED_FIELD_MISSING", "firstName", Locale.ENGLISH));
        assertEquals(expected, ErrorMessages.message("REQUIRED_FIELD_MISSING", "firstName", Locale.forLanguageTag("en-CA")));
        assertEquals(expected, ErrorMessages.message("REQUIRED_FIELD_MISSING", "firstName", null));
        assertEquals(expected, ErrorMessages.message("REQUIRED_FIELD_MISSING", "firstName", Locale.GERMAN));
    }

    @Test
    void theLimitIsQuotedInTheCallersLanguage() {
        assertEquals("First name is too long: at most 255 characters.",
                ErrorMessages.message("FIELD_TOO_LONG", "firstName", Locale.ENGLISH));
        assertEquals("Le champ Prénom est trop long : 255 caractères au maximum.",
                ErrorMessages.message("FIELD_TOO_LONG", "firstName", FRENCH_CANADA));
        assertTrue(ErrorMessages.message("FIELD_TOO_LONG", "email", null).contains("254"));
        assertTrue(ErrorMessages.message("FIELD_TOO_LONG", "externalNumber", null).contains("64"));
        assertTrue(ErrorMessages.message("FIELD_TOO_LONG", "invitationMessage", FRENCH_CANADA).contains("2000"));
    }

    @Test
    void messagesWithoutPlaceholdersComeAsWritten() {
        assertEquals(load("en").getProperty("OWN_PROFILES"), ErrorMessages.message("OWN_PROFILES", null, Locale.ENGLISH));
        assertEquals(load("fr").getProperty("OWN_PROFILES"), ErrorMessages.message("OWN_PROFILES", null, FRENCH_CANADA));
        assertNotEquals(ErrorMessages.message("OWN_PROFILES", null, Locale.ENGLISH),
                ErrorMessages.message("OWN_PROFILES", null, FRENCH_CANADA));
    }

    @Test
    void aFieldWithoutALabelIsNamedAsSent() {
        assertEquals("colour is not a field of this request. Remove it and try again.",
                ErrorMessages.message("UNKNOWN_FIELD", "colour", Locale.ENGLISH));
    }

    @Test
    void anUnknownCodeIsItsOwnMessage() {
        assertEquals("NO_SUCH_CODE", ErrorMessages.message("NO_SUCH_CODE", null, Locale.ENGLISH));
    }

    /** Every code with no field and with every labelled field, in both languages: all placeholders filled. */
    @Test
    void noMessageKeepsAPlaceholder() {
        Properties english = load("en");
        List<String> fields = new ArrayList<>();
        fields.add(null);
        english.stringPropertyNames().stream().filter(key -> key.startsWith("field."))
                .map(key -> key.substring("field.".length())).forEach(fields::add);
        int checked = 0;
        for (String code : english.stringPropertyNames()) {
            if (code.startsWith("field.")) {
                continue;
            }
            for (String field : fields) {
                for (Locale locale : List.of(Locale.ENGLISH, FRENCH_CANADA)) {
                    String message = ErrorMessages.message(code, field, locale);
                    assertNotNull(message);
                    assertFalse(message.contains("{") || message.contains("}"),
                            code + " / " + field + " / " + locale + ": " + message);
                    checked++;
                }
            }
        }
        assertTrue(checked > 0);
    }

    private static Set<String> keys(Properties properties) {
        return new TreeSet<>(properties.stringPropertyNames());
    }

    /** The bundle file itself, read as UTF-8 like Java's property resource bundles. */
    private static Properties load(String language) {
        String name = "ca/novascotia/lampss/rest/messages_" + language + ".properties";
        try (InputStream in = ErrorMessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name);
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        } catch (IOException e) {
            throw new AssertionError(name, e);
        }
    }
}
