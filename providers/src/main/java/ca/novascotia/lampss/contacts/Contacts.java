package ca.novascotia.lampss.contacts;

import ca.novascotia.lampss.domain.AccessChange;
import ca.novascotia.lampss.domain.Action;
import ca.novascotia.lampss.domain.ContactDetails;
import ca.novascotia.lampss.domain.DomainException;
import ca.novascotia.lampss.domain.Membership;
import ca.novascotia.lampss.domain.Organization;
import ca.novascotia.lampss.domain.PrimaryContact;
import ca.novascotia.lampss.domain.Reason;
import ca.novascotia.lampss.domain.SecurityProfile;
import ca.novascotia.lampss.domain.SharedPerson;
import ca.novascotia.lampss.domain.Target;
import ca.novascotia.lampss.model.Contact;
import ca.novascotia.lampss.model.Memberships;
import ca.novascotia.lampss.model.Organizations;
import ca.novascotia.lampss.store.MembershipEntity;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/**
 * Every change to a person or a membership, whoever asks (the API, the invitation gate, bulk or
 * Keycloak-side work): each use case loads what it needs, asks the domain (the delegation table and
 * the shared-person rules) once, writes each row once, records the change in the audit trail, and
 * sends its emails last. Invitations have their own use cases in {@link ContactInvitations}.
 */
public final class Contacts {

    private final Workspace work;

    public Contacts(Workspace work) {
        this.work = work;
    }

    /** One contact as the caller may see them. */
    public Contact view(GroupModel group, String userId) {
        Loaded contact = load(group, userId);
        work.require(Action.VIEW_CONTACT, Target.of(contact.organization(), contact.member()));
        return contact.view();
    }

    /**
     * Adds a person, invited, with profiles. An email that already has an account attaches it only
     * if it is a LaMPSS person; the organization's first contact becomes its primary contact with the
     * profiles the guide gives them.
     */
    public Contact add(GroupModel group, ContactDetails details, Set<SecurityProfile> wanted, String message) {
        return add(group, details, wanted, message, true);
    }

    /**
     * As {@link #add(GroupModel, ContactDetails, Set, String)}; with {@code inviteNow} false the
     * contact waits, invited, without an invitation until {@link ContactInvitations#sendWaiting} (an
     * onboarding job's invitations, held or throttled).
     */
    public Contact add(GroupModel group, ContactDetails details, Set<SecurityProfile> wanted, String message, boolean inviteNow) {
        Organization organization = Organizations.toDomain(group);
        work.require(Action.ADD_CONTACT, Target.of(organization));
        wanted.forEach(profile -> work.require(Action.GRANT_PROFILE, Target.newContact(organization, profile)));
        UserModel person = personFor(group.getId(), details);
        List<Membership> primary = work.memberships.primaryOf(group.getId()).map(Memberships::toDomain).stream().toList();
        Membership membership = PrimaryContact.newContact(organization, primary, person.getId());
        Set<SecurityProfile> granted = EnumSet.noneOf(SecurityProfile.class);
        granted.addAll(wanted);
        if (membership.primaryContact()) {
            granted.addAll(PrimaryContact.profilesOnAccessGranted(organization));
        }
        MembershipEntity row = work.memberships.add(membership, work.caller.id());
        granted.forEach(profile -> work.profiles.give(row, person, group, profile));
        work.memberships.save(row, membership, work.caller.id());
        work.people.syncSignIn(person);
        if (inviteNow) {
            work.invitations().invite(group, person, message, true);
        }
        Contact added = work.find(group.getId(), person.getId());
        work.audit.record(group.getId(), AccessChange.CONTACT_ADDED, person, null, added.snapshot());
        return work.done(added);
    }

