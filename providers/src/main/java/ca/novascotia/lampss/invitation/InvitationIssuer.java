package ca.novascotia.lampss.invitation;

import java.util.Locale;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/**
 * What happens after a contact is added: the person must be invited to link their My NS Account.
 * Called in the transaction that adds the contact, so a failure to issue leaves nothing behind.
 */
public interface InvitationIssuer {

    /** @param message the inviter's optional message (plain text, unescaped), or null */
    void issue(GroupModel organization, UserModel invitee, UserModel inviter, String message, Locale locale);

    /** Sends nothing: for callers that add people who are invited otherwise. */
    InvitationIssuer NONE = (organization, invitee, inviter, message, locale) -> { };

    /** The invitation could not be delivered (e.g. the mail server refused it); the request must fail. */
    class NotSentException extends RuntimeException {
        public NotSentException(Throwable cause) {
            super("the invitation email could not be sent", cause);
        }
    }
}
