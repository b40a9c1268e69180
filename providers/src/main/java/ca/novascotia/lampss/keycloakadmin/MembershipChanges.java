package ca.novascotia.lampss.keycloakadmin;

import ca.novascotia.lampss.contacts.Contacts;
import ca.novascotia.lampss.contacts.Workspace;
import ca.novascotia.lampss.domain.MembershipState;
import ca.novascotia.lampss.domain.SecurityProfile;
import ca.novascotia.lampss.model.Contact;
import ca.novascotia.lampss.model.Memberships;
import ca.novascotia.lampss.model.People;
import ca.novascotia.lampss.store.MembershipEntity;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/**
 * An admin adds a user to, or removes them from, an organization's group or a profile subgroup, or
 * deletes a user. Adopting means: put Keycloak back as it was, then make the same change through the
 * use case the LaMPSS console would call, so every LaMPSS rule decides, the audit trail names the
 * admin and the channel, and our writes (mirrored back into the groups) are the only ones that stay.
 * A refusal from the use case fails the admin's request.
 */
final class MembershipChanges {

    private final AdminChange change;

    MembershipChanges(AdminChange change) {
        this.change = change;
    }

    /**
     * Joining an organization's group. A person becomes active only by accepting an invitation, so a
     * new contact cannot be made here; a deactivated contact can be reactivated (active again if they
     * once accepted, otherwise invited again with a new invitation, as in the LaMPSS console).
     */
    void joined(GroupModel organization, UserModel user) {
        Optional<MembershipEntity> row = new Memberships(change.lampss).find(organization.getId(), user.getId());
        if (row.isEmpty() || !MembershipState.INACTIVE.name().equals(row.get().getState())) {
            throw Refusal.of("Members of an organization's group are its active LaMPSS contacts: add contacts through the LaMPSS console (Org contacts, Add contact with LaMPSS access); they join the group when they accept the emailed invitation.",
                    "Les membres du groupe d'un organisme sont ses contacts LaMPSS actifs : ajoutez les contacts dans la console LaMPSS (Contacts de l'organisme, Ajouter un contact avec accès à LaMPSS) ; ils rejoignent le groupe en acceptant l'invitation reçue par courriel.");
        }
        adopt(() -> user.leaveGroup(organization), contacts -> contacts.reactivate(organization, user.getId()));
    }

    /** Leaving an organization's group is deactivating the contact (never the primary contact). */
    void left(GroupModel organization, UserModel user) {
        if (new Memberships(change.lampss).find(organization.getId(), user.getId()).isEmpty()) {
            return; // not a contact: nothing of LaMPSS's hangs on this membership
        }
        adopt(() -> user.joinGroup(organization), contacts -> contacts.deactivate(organization, user.getId()));
    }

    /** Joining a profile subgroup is giving the profile, to an active contact of an organization that has the module. */
    void joinedProfile(GroupModel subgroup, UserModel user) {
        GroupModel organization = subgroup.getParent();
        SecurityProfile profile = LampssGroups.profile(subgroup).orElseThrow();
        Optional<MembershipEntity> row = new Memberships(change.lampss).find(organization.getId(), user.getId());
        if (row.isEmpty()) {
            throw Refusal.from("CONTACT_NOT_FOUND");
        }
        if (!MembershipState.ACTIVE.name().equals(row.get().getState())) {
            throw Refusal.from("TARGET_NOT_ACTIVE");
        }
        adopt(() -> user.leaveGroup(subgroup), contacts -> withProfile(contacts, organization, user, profile, true));
    }

    /** Leaving a profile subgroup is revoking the profile. */
    void leftProfile(GroupModel subgroup, UserModel user) {
        GroupModel organization = subgroup.getParent();
        SecurityProfile profile = LampssGroups.profile(subgroup).orElseThrow();
        Optional<MembershipEntity> row = new Memberships(change.lampss).find(organization.getId(), user.getId());
        if (row.isEmpty() || !MembershipState.ACTIVE.name().equals(row.get().getState())) {
            return; // only an active contact's profiles are subgroup memberships; anything else was not ours
        }
        adopt(() -> user.joinGroup(subgroup), contacts -> withProfile(contacts, organization, user, profile, false));
    }

    /** The user is about to be deleted: refused for a primary contact, otherwise their memberships end. */
    void removing(UserModel user) {
        if (new Memberships(change.lampss).ofUser(user.getId()).isEmpty()) {
            return;
        }
        adopt(() -> { }, contacts -> contacts.remove(user));
    }

    private static void withProfile(Contacts contacts, GroupModel organization, UserModel user, SecurityProfile profile,
                                    boolean give) {
        Contact current = contacts.view(organization, user.getId());
        Set<SecurityProfile> wanted = EnumSet.noneOf(SecurityProfile.class);
        wanted.addAll(current.profiles());
        if (give) {
            wanted.add(profile);
        } else {
            wanted.remove(profile);
        }
        contacts.update(organization, user.getId(), People.details(user), wanted, null);
    }

    private void adopt(Runnable undo, java.util.function.Consumer<Contacts> replay) {
        try (Workspace work = new Workspace(change.lampss, change.caller())) {
            undo.run();
            replay.accept(work.contacts());
        }
    }
}
