package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.metrics.LampssMetrics;
import ca.novascotia.lampss.metrics.StatementCounter;
import ca.novascotia.lampss.model.Contact;
import ca.novascotia.lampss.model.ContactDirectory;
import ca.novascotia.lampss.model.LampssRealm;
import ca.novascotia.lampss.model.ProfileGrants;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The access-review export: one line per contact (every state) with profiles, state and last
 * sign-in, written as it is read, {@value #PAGE} contacts at a time: memory holds one page, and
 * each page costs the same few queries however large the organization.
 */
final class AccessReview {

    static final int PAGE = 500;
    static final String HEADER = "last_name,first_name,email,state,primary_contact,profiles,last_sign_in";

    private AccessReview() {
    }

    /**
     * The export as a response body, for a caller already authorized. It reads in a session and
     * transaction of its own: the request's may be over by the time the body is written.
     */
    static StreamingOutput csv(KeycloakSession request, LampssSettings settings, String organizationId) {
        KeycloakSessionFactory factory = request.getKeycloakSessionFactory();
        String realmId = request.getContext().getRealm().getId();
        return output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            try {
                KeycloakModelUtils.runJobInTransaction(factory, session -> {
                    RealmModel realm = session.realms().getRealm(realmId);
                    session.getContext().setRealm(realm);
                    StatementCounter counter = settings.queryCountHeader() ? StatementCounter.attach(session) : null;
                    write(new LampssRealm(session, realm, settings), organizationId, writer);
                    if (counter != null) {
                        LampssMetrics.accessReviewStatements(realm.getName(), counter.count());
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause(); // e.g. the client went away: the container's to handle
            }
            writer.flush();
        };
    }

    private static void write(LampssRealm lampss, String organizationId, Writer out) {
        ContactDirectory directory = new ContactDirectory(lampss, new ProfileGrants(lampss));
        try {
            out.write(HEADER + "\r\n");
            Object[] after = null;
            do {
                ContactDirectory.Batch batch = directory.batch(organizationId, after, PAGE);
                write(batch.contacts(), directory.lastSignIns(batch.contacts().stream().map(Contact::userId).toList()), out);
                after = batch.next();
            } while (after != null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(List<Contact> contacts, Map<String, Long> signIns, Writer out) throws IOException {
        for (Contact contact : contacts) {
            out.write(line(contact, signIns.get(contact.userId())) + "\r\n");
        }
        out.flush(); // each page reaches the client before the next is read
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
