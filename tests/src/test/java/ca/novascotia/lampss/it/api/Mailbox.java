package ca.novascotia.lampss.it.api;

import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.keycloak.testframework.mail.MailServer;

/** The emails the real SMTP server received for one address, by subject. */
public final class Mailbox {

    private Mailbox() {
    }

    public static List<MimeMessage> to(MailServer mail, String email, String subjectPart) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().equalsIgnoreCase(email) && message.getSubject().contains(subjectPart);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Waits up to {@code seconds} for at least {@code count} such emails, then returns them all. */
    public static List<MimeMessage> await(MailServer mail, String email, String subjectPart, int count, int seconds) throws InterruptedException {
        long until = System.currentTimeMillis() + seconds * 1000L;
        List<MimeMessage> found = to(mail, email, subjectPart);
        while (found.size() < count && System.currentTimeMillis() < until) {
            Thread.sleep(250);
            found = to(mail, email, subjectPart);
        }
        return found;
    }
}
