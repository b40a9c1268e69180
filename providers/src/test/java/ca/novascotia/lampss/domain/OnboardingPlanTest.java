package ca.novascotia.lampss.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.domain.OnboardingPlan.KnownContact;
import ca.novascotia.lampss.domain.OnboardingPlan.KnownOrganization;
import ca.novascotia.lampss.domain.OnboardingPlan.KnownPerson;
import ca.novascotia.lampss.domain.OnboardingPlan.RowChange;
import ca.novascotia.lampss.domain.OnboardingPlan.RowPlan;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule of the plan, on rows as a CSV file gives them. */
class OnboardingPlanTest {

    private static final Actor OPERATIONS_SUPPORT = Actor.operationsSupport("ops-1");

    private final Map<String, KnownOrganization> organizations = new HashMap<>();
    private final Map<String, KnownPerson> people = new HashMap<>();

    private final OnboardingPlan.Known known = new OnboardingPlan.Known() {
        @Override
        public Optional<KnownOrganization> organization(String number) {
            return Optional.ofNullable(organizations.get(number));
        }

        @Override
        public Optional<KnownPerson> person(String email) {
            return Optional.ofNullable(people.get(email));
        }
    };

    private OnboardingReport plan(String... lines) {
        List<OnboardingRow> rows = new ArrayList<>();
        OnboardingPlan plan = new OnboardingPlan(OPERATIONS_SUPPORT);
        String text = OnboardingCsvTest.HEADER + String.join("\n", lines) + "\n";
        OnboardingCsv.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 100, rows::add, plan::unreadable);
        plan.add(rows, known);
        return plan.finish();
    }

    private static RowPlan row(OnboardingReport report, int line) {
        return report.rows().stream().filter(row -> row.line() == line).findFirst().orElseThrow();
    }

    private static String refusal(OnboardingReport report, int line) {
        RowPlan row = row(report, line);
        return row.refused() ? row.refusal().code() + "@" + row.refusal().column() + (row.refusal().detail() == null ? "" : ":" + row.refusal().detail())
                : row.change().name();
    }

    @Test
    void aNewOrganizationWithItsPrimaryContactAndStaff() {
        OnboardingReport report = plan(
                "100,Org,Org FR,sr;pcc,Doe,Jo,JO@x.ca,,yes",
                "100,,,,Roe,Al,al@x.ca,sr-user ofa-user,no");
        assertEquals(RowChange.NEW_PERSON, row(report, 2).change());
        assertEquals(Set.of(SecurityProfile.OFA_SELF_SERVICE_FULL_UPDATE, SecurityProfile.PCC_ADMINISTRATOR), row(report, 2).profiles());
        assertTrue(row(report, 2).primaryContact());
        assertEquals("jo@x.ca", row(report, 2).email());
        assertEquals(Set.of(SecurityProfile.SR_USER, SecurityProfile.OFA_USER), row(report, 3).profiles());
        assertEquals(1, report.organizations().size());
        assertEquals(OnboardingReport.Change.CREATE, report.organizations().get(0).change());
        assertEquals(Set.of(Module.ORGANIZATION_FUNDING_AGREEMENT, Module.SERVICE_REGISTRATION, Module.PRIVATE_CAREER_COLLEGES),
                report.organizations().get(0).wanted().modules());
    }

    @Test
    void aNewOrganizationNeedsExactlyOnePrimaryContact() {
        OnboardingReport none = plan("100,Org,Org FR,,Doe,Jo,jo@x.ca,,no", "100,,,,Roe,Al,al@x.ca,,no");
        assertEquals("NO_PRIMARY_CONTACT@PRIMARY_CONTACT", refusal(none, 2));
        assertEquals("NO_PRIMARY_CONTACT@PRIMARY_CONTACT", refusal(none, 3));
        assertTrue(none.organizations().isEmpty());
        OnboardingReport two = plan("100,Org,Org FR,,Doe,Jo,jo@x.ca,,yes", "100,,,,Roe,Al,al@x.ca,,oui");
        assertEquals("SEVERAL_PRIMARY_CONTACTS@PRIMARY_CONTACT:2", refusal(two, 3));
        OnboardingReport refusedPrimary = plan("100,Org,Org FR,,Doe,Jo,not-an-email,,yes", "100,,,,Roe,Al,al@x.ca,,no");
        assertEquals("INVALID_EMAIL@EMAIL", refusal(refusedPrimary, 2));
        assertEquals("NO_PRIMARY_CONTACT@PRIMARY_CONTACT", refusal(refusedPrimary, 3));
    }

    @Test
    void fileRules() {
        OnboardingReport report = plan(
                "100,Org,Org FR,,Doe,Jo,jo@x.ca,,yes",
                "100,,,,Doe,Jo,JO@x.ca,,no",
                "100,Other name,,,Roe,Al,al@x.ca,,no",
                "200,Two,Deux,,Doe,Joanne,jo@x.ca,,yes",
                "200,Two,Deux,ecm,Poe,Ed,ed@x.ca,,no",
                ",Two,Deux,,Poe,Ed,ed2@x.ca,,no");
        assertEquals("EMAIL_TWICE_IN_ORGANIZATION@EMAIL:2", refusal(report, 3));
        assertEquals("ORGANIZATION_DIFFERS@ORGANIZATION_NAME_EN:2", refusal(report, 4));
        assertEquals("PERSON_DIFFERS@FIRST_NAME:2", refusal(report, 5));
        assertEquals("ORGANIZATION_DIFFERS@MODULES:5", refusal(report, 6));
        assertEquals("REQUIRED_FIELD_MISSING@ORGANIZATION_NUMBER", refusal(report, 7));
    }

    @Test
    void fieldsModulesAndProfiles() {
        OnboardingReport report = plan(
                "100,Org,Org FR,zz,Doe,Jo,jo@x.ca,,yes",
                "100,,,,Roe,Al,al@x.ca,,no",
                "200,Two,Deux,,Doe,Jo,jo2@x.ca,,yes",
                "200,,,,Roe,Al,al2@x.ca,sr-user,no",
                "200,,,,Roe,Al,al3@x.ca,no-such-profile,no",
                "200,,,,Roe,,al4@x.ca,,no",
                "200,,,,Roe,Al,al5@x.ca,,maybe",
                "200,,,,\"=HYPERLINK(\"\"x\"\")\",Al,al6@x.ca,,no",
                "200,,,,<b>Roe</b>,Al,al7@x.ca,,no",
                "200,,,,Roe\u202E,Al,al8@x.ca,,no",
                "300,,Trois,,Doe,Jo,jo3@x.ca,,yes");
        assertEquals("UNKNOWN_MODULE@MODULES", refusal(report, 2));
        assertEquals("ORGANIZATION_REFUSED@MODULES:2", refusal(report, 3));
        assertEquals("NEW_PERSON", refusal(report, 4));
        assertEquals("MODULE_NOT_ENABLED@PROFILES:sr-user", refusal(report, 5));
        assertEquals("UNKNOWN_PROFILE@PROFILES", refusal(report, 6));
        assertEquals("REQUIRED_FIELD_MISSING@FIRST_NAME", refusal(report, 7));
        assertEquals("INVALID_YES_NO@PRIMARY_CONTACT", refusal(report, 8));
        assertEquals("FORMULA_IN_CELL@LAST_NAME", refusal(report, 9));
        assertEquals("MARKUP_IN_CELL@LAST_NAME", refusal(report, 10));
        assertEquals("INVALID_CHARACTERS@LAST_NAME", refusal(report, 11));
        assertEquals("REQUIRED_FIELD_MISSING@ORGANIZATION_NAME_EN", refusal(report, 12));
    }

    @Test
    void anExistingOrganizationIsChangedOnlyByAdding() {
        Organization current = new Organization("g-100", "Org", "Org FR", "100", Set.of(Module.SERVICE_REGISTRATION));
        organizations.put("100", new KnownOrganization(current, true, "boss@x.ca"));
        OnboardingReport report = plan(
                "100,Org renamed,,ecm,Roe,Al,al@x.ca,ecm-inquiry,no",
                "100,,,,Doe,Jo,jo@x.ca,,yes",
                "100,,,,Boss,Big,boss@x.ca,,yes");
        assertEquals("NEW_PERSON", refusal(report, 2));
        assertEquals("ORGANIZATION_HAS_PRIMARY_CONTACT@PRIMARY_CONTACT", refusal(report, 3));
        OnboardingReport.OrganizationChange change = report.organizations().get(0);
        assertEquals(OnboardingReport.Change.UPDATE, change.change());
        assertEquals(List.of("nameEn", "modules"), change.changed());
        assertEquals("Org FR", change.wanted().nameFr());
        assertEquals(Set.of(Module.ORGANIZATION_FUNDING_AGREEMENT, Module.SERVICE_REGISTRATION, Module.EXTERNAL_CASE_MANAGEMENT),
                change.wanted().modules());
    }

    @Test
    void existingPeopleFollowTheSharedPersonRules() {
        Organization current = new Organization("g-100", "Org", "Org FR", "100", Set.of(Module.SERVICE_REGISTRATION));
        organizations.put("100", new KnownOrganization(current, true, "boss@x.ca"));
        people.put("boss@x.ca", new KnownPerson(new SharedPerson.Account("u-boss", true, false),
                Map.of("100", new KnownContact(MembershipState.ACTIVE, Set.of(SecurityProfile.OFA_SELF_SERVICE_FULL_UPDATE)))));
        people.put("staff@x.ca", new KnownPerson(new SharedPerson.Account("u-staff", false, true), Map.of()));
        people.put("ops@x.ca", new KnownPerson(new SharedPerson.Account("ops-1", false, true), Map.of()));
        people.put("gone@x.ca", new KnownPerson(new SharedPerson.Account("u-gone", true, false),
                Map.of("100", new KnownContact(MembershipState.INACTIVE, Set.of()))));
        people.put("elsewhere@x.ca", new KnownPerson(new SharedPerson.Account("u-else", true, false),
                Map.of("999", new KnownContact(MembershipState.ACTIVE, Set.of()))));
        OnboardingReport report = plan(
                "100,,,,Boss,Big,boss@x.ca,,yes",
                "100,,,,Boss,Big,boss@x.ca,sr-user,no",
                "100,,,,Staff,Sam,staff@x.ca,,no",
                "100,,,,Ops,Olga,ops@x.ca,,no",
                "100,,,,Gone,Gil,gone@x.ca,,no",
                "100,,,,Else,Eve,elsewhere@x.ca,ofa-user,no");
        assertEquals("UNCHANGED", refusal(report, 2));
        assertEquals("EMAIL_TWICE_IN_ORGANIZATION@EMAIL:2", refusal(report, 3));
        assertEquals("EMAIL_CANNOT_BE_USED@EMAIL", refusal(report, 4));
        assertEquals("OWN_MEMBERSHIP@EMAIL", refusal(report, 5));
        assertEquals("CONTACT_INACTIVE@EMAIL", refusal(report, 6));
        assertEquals("ADD_PERSON", refusal(report, 7));
        assertEquals(OnboardingReport.Change.UNCHANGED, report.organizations().get(0).change());
    }

    @Test
    void profilesAlreadyHeldAreNotGivenAgain() {
        Organization current = new Organization("g-100", "Org", "Org FR", "100", Set.of(Module.SERVICE_REGISTRATION));
        organizations.put("100", new KnownOrganization(current, true, "boss@x.ca"));
        people.put("al@x.ca", new KnownPerson(new SharedPerson.Account("u-al", true, false),
                Map.of("100", new KnownContact(MembershipState.INVITED, Set.of(SecurityProfile.SR_USER)))));
        OnboardingReport report = plan("100,,,,Roe,Al,al@x.ca,sr-user;ofa-user,no");
        assertEquals(RowChange.ADD_PROFILES, row(report, 2).change());
        assertEquals(Set.of(SecurityProfile.OFA_USER), row(report, 2).profiles());
    }

    /** The documented example file is accepted whole: two organizations and a person shared between them. */
    @Test
    void theExampleFileIsAccepted() throws java.io.IOException {
        List<OnboardingRow> rows = new ArrayList<>();
        OnboardingPlan plan = new OnboardingPlan(OPERATIONS_SUPPORT);
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("../docs/onboarding-example.csv"))) {
            OnboardingCsv.read(in, 100, rows::add, plan::unreadable);
        }
        plan.add(rows, known);
        OnboardingReport report = plan.finish();
        assertEquals(List.of(), report.refusals());
        assertEquals(5, report.rowCounts().get(RowChange.NEW_PERSON));
        assertEquals(1, report.rowCounts().get(RowChange.ADD_PERSON));
        assertEquals(2, report.organizationCounts().get(OnboardingReport.Change.CREATE));
    }

    @Test
    void unreadableRowsCountAsRefused() {
        OnboardingReport report = plan("100,Org,Org FR,,Doe,Jo,jo@x.ca,,yes", "100,a,b,c");
        assertEquals("WRONG_NUMBER_OF_VALUES@null:4/9", refusal(report, 3));
        assertEquals(1, report.rowCounts().get(RowChange.REFUSED));
        assertEquals(1, report.rowCounts().get(RowChange.NEW_PERSON));
    }
}