    /**
     * Names and email, the profiles held here, and the profiles set aside (which can only be taken
     * back). Each change is checked on its own; names and email also by the shared-person rule.
     *
     * @param wanted   the profiles to hold here, or null to leave them
     * @param keptAside the set-aside profiles to keep, or null to leave them
     */
    public Contact update(GroupModel group, String userId, ContactDetails details, Set<SecurityProfile> wanted,
                          Set<SecurityProfile> keptAside) {
        Loaded contact = load(group, userId);
        Set<SecurityProfile> current = contact.view().profiles();
        Set<SecurityProfile> aside = contact.view().profilesSetAside();
        Set<SecurityProfile> after = wanted == null ? current : wanted;
        Set<SecurityProfile> added = difference(after, current);
        Set<SecurityProfile> removed = difference(current, after);
        Set<SecurityProfile> takenBack = difference(aside, keptAside == null ? aside : keptAside);
        if (keptAside != null && !aside.containsAll(keptAside)) {
            throw new DomainException(Reason.INVALID_STATE_TRANSITION, "profilesSetAside",
                    "only profiles set aside can be kept aside; give others once the contact is active");
        }
        boolean detailsChanged = !sameDetails(contact.person(), details);
        // Profile changes first: their refusals are the most specific (e.g. OWN_PROFILES).
        added.forEach(p -> work.require(Action.GRANT_PROFILE, Target.of(contact.organization(), contact.member(), p)));
        removed.forEach(p -> work.require(Action.REVOKE_PROFILE, Target.of(contact.organization(), contact.member(), p)));
        takenBack.forEach(p -> work.require(Action.REVOKE_PROFILE, Target.of(contact.organization(), contact.member(), p)));
        boolean profilesChanged = !added.isEmpty() || !removed.isEmpty() || !takenBack.isEmpty();
        if (detailsChanged || !profilesChanged) {
            work.require(detailsChanged ? Action.MODIFY_CONTACT_DETAILS : Action.VIEW_CONTACT,
                    Target.of(contact.organization(), contact.member()));
        }
        if (!detailsChanged && !profilesChanged) {
            return contact.view();
        }
        if (detailsChanged) {
            SharedPerson.requireDetailsChangeable(work.caller.actor(), group.getId(),
                    work.memberships.ofUser(userId).stream().map(MembershipEntity::getOrganizationId).toList());
            changeDetails(contact.person(), details);
        }
        new AccessNotices(work).changed(contact, after, false);
        added.forEach(profile -> work.profiles.give(contact.row(), contact.person(), group, profile));
        removed.forEach(profile -> work.profiles.take(contact.row(), contact.person(), group, profile));
        work.profiles.dropAside(contact.row(), takenBack);
        work.memberships.save(contact.row(), contact.member(), work.caller.id());
        return recorded(contact, AccessChange.CONTACT_UPDATED);
    }

    /**
     * Clears "Active": the profiles held here are set aside, a pending invitation is withdrawn, and
     * the person no longer acts here (nor signs in, when no other organization has them).
     */
    public Contact deactivate(GroupModel group, String userId) {
        Loaded contact = load(group, userId);
        work.require(Action.DEACTIVATE, Target.of(contact.organization(), contact.member()));
        Membership inactive = contact.member().deactivate();
        new AccessNotices(work).changed(contact, Set.of(), true);
        work.profiles.putAside(contact.row(), contact.person(), group);
        work.invitations().withdraw(group.getId(), contact.person());
        work.accessRequests().closeFor(group, contact.person());
        work.campaigns.deactivated(group.getId(), userId, work.caller.id(), org.keycloak.common.util.Time.currentTimeMillis());
        work.memberships.save(contact.row(), inactive, work.caller.id());
        work.people.syncSignIn(contact.person());
        return recorded(contact, AccessChange.CONTACT_DEACTIVATED);
    }

    /**
     * Ticks "Active" again. Someone who once accepted an invitation here is active again with the
     * profiles set aside that the organization still offers; someone who never accepted is invited
     * again, with a new invitation, and receives those profiles on accepting.
     */
    public Contact reactivate(GroupModel group, String userId) {
        Loaded contact = load(group, userId);
        work.require(Action.REACTIVATE, Target.of(contact.organization(), contact.member()));
        Membership next = contact.member().reactivate(contact.row().getAcceptedAt() != null);
        if (next.isActive()) {
            work.profiles.bringBack(contact.row(), contact.person(), group, contact.organization());
        }
        work.memberships.save(contact.row(), next, work.caller.id());
        work.people.syncSignIn(contact.person());
        if (!next.isActive()) {
            work.invitations().invite(group, contact.person(), null, true);
        }
        return recorded(contact, AccessChange.CONTACT_REACTIVATED);
    }

    /**
     * The person's account is being deleted: refused while they are a primary contact anywhere (the
     * role must be transferred first); otherwise each membership ends as a deactivation would (its
     * profiles leave the tokens, a pending invitation is withdrawn, both audited), then its row goes
     * with the account, audited as removed. Invitation rows stay as the history they are.
     */
    public void remove(UserModel person) {
        List<MembershipEntity> rows = work.memberships.ofUser(person.getId());
        for (MembershipEntity row : rows) {
            if (row.getPrimaryOf() != null) {
                throw new DomainException(Reason.PRIMARY_CONTACT_CANNOT_BE_DEACTIVATED,
                        person.getId() + " is the primary contact of " + row.getOrganizationId());
            }
        }
        for (MembershipEntity row : rows) {
            GroupModel group = work.lampss.realm().getGroupById(row.getOrganizationId());
            if (group == null) {
                work.memberships.remove(row);
                continue;
            }
            Contact before = work.find(group.getId(), person.getId());
            if (!"INACTIVE".equals(row.getState())) {
                deactivate(group, person.getId());
            }
            work.memberships.remove(row);
            work.audit.record(group.getId(), AccessChange.CONTACT_REMOVED, person, before.snapshot(), Map.of("state", "REMOVED"));
        }
        work.done(null);
    }

