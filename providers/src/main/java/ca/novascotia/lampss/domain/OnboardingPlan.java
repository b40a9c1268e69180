package ca.novascotia.lampss.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, for each row of an onboarding file, what applying it would do, by the rules the API
 * applies one change at a time (field checks, modules and profiles, the delegation table, the
 * shared-person rules, one primary contact per organization), and by the file's own rules (an email
 * once per organization, one person's names the same on every line). Nothing is written: the
 * caller feeds rows in chunks, with what the realm already holds for them, and reads the plan.
 *
 * <p>Organizations are found by number, people by email. A file only adds: it creates
 * organizations, renames them, adds modules, adds contacts and gives profiles; it never removes a
 * module or a profile, never deactivates, never changes an existing person's names.
 */
public final class OnboardingPlan {

    /** What the realm holds for the numbers and emails of a chunk of rows. */
    public interface Known {
        Optional<KnownOrganization> organization(String number);

        Optional<KnownPerson> person(String email);
    }

    /** @param hasContacts whether it has any contact yet (if not, the file names its primary contact) */
    public record KnownOrganization(Organization organization, boolean hasContacts, String primaryContactEmail) {
    }

    /** @param contacts the person's memberships by organization number */
    public record KnownPerson(SharedPerson.Account account, Map<String, KnownContact> contacts) {
    }

    /** @param profiles held (active) or waiting (invited) */
    public record KnownContact(MembershipState state, Set<SecurityProfile> profiles) {
    }

    private static final DelegationPolicy POLICY = new DelegationPolicy();

    private final Actor actor;
    private final Map<String, OnboardingOrganization> organizations = new LinkedHashMap<>();
    private final Map<String, PersonInFile> people = new HashMap<>();
    private final List<RowPlan> rows = new ArrayList<>();
    private final List<OnboardingRefusal> unreadRows = new ArrayList<>();

    public OnboardingPlan(Actor actor) {
        this.actor = Objects.requireNonNull(actor, "actor");
    }

    /** A row the reader could not split into values (its refusal counts as a refused row). */
    public void unreadable(OnboardingRefusal refusal) {
        unreadRows.add(refusal);
    }

    /** Checks the next rows, in file order, against what {@code known} holds for them. */
    public void add(Collection<OnboardingRow> chunk, Known known) {
        chunk.forEach(row -> rows.add(check(row, known)));
    }

    /**
     * The plan once every row was added: organizations that would be left without a primary
     * contact (new ones, or ones without contacts) refuse all their rows.
     */
    public OnboardingReport finish() {
        List<RowPlan> result = new ArrayList<>(rows.size());
        for (RowPlan row : rows) {
            OnboardingOrganization organization = organizations.get(row.organizationNumber());
            if (!row.refused() && organization != null && organization.needsPrimary() && organization.primaryLine == 0) {
                result.add(row.refuse(OnboardingRefusal.of(row.line(), OnboardingColumn.PRIMARY_CONTACT,
                        Reason.NO_PRIMARY_CONTACT.name())));
            } else {
                result.add(row);
            }
        }
        unreadRows.forEach(refusal -> result.add(RowPlan.refused(refusal, "", "")));
        result.sort((a, b) -> Integer.compare(a.line(), b.line()));
        Set<String> accepted = new java.util.HashSet<>();
        result.stream().filter(row -> !row.refused()).forEach(row -> accepted.add(row.organizationNumber()));
        return new OnboardingReport(result, organizations.values().stream()
                .filter(organization -> accepted.contains(organization.number)).map(OnboardingOrganization::change).toList());
    }

    private RowPlan check(OnboardingRow row, Known known) {
        String number = row.organizationNumber();
        String email = row.email();
        OnboardingRefusal refusal = OnboardingCells.firstBadCell(row);
        if (refusal != null) {
            return RowPlan.refused(refusal, number, email);
        }
        if (number.isEmpty()) {
            return RowPlan.refused(OnboardingRefusal.of(row.line(), OnboardingColumn.ORGANIZATION_NUMBER,
                    Reason.REQUIRED_FIELD_MISSING.name()), number, email);
        }
        try {
            OnboardingOrganization organization = organizations.computeIfAbsent(number, n -> OnboardingOrganization.first(row, known));
            if (organization.refusal != null) {
                return RowPlan.refused(organization.refusalFor(row), number, email);
            }
            organization.requireSame(row);
            return person(row, organization, known);
        } catch (DomainException refused) {
            return RowPlan.refused(OnboardingRefusal.from(row.line(), refused), number, email);
        } catch (Refused refused) {
            return RowPlan.refused(refused.refusal, number, email);
        }
    }

