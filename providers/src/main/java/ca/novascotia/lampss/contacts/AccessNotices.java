package ca.novascotia.lampss.contacts;

import ca.novascotia.lampss.domain.AccessNotice;
import ca.novascotia.lampss.domain.MembershipState;
import ca.novascotia.lampss.domain.SecurityProfile;
import ca.novascotia.lampss.invitation.mail.InvitationEmails;
import java.util.Set;

/**
 * Queues the email that tells a person their access changed ({@link AccessNotice} decides), to go out
 * with the change's other emails once its rows are written and audited.
 */
final class AccessNotices {

    private final Workspace work;

    AccessNotices(Workspace work) {
        this.work = work;
    }

    /** Call before the change is written: whether the person is reachable is read as it was. */
    void changed(Contacts.Loaded contact, Set<SecurityProfile> after, boolean deactivated) {
        var person = contact.person();
        boolean reachable = InvitationEmails.reachable(person);
        boolean due = AccessNotice.due(AccessNotice.enabled(work.lampss.realm().getAttribute(AccessNotice.SETTING)),
                contact.view().state() == MembershipState.ACTIVE && contact.row().getAcceptedAt() != null, reachable,
                person.getId().equals(work.caller.id()), contact.view().profiles(), after, deactivated);
        if (due) {
            Set<SecurityProfile> held = Set.copyOf(after);
            work.outbox.add(() -> work.emails.sendAccessChanged(contact.group(), person, work.caller.user(), held, deactivated));
        }
    }
}
