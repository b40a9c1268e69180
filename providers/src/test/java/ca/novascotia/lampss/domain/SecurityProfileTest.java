package ca.novascotia.lampss.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityProfileTest {

    @Test
    void theRoleNamesAreExactlyThoseOfTheRealmConfiguration() {
        List<String> roleNames = Arrays.stream(SecurityProfile.values()).map(SecurityProfile::roleName).toList();
        assertEquals(ExpectedDelegation.ALL_ROLE_NAMES, roleNames);
    }

    /** Literal catalogue: role name, module, administrative, only Operations Support, French label. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ofa-self-service-full-update                      | ofa | true  | true  | Libre-service avec privilège de mise à jour complète
            ofa-administrator                                 | ofa | true  | false | Entente de financement d’organisme/Administrateur
            ofa-user                                          | ofa | false | false | Entente de financement d’organisme/Utilisateur
            ofa-read-only                                     | ofa | false | false | Entente de financement d’organisme/Lecture seulement
            sr-administrator                                  | sr  | true  | true  | Administrateur, Inscription à un service
            sr-user                                           | sr  | false | false | Utilisateur de l’inscription à un service
            sr-inquiry-only                                   | sr  | false | false | Inscription à un service, Consultation seulement
            ecm-administrator                                 | ecm | true  | true  | Administrateur de la Gestion externe de cas
            ecm-case-intake-follow-up                         | ecm | false | false | Suivi de la prise en charge du cas de la Gestion externe de cas
            ecm-inquiry                                       | ecm | false | false | Consultation de la Gestion externe de cas
            ecm-reviewer                                      | ecm | false | false | Réviseur de la Gestion externe de cas
            ecm-inquiry-only                                  | ecm | false | false | Consultation de la Gestion externe de cas uniquement
            ecm-business-associates-update                    | ecm | false | false | Mise à jour des associés commerciaux de la Gestion externe de cas
            ecm-case-manager                                  | ecm | false | false | Gestionnaire de cas de la Gestion externe de cas
            pcc-administrator                                 | pcc | true  | true  | Administrateur de CPEP
            pcc-training-program-maintenance                  | pcc | false | false | Entretien du programme de formation CPEP
            pcc-admission-enrolment-maintenance               | pcc | false | false | Entretien – Admission ou inscription à un CPEP
            pcc-admissions-enrolments-instructors-maintenance | pcc | false | false | Entretien des admissions et des inscriptions à un CPEP
            lm-administrator                                  | lm  | true  | true  | Administrateur, Gestion de l’apprenant
            lm-manager                                        | lm  | false | false | Gestionnaire en Gestion de l’apprenant
            lm-read-only                                      | lm  | false | false | Gestion de l’apprenant, Lecture seulement
            """)
    void catalogue(String roleName, String moduleCode, boolean administrative, boolean onlyOperationsSupport, String labelFr) {
        SecurityProfile profile = SecurityProfile.fromRoleName(roleName);
        assertEquals(roleName, profile.roleName());
        assertEquals(moduleCode, profile.module().code());
        assertEquals(administrative, profile.isAdministrative());
        assertEquals(onlyOperationsSupport, profile.grantedOnlyByOperationsSupport());
        assertEquals(labelFr, profile.labelFr());
    }

    @ParameterizedTest
    @EnumSource(SecurityProfile.class)
    void everyProfileSpeaksBothLanguagesAndIsNamedAfterItsModule(SecurityProfile profile) {
        assertTrue(profile.roleName().startsWith(profile.module().code() + "-"), profile.roleName());
        assertFalse(profile.labelEn().isBlank());
        assertFalse(profile.labelFr().isBlank());
        assertFalse(profile.descriptionEn().isBlank());
        assertFalse(profile.descriptionFr().isBlank());
        assertTrue(!profile.labelEn().equals(profile.labelFr()), "French label is not the English one");
        assertTrue(!profile.descriptionEn().equals(profile.descriptionFr()), "French description is not the English one");
    }

    @Test
    void everyModuleHasOneAdministratorExceptFundingAgreementWhichHasTwoAdministrativeProfiles() {
        for (Module module : Module.values()) {
            long administrative = SecurityProfile.of(module).stream().filter(SecurityProfile::isAdministrative).count();
            assertEquals(module == Module.ORGANIZATION_FUNDING_AGREEMENT ? 2 : 1, administrative, module.code());
        }
    }

    @Test
    void profilesOfAModuleAreListedInTheGuidesOrder() {
        assertEquals(List.of(SecurityProfile.LM_ADMINISTRATOR, SecurityProfile.LM_MANAGER, SecurityProfile.LM_READ_ONLY),
                List.copyOf(SecurityProfile.of(Module.LEARNER_MANAGEMENT)));
        assertEquals(21, Arrays.stream(Module.values()).mapToInt(module -> SecurityProfile.of(module).size()).sum());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ofa-user", "OFA-USER", "ofa_user", "ofa-administrateur", "admin"})
    void anUnknownRoleNameIsRefusedNamingTheAcceptedOnes(String roleName) {
        DomainException error = assertThrows(DomainException.class, () -> SecurityProfile.fromRoleName(roleName));
        assertEquals(Reason.UNKNOWN_PROFILE, error.reason());
        assertEquals(Reason.Kind.INPUT, error.reason().kind());
        assertEquals("profiles", error.field());
        assertTrue(error.getMessage().contains("'" + roleName + "'"), error.getMessage());
        ExpectedDelegation.ALL_ROLE_NAMES.forEach(name -> assertTrue(error.getMessage().contains(name), name));
    }

    @Test
    void aNullRoleNameIsUnknownToo() {
        assertEquals(Reason.UNKNOWN_PROFILE,
                assertThrows(DomainException.class, () -> SecurityProfile.fromRoleName(null)).reason());
    }

    @Test
    void labelsFollowTheCallersLanguage() {
        SecurityProfile profile = SecurityProfile.OFA_READ_ONLY;
        assertEquals(profile.labelFr(), profile.label().in(java.util.Locale.CANADA_FRENCH));
        assertEquals(profile.labelEn(), profile.label().in(java.util.Locale.CANADA));
        assertEquals(profile.labelEn(), profile.label().in(null));
        Set<String> frenchLabels = Arrays.stream(SecurityProfile.values()).map(SecurityProfile::labelFr).collect(Collectors.toSet());
        assertEquals(21, frenchLabels.size(), "no two profiles share a French label");
    }
}