    private RowPlan person(OnboardingRow row, OnboardingOrganization organization, Known known) {
        ContactDetails details = new ContactDetails(row.get(OnboardingColumn.FIRST_NAME), row.get(OnboardingColumn.LAST_NAME),
                row.get(OnboardingColumn.EMAIL));
        Set<SecurityProfile> wanted = OnboardingCells.profiles(row.get(OnboardingColumn.PROFILES));
        Boolean primary = OnboardingCells.yesNo(row.get(OnboardingColumn.PRIMARY_CONTACT));
        if (primary == null) {
            throw refused(row, OnboardingColumn.PRIMARY_CONTACT, "INVALID_YES_NO", null);
        }
        Organization wantedOrganization = organization.wanted;
        for (SecurityProfile profile : wanted) {
            if (!wantedOrganization.offers(profile)) {
                throw refused(row, OnboardingColumn.PROFILES, Reason.MODULE_NOT_ENABLED.name(), profile.roleName());
            }
            POLICY.decide(actor, Action.GRANT_PROFILE, Target.newContact(wantedOrganization, profile)).reason()
                    .ifPresent(reason -> {
                        throw refused(row, OnboardingColumn.PROFILES, reason.name(), profile.roleName());
                    });
        }
        Integer twice = organization.emails.get(details.email());
        if (twice != null) {
            throw refused(row, OnboardingColumn.EMAIL, "EMAIL_TWICE_IN_ORGANIZATION", String.valueOf(twice));
        }
        PersonInFile earlier = people.get(details.email());
        if (earlier != null && !earlier.details.equals(details)) {
            throw refused(row, earlier.details.lastName().equals(details.lastName()) ? OnboardingColumn.FIRST_NAME
                    : OnboardingColumn.LAST_NAME, "PERSON_DIFFERS", String.valueOf(earlier.line));
        }
        Optional<KnownPerson> existing = known.person(details.email());
        RowPlan plan = existing.isPresent()
                ? existingPerson(row, organization, existing.get(), details, wanted, primary)
                : newPerson(row, organization, details, wanted, primary, earlier);
        if (primary && organization.needsPrimary() && !plan.refused()) {
            if (organization.primaryLine != 0) {
                throw refused(row, OnboardingColumn.PRIMARY_CONTACT, Reason.SEVERAL_PRIMARY_CONTACTS.name(),
                        String.valueOf(organization.primaryLine));
            }
            organization.primaryLine = row.line();
        }
        organization.emails.put(details.email(), row.line());
        people.putIfAbsent(details.email(), new PersonInFile(row.line(), details));
        return plan;
    }

    private RowPlan newPerson(OnboardingRow row, OnboardingOrganization organization, ContactDetails details,
                              Set<SecurityProfile> wanted, boolean primary, PersonInFile earlier) {
        requirePrimaryFree(row, organization, primary, null);
        return new RowPlan(row.line(), organization.number, details.email(), earlier == null ? RowChange.NEW_PERSON
                : RowChange.ADD_PERSON, withPrimaryProfiles(organization, wanted, primary), primary, details, null);
    }

    private RowPlan existingPerson(OnboardingRow row, OnboardingOrganization organization, KnownPerson person,
                                   ContactDetails details, Set<SecurityProfile> wanted, boolean primary) {
        KnownContact contact = person.contacts().get(organization.number);
        if (contact == null) {
            SharedPerson.requireAttachable(actor, person.account());
            requirePrimaryFree(row, organization, primary, details.email());
            return new RowPlan(row.line(), organization.number, details.email(), RowChange.ADD_PERSON,
                    withPrimaryProfiles(organization, wanted, primary), primary, details, null);
        }
        if (contact.state() == MembershipState.INACTIVE) {
            throw refused(row, OnboardingColumn.EMAIL, "CONTACT_INACTIVE", null);
        }
        requirePrimaryFree(row, organization, primary, details.email());
        if (!wanted.isEmpty() && actor.userId().equals(person.account().userId())) {
            throw refused(row, OnboardingColumn.PROFILES, Reason.OWN_PROFILES.name(), null);
        }
        Set<SecurityProfile> added = EnumSet.noneOf(SecurityProfile.class);
        added.addAll(wanted);
        added.removeAll(contact.profiles());
        return new RowPlan(row.line(), organization.number, details.email(),
                added.isEmpty() ? RowChange.UNCHANGED : RowChange.ADD_PROFILES, added, false, details, null);
    }

    /** An organization that has a primary contact keeps it: the file may only name that same person. */
    private static void requirePrimaryFree(OnboardingRow row, OnboardingOrganization organization, boolean primary, String email) {
        if (primary && !organization.needsPrimary() && !Objects.equals(organization.primaryContactEmail(), email)) {
            throw refused(row, OnboardingColumn.PRIMARY_CONTACT, "ORGANIZATION_HAS_PRIMARY_CONTACT", null);
        }
    }

    private static Set<SecurityProfile> withPrimaryProfiles(OnboardingOrganization organization, Set<SecurityProfile> wanted,
                                                            boolean primary) {
        Set<SecurityProfile> profiles = EnumSet.noneOf(SecurityProfile.class);
        profiles.addAll(wanted);
        if (primary) {
            profiles.addAll(PrimaryContact.profilesOnAccessGranted(organization.wanted));
        }
        return profiles;
    }

    static Refused refused(OnboardingRow row, OnboardingColumn column, String code, String detail) {
        return new Refused(new OnboardingRefusal(row.line(), column, code, detail));
    }

    /** A row-level refusal on its way out of the checks. */
    static final class Refused extends RuntimeException {
        final transient OnboardingRefusal refusal;

        Refused(OnboardingRefusal refusal) {
            super(refusal.code(), null, false, false);
            this.refusal = refusal;
        }
    }

    private record PersonInFile(int line, ContactDetails details) {
    }

    /** What a row would do. */
    public enum RowChange { NEW_PERSON, ADD_PERSON, ADD_PROFILES, UNCHANGED, REFUSED }

    /**
     * One row's plan.
     *
     * @param profiles the profiles the row gives (for {@code ADD_PROFILES}, only those not held yet)
     * @param details  the person's names and email as the file gives them (null when refused before they were read)
     */
    public record RowPlan(int line, String organizationNumber, String email, RowChange change,
                          Set<SecurityProfile> profiles, boolean primaryContact, ContactDetails details,
                          OnboardingRefusal refusal) {

        static RowPlan refused(OnboardingRefusal refusal, String number, String email) {
            return new RowPlan(refusal.line(), number, email, RowChange.REFUSED, Set.of(), false, null, refusal);
        }

        RowPlan refuse(OnboardingRefusal why) {
            return new RowPlan(line, organizationNumber, email, RowChange.REFUSED, Set.of(), false, details, why);
        }

        public boolean refused() {
            return change == RowChange.REFUSED;
        }
    }
}
