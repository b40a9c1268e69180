package ca.novascotia.lampss.realmconfig;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaceholdersTest {

    private static final Function<String, String> ENV = Map.of(
            "LAMPSS_SMTP_HOST", "mail.example.ca",
            "EMPTY", "",
            "SECOND", "two")::get;

    @Test
    void replacesASetVariable() {
        assertEquals("{\"host\": \"mail.example.ca\"}",
                Placeholders.substitute("{\"host\": \"${LAMPSS_SMTP_HOST}\"}", ENV));
    }

    @Test
    void aSetVariableWinsOverItsDefault() {
        assertEquals("mail.example.ca", Placeholders.substitute("${LAMPSS_SMTP_HOST:localhost}", ENV));
    }

    @Test
    void usesTheDefaultWhenUnset() {
        assertEquals("localhost", Placeholders.substitute("${LAMPSS_SMTP_PORT_UNSET:localhost}", ENV));
    }

    @Test
    void theDefaultIsEverythingAfterTheFirstColon() {
        assertEquals("http://localhost:8080/realms/mynsaccount/protocol",
                Placeholders.substitute("${LAMPSS_MYNS_URL:http://localhost:8080/realms/mynsaccount}/protocol", ENV));
    }

    @Test
    void anEmptyDefaultIsAllowed() {
        assertEquals("[]", Placeholders.substitute("[${NOT_SET:}]", ENV));
    }

    @Test
    void anEmptyValueIsStillAValue() {
        assertEquals("[]", Placeholders.substitute("[${EMPTY:fallback}]", ENV));
    }

    @Test
    void commaSeparatedAlternativesAreTriedInOrder() {
        assertEquals("two", Placeholders.substitute("${FIRST,SECOND:three}", ENV));
        assertEquals("three", Placeholders.substitute("${FIRST,THIRD:three}", ENV));
    }

    @Test
    void replacesSeveralPlaceholdersOnSeveralLines() {
        assertEquals("a mail.example.ca b\nc d",
                Placeholders.substitute("a ${LAMPSS_SMTP_HOST} b\nc ${X:d}", ENV));
    }

    @Test
    void anUnsetVariableWithoutDefaultIsAnErrorNamingIt() {
        Placeholders.UnresolvedPlaceholderException e = assertThrows(Placeholders.UnresolvedPlaceholderException.class,
                () -> Placeholders.substitute("{\n\"secret\": \"${LAMPSS_DEMO_APP_SECRET}\"\n}", ENV));
        assertEquals("LAMPSS_DEMO_APP_SECRET", e.variable());
        assertTrue(e.getMessage().contains("LAMPSS_DEMO_APP_SECRET"), e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void keycloakMessageKeysAreLeftAlone() {
        String text = "{\"consent.screen.text\": \"${profileScopeConsentText}\"}";
        assertEquals(text, Placeholders.substitute(text, ENV));
    }

    @Test
    void textWithoutPlaceholdersIsUnchanged() {
        String text = "{\"a\": \"$ {not}\", \"b\": \"${unterminated\"}";
        assertEquals(text, Placeholders.substitute("{\"a\": \"$ {not}\", \"b\": \"${unterminated\"}", ENV));
        assertEquals("", Placeholders.substitute("", ENV));
    }

    @Test
    void theValueIsNotScannedAgain() {
        Function<String, String> env = Map.of("A", "${B}")::get;
        assertEquals("${B}", Placeholders.substitute("${A}", env));
    }
}
