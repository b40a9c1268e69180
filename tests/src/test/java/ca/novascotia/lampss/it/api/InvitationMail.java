package ca.novascotia.lampss.it.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.testframework.mail.MailServer;

/** Invitation emails as they arrive at the test SMTP server, and the link inside them. */
public final class InvitationMail {

    static final Pattern LINK = Pattern.compile("(http\\S+/login-actions/action-token\\?key=[A-Za-z0-9._-]+)");

    private InvitationMail() {
    }

    /** The newest email to this address, waiting up to 5 s for it. */
    public static MimeMessage lastMessageTo(MailServer mail, String email) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            MimeMessage[] messages = mail.getReceivedMessages();
            for (int i = messages.length - 1; i >= 0; i--) {
                if (messages[i].getAllRecipients()[0].toString().equalsIgnoreCase(email)) {
                    return messages[i];
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no email to " + email);
    }

    /** The invitation link of the newest email to this address. */
    public static String linkTo(MailServer mail, String email) throws Exception {
        return link(part(lastMessageTo(mail, email), "text/plain"));
    }

    public static String part(MimeMessage message, String type) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            if (multipart.getBodyPart(i).isMimeType(type)) {
                return (String) multipart.getBodyPart(i).getContent();
            }
            if (multipart.getBodyPart(i).getContent() instanceof Multipart nested) {
                for (int j = 0; j < nested.getCount(); j++) {
                    if (nested.getBodyPart(j).isMimeType(type)) {
                        return (String) nested.getBodyPart(j).getContent();
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    public static String link(String text) {
        Matcher matcher = LINK.matcher(text);
        assertTrue(matcher.find(), text);
        return matcher.group(1);
    }
}
