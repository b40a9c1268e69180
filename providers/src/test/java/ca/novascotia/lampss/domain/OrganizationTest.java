package ca.novascotia.lampss.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationTest {

    private static Organization organization(Set<Module> modules) {
        return new Organization("org-1", "Halifax Learning Centre", "Centre d’apprentissage d’Halifax", "NS-0042", modules);
    }

    @Test
    void theFundingAgreementIsAlwaysEnabled() {
        assertEquals(Set.of(Module.ORGANIZATION_FUNDING_AGREEMENT), organization(Set.of()).modules());
        assertEquals(Set.of(Module.ORGANIZATION_FUNDING_AGREEMENT), organization(null).modules());
        assertEquals(EnumSet.of(Module.ORGANIZATION_FUNDING_AGREEMENT, Module.SERVICE_REGISTRATION),
                organization(Set.of(Module.SERVICE_REGISTRATION)).modules());
    }

    @Test
    void theFundingAgreementSurvivesAModuleChange() {
        Organization college = organization(EnumSet.allOf(Module.class));
        assertEquals(Set.of(Module.ORGANIZATION_FUNDING_AGREEMENT), college.withModules(Set.of()).modules());
    }

    @ParameterizedTest
    @EnumSource(Module.class)
    void aProfileIsOfferedExactlyWhenItsModuleIsEnabled(Module module) {
        Organization with = organization(Set.of(module));
        Organization without = organization(EnumSet.complementOf(EnumSet.of(module)));
        for (SecurityProfile profile : SecurityProfile.of(module)) {
            assertTrue(with.offers(profile), profile.roleName());
            assertEquals(module.isAlwaysEnabled(), without.offers(profile), profile.roleName());
        }
    }

    @Test
    void modulesCannotBeChangedFromOutside() {
        Set<Module> requested = new HashSet<>(Set.of(Module.SERVICE_REGISTRATION));
        Organization organization = organization(requested);
        requested.add(Module.LEARNER_MANAGEMENT);
        assertFalse(organization.hasModule(Module.LEARNER_MANAGEMENT));
        assertThrows(UnsupportedOperationException.class, () -> organization.modules().add(Module.LEARNER_MANAGEMENT));
    }

    @Test
    void valuesAreStrippedAndTheNameFollowsTheLanguage() {
        Organization organization = new Organization(" org-1 ", "  Halifax ", " Halifax (FR) ", " NS-1 ", Set.of());
        assertEquals("org-1", organization.id());
        assertEquals("Halifax", organization.nameEn());
        assertEquals("Halifax (FR)", organization.name(Locale.CANADA_FRENCH));
        assertEquals("Halifax", organization.name(Locale.ENGLISH));
        assertEquals("NS-1", organization.externalNumber());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void everyFieldIsRequired(String missing) {
        assertField(Reason.REQUIRED_FIELD_MISSING, "id", () -> new Organization(missing, "a", "b", "c", Set.of()));
        assertField(Reason.REQUIRED_FIELD_MISSING, "nameEn", () -> new Organization("i", missing, "b", "c", Set.of()));
        assertField(Reason.REQUIRED_FIELD_MISSING, "nameFr", () -> new Organization("i", "a", missing, "c", Set.of()));
        assertField(Reason.REQUIRED_FIELD_MISSING, "externalNumber", () -> new Organization("i", "a", "b", missing, Set.of()));
    }

    @ParameterizedTest(name = "{0} up to {1} characters")
    @CsvSource({"nameEn, 255", "nameFr, 255", "externalNumber, 64"})
    void fieldsHaveDocumentedLimits(String field, int limit) {
        assertEquals(limit, field.equals("externalNumber") ? Organization.MAX_EXTERNAL_NUMBER_LENGTH : Organization.MAX_NAME_LENGTH);
        String longest = "x".repeat(limit);
        String tooLong = longest + "x";
        withField(field, longest); // fits
        assertField(Reason.FIELD_TOO_LONG, field, () -> withField(field, tooLong));
    }

    @Test
    void newNamesKeepNumberAndModules() {
        Organization before = organization(Set.of(Module.PRIVATE_CAREER_COLLEGES));
        Organization after = before.withNames("New", "Nouveau");
        assertEquals("New", after.nameEn());
        assertEquals("Nouveau", after.nameFr());
        assertEquals(before.externalNumber(), after.externalNumber());
        assertEquals(before.modules(), after.modules());
    }

    private static Organization withField(String field, String value) {
        return switch (field) {
            case "nameEn" -> new Organization("i", value, "b", "c", Set.of());
            case "nameFr" -> new Organization("i", "a", value, "c", Set.of());
            default -> new Organization("i", "a", "b", value, Set.of());
        };
    }

    private static void assertField(Reason reason, String field, org.junit.jupiter.api.function.Executable executable) {
        DomainException error = assertThrows(DomainException.class, executable);
        assertEquals(reason, error.reason());
        assertEquals(field, error.field());
    }
}
