package ca.novascotia.lampss.it.api;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import org.keycloak.testframework.mail.MailServer;

/**
 * What the test SMTP server received, read per address: how many emails, their subjects, and the
 * invitation links in them. Sending is synchronous in the API (a refused delivery fails the call),
 * so an email the API sent is there when its answer is; the waits only absorb scheduling noise.
 */
final class AttackMailbox {

    /** How long to wait for an email that should arrive. */
    private static final long ARRIVAL_MILLIS = 10_000;
    /** How long to wait before concluding that no email was sent. */
    private static final long SILENCE_MILLIS = 1_500;

    private final MailServer mail;

    AttackMailbox(MailServer mail) {
        this.mail = mail;
    }

    /** Every email received for this address, oldest first. */
    List<MimeMessage> to(String address) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                Address[] recipients = message.getAllRecipients();
                if (recipients != null) {
                    for (Address recipient : recipients) {
                        if (recipient.toString().equalsIgnoreCase(address)) {
                            found.add(message);
                            break;
                        }
                    }
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    int count(String address) {
        return to(address).size();
    }

    /** The count once no new email has come for a moment: for "nothing was sent" checks. */
    int settledCount(String address) {
        pause(SILENCE_MILLIS);
        return count(address);
    }

    /** Waits until this address has received at least {@code atLeast} emails; fails otherwise. */
    List<MimeMessage> awaitCount(String address, int atLeast) {
        long until = System.currentTimeMillis() + ARRIVAL_MILLIS;
        while (true) {
            List<MimeMessage> messages = to(address);
            if (messages.size() >= atLeast || System.currentTimeMillis() > until) {
                if (messages.size() < atLeast) {
                    throw new AssertionError(address + " received " + messages.size() + " email(s), expected at least " + atLeast
                            + ": " + subjects(messages));
                }
                return messages;
            }
            pause(100);
        }
    }

    /** The newest email to this address that matches, waiting for it; empty if none comes. */
    Optional<MimeMessage> await(String address, Predicate<MimeMessage> which) {
        long until = System.currentTimeMillis() + ARRIVAL_MILLIS;
        do {
            List<MimeMessage> messages = to(address);
            for (int i = messages.size() - 1; i >= 0; i--) {
                if (which.test(messages.get(i))) {
                    return Optional.of(messages.get(i));
                }
            }
            pause(100);
        } while (System.currentTimeMillis() < until);
        return Optional.empty();
    }

    /** The link of the newest invitation to this address for the organization named {@code nameEn}; fails if none comes. */
    String invitationLink(String address, String organizationNameEn) {
        return await(address, m -> aboutOrganization(m, organizationNameEn) && link(m).isPresent())
                .flatMap(AttackMailbox::link)
                .orElseThrow(() -> new AssertionError("no invitation to " + address + " for " + organizationNameEn + "; received: "
                        + subjects(to(address))));
    }

    /** Waits for an invitation to this address for this organization whose link differs from {@code old}. */
    Optional<String> newInvitationLink(String address, String organizationNameEn, String old) {
        return await(address, m -> aboutOrganization(m, organizationNameEn) && link(m).filter(l -> !l.equals(old)).isPresent())
                .flatMap(AttackMailbox::link);
    }

    /** Every invitation link this address received, oldest first (no waiting). */
    List<String> invitationLinks(String address) {
        return to(address).stream().map(AttackMailbox::link).flatMap(Optional::stream).toList();
    }

    /** A notice that an account's email address changed: the subject names the email (English or French). */
    static boolean emailChangeNotice(MimeMessage message) {
        String subject = subject(message).toLowerCase(Locale.ROOT);
        return subject.contains("email") || subject.contains("courriel");
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> subjects(List<MimeMessage> messages) {
        return messages.stream().map(AttackMailbox::subject).toList();
    }

    /** The invitation subject names the organization: "LaMPSS invitation: {nameEn} / Invitation au LaMPSS : {nameFr}". */
    static boolean aboutOrganization(MimeMessage message, String nameEn) {
        String subject = subject(message);
        return subject.contains(nameEn + " ") || subject.endsWith(nameEn);
    }

    /** The action-token link in any text part of the email. */
    static Optional<String> link(MimeMessage message) {
        Matcher matcher = InvitationMail.LINK.matcher(text(message));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static String text(Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
            if (content instanceof Multipart multipart) {
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    all.append(text(multipart.getBodyPart(i))).append('\n');
                }
                return all.toString();
            }
            return "";
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
