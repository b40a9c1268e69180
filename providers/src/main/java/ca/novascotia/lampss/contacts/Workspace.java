package ca.novascotia.lampss.contacts;

import ca.novascotia.lampss.domain.Action;
import ca.novascotia.lampss.domain.Target;
import ca.novascotia.lampss.invitation.mail.InvitationEmails;
import ca.novascotia.lampss.invitation.Invitations;
import ca.novascotia.lampss.model.AuditTrail;
import ca.novascotia.lampss.model.Contact;
import ca.novascotia.lampss.model.ContactDirectory;
import ca.novascotia.lampss.model.LampssRealm;
import ca.novascotia.lampss.model.MemberProfiles;
import ca.novascotia.lampss.model.Memberships;
import ca.novascotia.lampss.model.People;
import ca.novascotia.lampss.model.ProfileGrants;

/**
 * One caller's unit of work in one realm: the model services the use cases write through (built
 * once), the audit trail in the caller's name, and the emails to send once everything is written.
 */
public final class Workspace {

    final LampssRealm lampss;
    final Caller caller;
    final Memberships memberships;
    final MemberProfiles profiles;
    final People people;
    final ContactDirectory directory;
    final AuditTrail audit;
    final Invitations stored;
    final InvitationEmails emails;
    final Outbox outbox = new Outbox();

    public Workspace(LampssRealm lampss, Caller caller) {
        this.lampss = lampss;
        this.caller = caller;
        ProfileGrants grants = new ProfileGrants(lampss);
        this.memberships = new Memberships(lampss);
        this.profiles = new MemberProfiles(grants);
        this.people = new People(lampss, memberships);
        this.directory = new ContactDirectory(lampss, grants);
        this.audit = new AuditTrail(lampss, caller.auth());
        this.stored = new Invitations(lampss.session(), lampss.realm());
        this.emails = new InvitationEmails(lampss.session());
    }

    public Contacts contacts() {
        return new Contacts(this);
    }

    public ContactInvitations invitations() {
        return new ContactInvitations(this);
    }

    void require(Action action, Target target) {
        Authorization.require(lampss.realm().getName(), caller.actor(), action, target);
    }

    Contact find(String organizationId, String userId) {
        return directory.find(organizationId, userId).orElseThrow(() -> new NotFound("CONTACT_NOT_FOUND"));
    }

    /** The change is written and audited: its emails go out now, and its result is returned. */
    <T> T done(T result) {
        outbox.send();
        return result;
    }
}
