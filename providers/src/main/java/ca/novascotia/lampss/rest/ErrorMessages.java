package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.domain.AccessRequest;
import ca.novascotia.lampss.domain.ContactDetails;
import ca.novascotia.lampss.domain.Invitation;
import ca.novascotia.lampss.domain.Organization;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The text a person reads for an error code, in English or French. */
final class ErrorMessages {

    private static final String BUNDLE = "ca.novascotia.lampss.rest.messages";

    /** The documented limits, quoted in "too long" messages. */
    static final Map<String, Integer> LIMITS = Map.of(
            "firstName", ContactDetails.MAX_NAME_LENGTH,
            "lastName", ContactDetails.MAX_NAME_LENGTH,
            "email", ContactDetails.MAX_EMAIL_LENGTH,
            "nameEn", Organization.MAX_NAME_LENGTH,
            "nameFr", Organization.MAX_NAME_LENGTH,
            "externalNumber", Organization.MAX_EXTERNAL_NUMBER_LENGTH,
            "invitationMessage", Invitation.MAX_MESSAGE_LENGTH,
            "reason", AccessRequest.MAX_TEXT_LENGTH,
            "decision", AccessRequest.MAX_TEXT_LENGTH);

    private ErrorMessages() {
    }

    static String message(String code, String field, Locale locale) {
        ResourceBundle bundle = bundle(locale);
        String text = field == null ? lookup(bundle, code + ".unnamed", lookup(bundle, code, code)) : lookup(bundle, code, code);
        String label = field == null ? "" : lookup(bundle, "field." + field, field);
        Integer max = field == null ? null : LIMITS.get(field);
        return text.replace("{field}", label).replace("{max}", max == null ? "" : String.valueOf(max));
    }

    /** French for any French locale, English for everything else (English is the realm's default). */
    static ResourceBundle bundle(Locale locale) {
        Locale chosen = locale != null && "fr".equals(locale.getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
        return ResourceBundle.getBundle(BUNDLE, chosen, ErrorMessages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String lookup(ResourceBundle bundle, String key, String fallback) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException missing) {
            return fallback;
        }
    }
}
