package ca.novascotia.lampss.contacts;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.domain.AccessChange;
import ca.novascotia.lampss.domain.Action;
import ca.novascotia.lampss.domain.DomainException;
import ca.novascotia.lampss.domain.Invitation;
import ca.novascotia.lampss.domain.InvitationRate;
import ca.novascotia.lampss.domain.MembershipState;
import ca.novascotia.lampss.domain.Reason;
import ca.novascotia.lampss.domain.Target;
import ca.novascotia.lampss.metrics.LampssMetrics;
import ca.novascotia.lampss.model.Contact;
import ca.novascotia.lampss.model.Memberships;
import ca.novascotia.lampss.model.Organizations;
import ca.novascotia.lampss.store.InvitationEntity;
import ca.novascotia.lampss.store.MembershipEntity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.common.util.Time;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/**
 * The invitation use cases: send (limited per hour), re-send, withdraw, re-address after an email
 * change, and accept. An invitation is bound to the address it was sent to and used once.
 */
public final class ContactInvitations {

    private final Workspace work;

    ContactInvitations(Workspace work) {
        this.work = work;
    }

    /** Sends a new invitation to a contact who has not accepted yet; the previous link stops working. */
    public Contact resend(GroupModel group, String userId) {
        Contacts.Loaded contact = work.contacts().load(group, userId);
        work.require(Action.ADD_CONTACT, Target.of(contact.organization()));
        if (contact.member().state() != MembershipState.INVITED) {
            throw new DomainException(Reason.INVALID_STATE_TRANSITION, "only an invited contact is sent an invitation");
        }
        invite(group, contact.person(), null, true);
        work.audit.record(group.getId(), AccessChange.INVITATION_SENT, contact.person(), null, contact.view().snapshot());
        return work.done(contact.view());
    }

    /**
     * Sends the invitation of a contact added without one (an onboarding job's, once released):
     * false, and nothing sent, if they are no longer invited or already have a pending invitation.
     */
    public boolean sendWaiting(GroupModel group, String userId) {
        Contacts.Loaded contact = work.contacts().load(group, userId);
        work.require(Action.ADD_CONTACT, Target.of(contact.organization()));
        if (contact.member().state() != MembershipState.INVITED || work.stored.pending(group.getId(), userId).isPresent()) {
            return false;
        }
        invite(group, contact.person(), null, false);
        work.audit.record(group.getId(), AccessChange.INVITATION_SENT, contact.person(), null, contact.view().snapshot());
        work.done(null);
        return true;
    }

    /** Withdraws the pending invitation: its link stops working; the contact stays, invited, until re-sent or deactivated. */
    public Contact revoke(GroupModel group, String userId) {
        Contacts.Loaded contact = work.contacts().load(group, userId);
        work.require(Action.ADD_CONTACT, Target.of(contact.organization()));
        InvitationEntity pending = work.stored.pending(group.getId(), userId)
                .orElseThrow(() -> new NotFound("INVITATION_NOT_FOUND"));
        end(group.getId(), contact.person(), pending);
        return work.done(contact.view());
    }

    /**
     * The person linked their My NS Account through this invitation: it is used up, and the
     * membership becomes active with the profiles waiting for it, for good (a later deactivation
     * and reactivation makes it active again, not invited).
     */
    public void accept(InvitationEntity invitation, UserModel person) {
        work.stored.end(invitation, Invitation.State.ACCEPTED);
        LampssMetrics.invitationAccepted(work.lampss.realm().getName());
        MembershipEntity row = work.memberships.find(invitation.getOrganizationId(), person.getId()).orElse(null);
        GroupModel group = work.lampss.realm().getGroupById(invitation.getOrganizationId());
        if (row == null || group == null || !MembershipState.INVITED.name().equals(row.getState())) {
            return;
        }
        work.profiles.bringBack(row, person, group, Organizations.toDomain(group));
        if (row.getAcceptedAt() == null) {
            row.setAcceptedAt(Time.currentTimeMillis());
        }
        work.memberships.save(row, Memberships.toDomain(row).accept(), person.getId());
        work.people.syncSignIn(person);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", MembershipState.ACTIVE.name());
        after.put("invitation", invitation.getId());
        work.audit.record(invitation.getOrganizationId(), AccessChange.INVITATION_ACCEPTED, person,
                Map.of("state", MembershipState.INVITED.name()), after);
        work.done(null);
    }

    /**
     * Stores a new invitation (superseding the pending one) and queues its email.
     *
     * @param limited whether the per-hour limit applies (a change the caller asked for), or not (a
     *                new address replacing invitations already counted)
     */
    void invite(GroupModel group, UserModel person, String message, boolean limited) {
        if (limited) {
            long now = Time.currentTimeMillis();
            InvitationRate.requireRoom(work.stored.sentSince(group.getId(), person.getId(), now - InvitationRate.WINDOW.toMillis()),
                    LampssSettings.current().invitationsPerHour(), Instant.ofEpochMilli(now));
        }
        InvitationEntity invitation = work.stored.issue(group.getId(), person.getId(), work.caller.id());
        UserModel inviter = work.caller.user();
        work.outbox.add(() -> work.emails.sendInvitation(group, person, inviter, message, invitation));
    }

    /** A deactivated contact's pending invitation is withdrawn with them. */
    void withdraw(String organizationId, UserModel person) {
        work.stored.pending(organizationId, person.getId()).ifPresent(pending -> end(organizationId, person, pending));
    }

    /**
     * The person's email changed: links sent to the old address stop working in every organization,
     * each organization where they are still invited sends a new one to the new address, and the
     * old address is told.
     */
    void readdressed(UserModel person, String oldEmail) {
        work.stored.supersedeAllOf(person.getId());
        work.memberships.ofUser(person.getId()).stream()
                .filter(row -> MembershipState.INVITED.name().equals(row.getState()))
                .forEach(row -> {
                    GroupModel group = work.lampss.realm().getGroupById(row.getOrganizationId());
                    if (group != null) {
                        invite(group, person, null, false);
                        work.audit.record(row.getOrganizationId(), AccessChange.INVITATION_SENT, person,
                                null, Map.of("reason", "EMAIL_CHANGED"));
                    }
                });
        UserModel changedBy = work.caller.user();
        work.outbox.add(() -> work.emails.sendEmailChanged(person, oldEmail, changedBy));
    }

    private void end(String organizationId, UserModel person, InvitationEntity pending) {
        work.stored.end(pending, Invitation.State.REVOKED);
        work.audit.record(organizationId, AccessChange.INVITATION_REVOKED, person,
                Map.of("invitation", pending.getId(), "state", "PENDING"),
                Map.of("invitation", pending.getId(), "state", "REVOKED"));
    }
}
