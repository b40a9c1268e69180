package ca.novascotia.lampss.contacts;

import ca.novascotia.lampss.domain.Action;
import ca.novascotia.lampss.domain.Target;
import ca.novascotia.lampss.invitation.mail.InvitationEmails;
import ca.novascotia.lampss.invitation.Invitations;
import ca.novascotia.lampss.model.AuditTrail;
import ca.novascotia.lampss.model.Campaigns;
import ca.novascotia.lampss.model.Requests;
import ca.novascotia.lampss.model.Contact;
import ca.novascotia.lampss.model.ContactDirectory;
import ca.novascotia.lampss.model.LampssRealm;
import ca.novascotia.lampss.model.MemberProfiles;
import ca.novascotia.lampss.model.Memberships;
import ca.novascotia.lampss.model.Organizations;
import ca.novascotia.lampss.model.People;
import ca.novascotia.lampss.model.ProfileGrants;
import org.keycloak.models.KeycloakSession;

/**
 * One caller's unit of work in one realm: the model services the use cases write through (built
 * once), the audit trail in the caller's name, and the emails to send once everything is written.
 *
 * <p>While a workspace is open its session is marked ({@link #isWriting}): the groups and roles our
 * use cases write raise the same Keycloak provider events as an identity admin's changes, and the
 * listener that adopts or refuses those ({@code keycloakadmin}) must leave ours alone. This class is
 * the only place that sets and clears the mark. An API call's workspace stays open until the
 * session ends; the listener closes its own as soon as the adopted change is written.
 */
public final class Workspace implements AutoCloseable {

    private static final String WRITING = Workspace.class.getName() + ".writing";

    final LampssRealm lampss;
    final Caller caller;
    final Organizations organizations;
    final Memberships memberships;
    final ProfileGrants grants;
    final MemberProfiles profiles;
    final People people;
    final ContactDirectory directory;
    final AuditTrail audit;
    final Invitations stored;
    final InvitationEmails emails;
    final Requests requests;
    final Campaigns campaigns;
    final Outbox outbox = new Outbox();

    public Workspace(LampssRealm lampss, Caller caller) {
        this.lampss = lampss;
        this.caller = caller;
        this.grants = new ProfileGrants(lampss);
        this.organizations = new Organizations(lampss);
        this.memberships = new Memberships(lampss);
        this.profiles = new MemberProfiles(grants);
        this.people = new People(lampss, memberships);
        this.directory = new ContactDirectory(lampss, grants);
        this.audit = new AuditTrail(lampss, caller.auth(), caller.channel());
        this.stored = new Invitations(lampss.session(), lampss.realm());
        this.emails = new InvitationEmails(lampss.session());
        this.requests = new Requests(lampss);
        this.campaigns = new Campaigns(lampss);
        lampss.session().setAttribute(WRITING, this);
    }

    /** Whether LaMPSS's own use cases are writing in this session (their events are not an admin's). */
    public static boolean isWriting(KeycloakSession session) {
        return session.getAttribute(WRITING) != null;
    }

    /** Ends the mark this workspace set, so that later changes in the same session are seen again. */
    @Override
    public void close() {
        if (lampss.session().getAttribute(WRITING) == this) {
            lampss.session().removeAttribute(WRITING);
        }
    }

    public Contacts contacts() {
        return new Contacts(this);
    }

    public OrganizationChanges organizationChanges() {
        return new OrganizationChanges(this);
    }

    public AccessRequests accessRequests() {
        return new AccessRequests(this);
    }

    public Recertifications recertifications() {
        return new Recertifications(this);
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
