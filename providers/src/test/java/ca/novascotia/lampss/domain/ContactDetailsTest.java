package ca.novascotia.lampss.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactDetailsTest {

    @ParameterizedTest
    @ValueSource(strings = {"ann.lee@example.ca", "o'brien@example.ca", "Ann+LaMPSS@Sub.Example.CA", "a_b-c@ex-ample.ca",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.ca"})
    void realAddressesAreAcceptedInLowerCase(String email) {
        assertEquals(email.toLowerCase(), new ContactDetails("Ann", "Lee", email).email());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ann.example.ca", "ann@example", "a b@example.ca", "<script>alert(1)</script>@example.ca",
            "ann@example.ca' OR 1=1 --", "\"ann\"@example.ca", "ann@exa;mple.ca", "ann@@example.ca", "x@example.ca<b>",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.ca"})
    void typingMistakesMarkupAndUndeliverableAddressesAreRefused(String email) {
        DomainException refused = assertThrows(DomainException.class, () -> new ContactDetails("Ann", "Lee", email));
        assertEquals(Reason.INVALID_EMAIL, refused.reason());
    }
}
