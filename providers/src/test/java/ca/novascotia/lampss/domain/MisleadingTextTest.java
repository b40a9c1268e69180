package ca.novascotia.lampss.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rule 11: control and bidirectional-override characters are refused wherever people type text. */
class MisleadingTextTest {

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0000", "0001", "0009", "000A", "001B", "007F", "0085", "061C", "200E", "200F", "202A", "202B",
            "202C", "202D", "202E", "2066", "2067", "2068", "2069", "2028", "2029"})
    void namesEmailsAndOrganizationNamesRefuseThem(String hex) {
        String c = Character.toString(Integer.parseInt(hex, 16));
        assertRefused("firstName", () -> new ContactDetails("Al" + c + "ex", "Martin", "alex@example.ca"));
        assertRefused("lastName", () -> new ContactDetails("Alex", "Mar" + c + "tin", "alex@example.ca"));
        assertRefused("email", () -> new ContactDetails("Alex", "Martin", "al" + c + "ex@example.ca"));
        assertRefused("nameEn", () -> new Organization("id", "Or" + c + "g", "Organisme", "NS-1", Set.of()));
        assertRefused("nameFr", () -> new Organization("id", "Org", "Orga" + c + "nisme", "NS-1", Set.of()));
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0001", "007F", "0085", "202E", "2067", "200F"})
    void theInvitationMessageRefusesThemToo(String hex) {
        String c = Character.toString(Integer.parseInt(hex, 16));
        assertRefused("invitationMessage", () -> Invitation.message("Welcome" + c));
    }

    @Test
    void theInvitationMessageKeepsLineBreaksAndTabs() {
        assertEquals("Welcome\r\nto\tLaMPSS", Invitation.message("  Welcome\r\nto\tLaMPSS \n"));
    }

    @Test
    void accentsAndRightToLeftScriptsThemselvesAreFine() {
        assertEquals("Élodie", new ContactDetails("Élodie", "O'Brien", "e@example.ca").firstName());
        assertEquals("مريم", new ContactDetails("مريم", "Tremblay", "m@example.ca").firstName());
    }

    private static void assertRefused(String field, Runnable creation) {
        DomainException refused = assertThrows(DomainException.class, creation::run);
        assertEquals(Reason.INVALID_CHARACTERS, refused.reason(), field + ": " + refused.getMessage());
        assertEquals(field, refused.field());
    }
}
