package ca.novascotia.lampss.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModuleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ofa | ORGANIZATION_FUNDING_AGREEMENT | true  | Organization Funding Agreement | Entente de financement d’organisme
            sr  | SERVICE_REGISTRATION           | false | Service Registration           | Inscription à un service
            ecm | EXTERNAL_CASE_MANAGEMENT       | false | External Case Management       | Gestion externe de cas
            pcc | PRIVATE_CAREER_COLLEGES        | false | Private Career Colleges        | Collèges privés d’enseignement professionnel (CPEP)
            lm  | LEARNER_MANAGEMENT             | false | Learner Management             | Gestion de l’apprenant
            """)
    void catalogue(String code, Module module, boolean alwaysEnabled, String nameEn, String nameFr) {
        assertEquals(module, Module.fromCode(code));
        assertEquals(code, module.code());
        assertEquals(alwaysEnabled, module.isAlwaysEnabled());
        assertEquals(nameEn, module.displayNameEn());
        assertEquals(nameFr, module.displayNameFr());
        assertEquals(nameFr, module.displayName().in(Locale.FRENCH));
    }

    @Test
    void thereAreFiveModules() {
        assertEquals(List.of("ofa", "sr", "ecm", "pcc", "lm"), Arrays.stream(Module.values()).map(Module::code).toList());
    }

    @Test
    void codesFromPeopleAreForgivenForCaseAndBlanks() {
        assertEquals(Module.PRIVATE_CAREER_COLLEGES, Module.fromCode(" PCC "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "ofa-", "learner-management", "sr,ecm"})
    void anUnknownCodeIsRefusedNamingTheAcceptedOnes(String code) {
        DomainException error = assertThrows(DomainException.class, () -> Module.fromCode(code));
        assertEquals(Reason.UNKNOWN_MODULE, error.reason());
        assertEquals("modules", error.field());
        assertTrue(error.getMessage().endsWith("accepted values: ofa, sr, ecm, pcc, lm"), error.getMessage());
    }

    @Test
    void aNullCodeIsUnknownToo() {
        assertEquals(Reason.UNKNOWN_MODULE, assertThrows(DomainException.class, () -> Module.fromCode(null)).reason());
    }

    @Test
    void collegesAndLearnerManagementSayWhoQualifies() {
        assertTrue(Module.PRIVATE_CAREER_COLLEGES.eligibility().en().contains("active college"));
        assertTrue(Module.LEARNER_MANAGEMENT.eligibility().en().contains("NSSAL community learning"));
        assertTrue(Module.LEARNER_MANAGEMENT.eligibility().fr().contains("ÉFANE"));
    }
}
