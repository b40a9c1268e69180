package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.model.Contact;
import ca.novascotia.lampss.model.ContactDirectory;
import ca.novascotia.lampss.model.Page;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The access-review export: one line per contact (every state) with profiles, state and last
 * sign-in, read in pages of {@value #PAGE} so that a large organization costs a constant number of
 * queries per page and never sits in memory whole.
 */
final class AccessReview {

    static final int PAGE = 500;
    static final String HEADER = "last_name,first_name,email,state,primary_contact,profiles,last_sign_in";

    private AccessReview() {
    }

    /** Writes the whole export before the response is committed, inside the request's transaction. */
    static String csv(ContactDirectory directory, String organizationId) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (int first = 0; ; first += PAGE) {
            Page<Contact> page = directory.page(organizationId, null, false, first, PAGE);
            Map<String, Long> signIns = directory.lastSignIns(page.items().stream().map(Contact::userId).toList());
            page.items().forEach(contact -> out.append(line(contact, signIns.get(contact.userId()))).append("\r\n"));
            if (first + PAGE >= page.total()) {
                return out.toString();
            }
        }
    }

    private static String line(Contact contact, Long lastSignIn) {
        return String.join(",", List.of(
                cell(contact.lastName()), cell(contact.firstName()), cell(contact.email()),
                contact.state().name(), String.valueOf(contact.primaryContact()),
                cell(String.join(" ", Views.profiles(contact.profiles()))),
                lastSignIn == null ? "" : Instant.ofEpochMilli(lastSignIn).toString()));
    }

    /**
     * RFC 4180 quoting, and a leading apostrophe before =, +, - and @ so that a spreadsheet opening
     * the file never runs a name someone typed as a formula.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    static String fileSafe(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
