package ca.novascotia.lampss.contacts;

import ca.novascotia.lampss.domain.AccessChange;
import ca.novascotia.lampss.domain.Action;
import ca.novascotia.lampss.domain.Module;
import ca.novascotia.lampss.domain.ModuleChange;
import ca.novascotia.lampss.domain.Organization;
import ca.novascotia.lampss.domain.SecurityProfile;
import ca.novascotia.lampss.domain.Target;
import ca.novascotia.lampss.model.Memberships;
import ca.novascotia.lampss.model.Organizations;
import java.util.Set;
import org.keycloak.models.GroupModel;

/**
 * The changes to an organization itself, whoever asks (the API, an onboarding job): create it,
 * rename it, change its modules. Each is checked by the delegation table and audited.
 */
public final class OrganizationChanges {

    private final Workspace work;

    OrganizationChanges(Workspace work) {
        this.work = work;
    }

    /** A new organization; its number must be free (the caller says so first, with its own error). */
    public Organization create(Organization draft) {
        work.require(Action.CREATE_ORGANIZATION, Target.none());
        Organization created = work.organizations.create(draft);
        work.audit.record(created.id(), AccessChange.ORGANIZATION_CREATED, null, null, Organizations.snapshot(created));
        return work.done(created);
    }

    /** New names; the number and modules stay. */
    public Organization rename(GroupModel group, String nameEn, String nameFr) {
        Organization before = Organizations.toDomain(group);
        work.require(Action.UPDATE_ORGANIZATION_INFO, Target.of(before));
        Organization after = before.withNames(nameEn, nameFr);
        if (!after.equals(before)) {
            work.organizations.update(after);
            work.audit.record(group.getId(), AccessChange.ORGANIZATION_UPDATED, null,
                    Organizations.snapshot(before), Organizations.snapshot(after));
        }
        return work.done(after);
    }

    /**
     * Profiles of a module taken away are taken from everyone in the organization; enabling Private
     * Career Colleges gives the primary contact PCC Administrator.
     */
    public Organization changeModules(GroupModel group, Set<Module> modules) {
        Organization before = Organizations.toDomain(group);
        work.require(Action.CHANGE_MODULES, Target.of(before));
        ModuleChange change = ModuleChange.of(before, modules);
        if (change.after().equals(before)) {
            return before;
        }
        work.organizations.update(change.after());
        change.profilesToRevoke().forEach(profile -> work.grants.revokeFromAll(group, profile));
        work.memberships.dropHeld(group.getId(), change.profilesToRevoke());
        givePrimaryContact(group, change.profilesForPrimaryContact());
        work.audit.record(group.getId(), AccessChange.MODULES_CHANGED, null,
                Organizations.snapshot(before), Organizations.snapshot(change.after()));
        return work.done(change.after());
    }

    private void givePrimaryContact(GroupModel group, Set<SecurityProfile> profiles) {
        if (profiles.isEmpty()) {
            return;
        }
        work.memberships.primaryOf(group.getId())
                .filter(primary -> Memberships.toDomain(primary).state().canReceiveProfiles())
                .ifPresent(primary -> work.people.byId(primary.getUserId()).ifPresent(user ->
                        profiles.forEach(profile -> work.profiles.give(primary, user, group, profile))));
    }
}
