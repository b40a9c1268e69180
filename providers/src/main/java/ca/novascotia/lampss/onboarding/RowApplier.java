package ca.novascotia.lampss.onboarding;

import ca.novascotia.lampss.contacts.Workspace;
import ca.novascotia.lampss.domain.ContactDetails;
import ca.novascotia.lampss.domain.Module;
import ca.novascotia.lampss.domain.Organization;
import ca.novascotia.lampss.domain.SecurityProfile;
import ca.novascotia.lampss.model.Contact;
import ca.novascotia.lampss.model.LampssRealm;
import ca.novascotia.lampss.model.Memberships;
import ca.novascotia.lampss.model.Organizations;
import ca.novascotia.lampss.model.People;
import ca.novascotia.lampss.store.MembershipEntity;
import ca.novascotia.lampss.store.OnboardingRowEntity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;

/**
 * Applies one checked row through the same use cases as the API, which check every rule again as
 * the realm is now: the organization (created, renamed, given modules), then the person (added,
 * waiting for their invitation; or given the profiles they lack). A row that changes nothing is
 * {@code UNCHANGED}, so applying a file twice changes nothing the second time.
 */
final class RowApplier {

    private final Workspace work;
    private final LampssRealm lampss;
    private final Memberships memberships;
    private final People people;
    private final Organizations organizations;
    /** The batch's organizations by number: its rows come an organization at a time. */
    private final Map<String, GroupModel> groups = new HashMap<>();

    RowApplier(Workspace work, LampssRealm lampss) {
        this.work = work;
        this.lampss = lampss;
        this.memberships = new Memberships(lampss);
        this.people = new People(lampss, memberships);
        this.organizations = new Organizations(lampss);
    }

    /** @return {@link OnboardingJobs#APPLIED} or {@link OnboardingJobs#UNCHANGED}; the row records ids and invitation */
    String apply(OnboardingRowEntity row) {
        Data data = read(row.getData());
        Organization wanted = new Organization("new", data.nameEn(), data.nameFr(), row.getOrganizationNumber(),
                Module.fromCodes(data.modules()));
        boolean changed = false;
        final GroupModel group;
        if (groups.containsKey(wanted.externalNumber())) {
            group = groups.get(wanted.externalNumber());
        } else {
            Optional<Organization> found = Optional.ofNullable(organizations.byNumbers(List.of(wanted.externalNumber()))
                    .get(wanted.externalNumber()));
            changed = found.isEmpty();
            Organization organization = found.orElseGet(() -> work.organizationChanges().create(wanted));
            group = lampss.realm().getGroupById(organization.id());
            groups.put(wanted.externalNumber(), group);
        }
        changed |= complete(group, Organizations.toDomain(group), wanted);
        row.setOrganizationId(group.getId());
        ContactDetails details = new ContactDetails(data.firstName(), data.lastName(), data.email());
        Set<SecurityProfile> profiles = SecurityProfile.fromRoleNames(data.profiles());
        Optional<UserModel> person = people.byEmail(details.email());
        Optional<MembershipEntity> membership = person.flatMap(p -> memberships.find(group.getId(), p.getId()));
        if (membership.isEmpty()) {
            Contact added = work.contacts().add(group, details, profiles, null, false);
            row.setUserId(added.userId());
            row.setInvitation(OnboardingJobs.WAITING);
            return OnboardingJobs.APPLIED;
        }
        row.setUserId(person.get().getId());
        Contact current = work.contacts().view(group, person.get().getId());
        Set<SecurityProfile> held = EnumSet.noneOf(SecurityProfile.class);
        held.addAll(current.profiles());
        held.addAll(current.profilesSetAside());
        if (held.containsAll(profiles)) {
            return changed ? OnboardingJobs.APPLIED : OnboardingJobs.UNCHANGED;
        }
        Set<SecurityProfile> after = EnumSet.noneOf(SecurityProfile.class);
        after.addAll(current.profiles());
        after.addAll(profiles);
        work.contacts().update(group, person.get().getId(), People.details(person.get()), after, null);
        return OnboardingJobs.APPLIED;
    }

    /** Names the file gives and modules it adds (it never takes one away); true if anything changed. */
    private boolean complete(GroupModel group, Organization current, Organization wanted) {
        boolean changed = false;
        if (!current.nameEn().equals(wanted.nameEn()) || !current.nameFr().equals(wanted.nameFr())) {
            work.organizationChanges().rename(group, wanted.nameEn(), wanted.nameFr());
            changed = true;
        }
        Set<Module> modules = EnumSet.copyOf(current.modules());
        modules.addAll(wanted.modules());
        if (!modules.equals(current.modules())) {
            work.organizationChanges().changeModules(group, modules);
            changed = true;
        }
        return changed;
    }

    record Data(String nameEn, String nameFr, List<String> modules, String firstName, String lastName, String email,
                List<String> profiles, boolean primaryContact) {
    }

    private static Data read(String json) {
        try {
            return JsonSerialization.readValue(json, Data.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
