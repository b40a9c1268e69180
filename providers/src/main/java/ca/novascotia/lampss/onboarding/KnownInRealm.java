package ca.novascotia.lampss.onboarding;

import ca.novascotia.lampss.domain.MembershipState;
import ca.novascotia.lampss.domain.OnboardingPlan;
import ca.novascotia.lampss.domain.OnboardingRow;
import ca.novascotia.lampss.domain.Organization;
import ca.novascotia.lampss.domain.SecurityProfile;
import ca.novascotia.lampss.model.Contact;
import ca.novascotia.lampss.model.ContactDirectory;
import ca.novascotia.lampss.model.LampssRealm;
import ca.novascotia.lampss.model.Memberships;
import ca.novascotia.lampss.model.Organizations;
import ca.novascotia.lampss.model.People;
import ca.novascotia.lampss.store.MembershipEntity;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/**
 * What the realm holds for a chunk of rows, read in a few queries per chunk (organizations by
 * number, accounts by email or username, their memberships), then per person found (their account's
 * other powers, their profiles in the file's organizations). At go-live almost nobody is found.
 */
final class KnownInRealm implements OnboardingPlan.Known {

    private final LampssRealm lampss;
    private final Organizations organizations;
    private final Memberships memberships;
    private final People people;
    private final ContactDirectory directory;
    private final Map<String, OnboardingPlan.KnownOrganization> knownOrganizations = new HashMap<>();
    private final Map<String, OnboardingPlan.KnownPerson> knownPeople = new HashMap<>();

    KnownInRealm(LampssRealm lampss, Organizations organizations, Memberships memberships, People people,
                 ContactDirectory directory) {
        this.lampss = lampss;
        this.organizations = organizations;
        this.memberships = memberships;
        this.people = people;
        this.directory = directory;
    }

    /** Reads what the chunk's numbers and emails name (what an earlier chunk read is kept). */
    void load(Collection<OnboardingRow> chunk) {
        Set<String> numbers = chunk.stream().map(OnboardingRow::organizationNumber)
                .filter(n -> !n.isEmpty() && !knownOrganizations.containsKey(n)).collect(Collectors.toSet());
        Set<String> emails = chunk.stream().map(OnboardingRow::email)
                .filter(e -> !e.isEmpty() && e.length() <= 255 && !knownPeople.containsKey(e)).collect(Collectors.toSet());
        loadOrganizations(numbers);
        loadPeople(emails);
    }

    @Override
    public Optional<OnboardingPlan.KnownOrganization> organization(String number) {
        return Optional.ofNullable(knownOrganizations.get(number));
    }

    @Override
    public Optional<OnboardingPlan.KnownPerson> person(String email) {
        return Optional.ofNullable(knownPeople.get(email));
    }

    private void loadOrganizations(Set<String> numbers) {
        Map<String, Organization> found = organizations.byNumbers(numbers);
        if (found.isEmpty()) {
            return;
        }
        Set<String> ids = found.values().stream().map(Organization::id).collect(Collectors.toSet());
        Set<String> withContacts = new HashSet<>(lampss.em().createQuery("select distinct m.organizationId from MembershipEntity m"
                + " where m.organizationId in :ids", String.class).setParameter("ids", ids).getResultList());
        Map<String, String> primaryEmails = new HashMap<>();
        lampss.em().createQuery("select m.primaryOf, u.email from MembershipEntity m, UserEntity u"
                        + " where m.primaryOf in :ids and u.id = m.userId", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(row -> primaryEmails.put((String) row[0], (String) row[1]));
        found.forEach((number, organization) -> knownOrganizations.put(number, new OnboardingPlan.KnownOrganization(
                organization, withContacts.contains(organization.id()), primaryEmails.get(organization.id()))));
    }

    private void loadPeople(Set<String> emails) {
        if (emails.isEmpty()) {
            return;
        }
        List<Object[]> accounts = lampss.em().createQuery("select u.id, u.email, u.username from UserEntity u"
                        + " where u.realmId = :realm and (u.email in :emails or u.username in :emails)", Object[].class)
                .setParameter("realm", lampss.realm().getId())
                .setParameter("emails", emails)
                .getResultList();
        for (Object[] account : accounts) {
            String email = emails.contains((String) account[1]) ? (String) account[1] : (String) account[2];
            people.byId((String) account[0]).ifPresent(user -> knownPeople.putIfAbsent(email, person(user)));
        }
    }

    private OnboardingPlan.KnownPerson person(UserModel user) {
        List<MembershipEntity> rows = memberships.ofUser(user.getId());
        Map<String, OnboardingPlan.KnownContact> contacts = new HashMap<>();
        for (MembershipEntity row : rows) {
            GroupModel group = lampss.realm().getGroupById(row.getOrganizationId());
            Optional<Contact> contact = group == null ? Optional.empty() : directory.find(row.getOrganizationId(), user.getId());
            if (contact.isPresent()) {
                Set<SecurityProfile> profiles = EnumSet.noneOf(SecurityProfile.class);
                profiles.addAll(contact.get().profiles());
                profiles.addAll(Memberships.heldProfiles(row.getHeldProfiles()));
                contacts.put(group.getName(), new OnboardingPlan.KnownContact(MembershipState.valueOf(row.getState()), profiles));
            }
        }
        return new OnboardingPlan.KnownPerson(people.account(user, rows), contacts);
    }
}
