package ca.novascotia.lampss.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the guide asks for a contact: last name, first name and email, all required ("Les champs
 * Nom, Prénom et Adresse courriel sont obligatoires"). Stored once per person and shared by every
 * organization and application of the realm. The email is kept in lower case: it is how the same
 * person is recognised when a second organization adds them.
 */
public record ContactDetails(String firstName, String lastName, String email) {

    /** Documented limit of each name, in characters (Keycloak's user columns hold 255). */
    public static final int MAX_NAME_LENGTH = 255;
    /** Documented limit of the email address, in characters (RFC 5321's path limit). */
    public static final int MAX_EMAIL_LENGTH = 254;
    /** RFC 5321's limit of the part before the @: mail servers refuse longer ones, so the invitation could not be sent. */
    static final int MAX_LOCAL_PART_LENGTH = 64;

    /**
     * One @, no blanks, a dot in the domain, none of RFC 5322's specials ({@code <>()[]\,;:"}, which a
     * real address carries only quoted): enough to catch typing mistakes and markup without rejecting
     * real addresses (an apostrophe, as in o'brien@…, is fine).
     */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>()\\[\\]\\\\,;:\"]+@[^@\\s.<>()\\[\\]\\\\,;:\"]+(\\.[^@\\s.<>()\\[\\]\\\\,;:\"]+)+");

    public ContactDetails {
        firstName = Fields.required("firstName", firstName, MAX_NAME_LENGTH);
        lastName = Fields.required("lastName", lastName, MAX_NAME_LENGTH);
        email = Fields.required("email", email, MAX_EMAIL_LENGTH).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches() || email.indexOf('@') > MAX_LOCAL_PART_LENGTH) {
            throw new DomainException(Reason.INVALID_EMAIL, "email", "'" + email + "' is not an email address");
        }
    }
}