    /** Hands the primary contact role to another active user of the organization. */
    public void transferPrimaryContact(GroupModel group, String successorId) {
        Organization organization = Organizations.toDomain(group);
        MembershipEntity successorRow = work.memberships.find(group.getId(), successorId)
                .orElseThrow(() -> new NotFound("CONTACT_NOT_FOUND"));
        work.require(Action.TRANSFER_PRIMARY_CONTACT, Target.of(organization, Memberships.toDomain(successorRow)));
        MembershipEntity formerRow = work.memberships.primaryOf(group.getId())
                .orElseThrow(() -> new DomainException(Reason.NO_PRIMARY_CONTACT, "no primary contact"));
        PrimaryContact.Transfer transfer = PrimaryContact.transfer(group.getId(),
                Memberships.toDomain(List.of(formerRow, successorRow)), successorId);
        // The former row first: the successor's row may only claim the organization once it is free.
        work.memberships.save(formerRow, transfer.former(), work.caller.id());
        work.memberships.save(successorRow, transfer.successor(), work.caller.id());
        UserModel successor = work.people.byId(successorId).orElseThrow(() -> new NotFound("CONTACT_NOT_FOUND"));
        work.audit.record(group.getId(), AccessChange.PRIMARY_CONTACT_TRANSFERRED, successor,
                java.util.Map.of("primaryContact", formerRow.getUserId()), java.util.Map.of("primaryContact", successorId));
        work.done(null);
    }

    /** The existing account of this email if it may become a contact here, or a new account. */
    private UserModel personFor(String organizationId, ContactDetails details) {
        Optional<UserModel> known = work.people.byEmailOrUsername(details.email());
        if (known.isEmpty()) {
            return work.people.create(details);
        }
        UserModel person = known.get();
        if (work.memberships.find(organizationId, person.getId()).isPresent()) {
            throw new DomainException(Reason.ALREADY_A_CONTACT, "email", "already a contact of " + organizationId);
        }
        SharedPerson.requireAttachable(work.caller.actor(), work.people.account(person));
        if (!details.email().equalsIgnoreCase(Objects.requireNonNullElse(person.getEmail(), ""))) {
            // Found by a username that looks like this email: not the person this address names.
            throw new DomainException(Reason.EMAIL_CANNOT_BE_USED, "email", "the username of another account");
        }
        return person;
    }

    /**
     * Names and email are the person's in every organization. A new address ends every invitation
     * sent to the old one (in every organization), sends new ones where the person is still invited,
     * and tells the old address.
     */
    private void changeDetails(UserModel person, ContactDetails details) {
        if (work.people.emailTakenByAnother(details.email(), person)) {
            throw new DomainException(Reason.EMAIL_IN_USE, "email", "another account has this email");
        }
        String oldEmail = person.getEmail();
        work.people.update(person, details);
        if (oldEmail != null && !oldEmail.equalsIgnoreCase(details.email())) {
            work.invitations().readdressed(person, oldEmail);
        }
    }

    private Contact recorded(Loaded contact, AccessChange change) {
        Contact after = work.find(contact.group().getId(), contact.person().getId());
        work.audit.record(contact.group().getId(), change, contact.person(), contact.view().snapshot(), after.snapshot());
        return work.done(after);
    }

    /** The contact as stored; an id of someone who is not a contact here is "not found", whoever asks. */
    Loaded load(GroupModel group, String userId) {
        MembershipEntity row = work.memberships.find(group.getId(), userId).orElseThrow(() -> new NotFound("CONTACT_NOT_FOUND"));
        UserModel person = work.people.byId(userId).orElseThrow(() -> new NotFound("CONTACT_NOT_FOUND"));
        Contact view = work.directory.find(group.getId(), userId).orElseThrow(() -> new NotFound("CONTACT_NOT_FOUND"));
        return new Loaded(group, Organizations.toDomain(group), row, Memberships.toDomain(row), person, view);
    }

    record Loaded(GroupModel group, Organization organization, MembershipEntity row, Membership member,
                  UserModel person, Contact view) {
    }

    private static boolean sameDetails(UserModel person, ContactDetails details) {
        return Objects.equals(person.getFirstName(), details.firstName())
                && Objects.equals(person.getLastName(), details.lastName())
                && details.email().equalsIgnoreCase(Objects.requireNonNullElse(person.getEmail(), ""));
    }

    private static Set<SecurityProfile> difference(Set<SecurityProfile> from, Set<SecurityProfile> minus) {
        Set<SecurityProfile> result = EnumSet.noneOf(SecurityProfile.class);
        result.addAll(from);
        result.removeAll(minus);
        return result;
    }
}
