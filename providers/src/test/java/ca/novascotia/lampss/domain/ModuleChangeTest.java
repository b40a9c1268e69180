package ca.novascotia.lampss.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModuleChangeTest {

    private static final Organization FUNDING_ONLY = new Organization("org-1", "Org", "Org FR", "NS-1", Set.of());

    @Test
    void enablingCollegesGivesThePrimaryContactPccAdministrator() {
        ModuleChange change = ModuleChange.of(FUNDING_ONLY, Set.of(Module.PRIVATE_CAREER_COLLEGES));
        assertEquals(Set.of(Module.PRIVATE_CAREER_COLLEGES), change.enabled());
        assertEquals(Set.of(), change.disabled());
        assertEquals(Set.of(SecurityProfile.PCC_ADMINISTRATOR), change.profilesForPrimaryContact());
        assertEquals(Set.of(), change.profilesToRevoke());
    }

    @Test
    void enablingAnotherModuleGivesNothing() {
        ModuleChange change = ModuleChange.of(FUNDING_ONLY, Set.of(Module.EXTERNAL_CASE_MANAGEMENT, Module.SERVICE_REGISTRATION));
        assertEquals(Set.of(), change.profilesForPrimaryContact());
    }

    @Test
    void disablingAModuleRevokesEveryProfileOfIt() {
        Organization all = FUNDING_ONLY.withModules(EnumSet.allOf(Module.class));
        ModuleChange change = ModuleChange.of(all, Set.of(Module.SERVICE_REGISTRATION, Module.PRIVATE_CAREER_COLLEGES));
        assertEquals(EnumSet.of(Module.EXTERNAL_CASE_MANAGEMENT, Module.LEARNER_MANAGEMENT), change.disabled());
        assertEquals(EnumSet.of(SecurityProfile.ECM_ADMINISTRATOR, SecurityProfile.ECM_CASE_INTAKE_FOLLOW_UP,
                SecurityProfile.ECM_INQUIRY, SecurityProfile.ECM_REVIEWER, SecurityProfile.ECM_INQUIRY_ONLY,
                SecurityProfile.ECM_BUSINESS_ASSOCIATES_UPDATE, SecurityProfile.ECM_CASE_MANAGER,
                SecurityProfile.LM_ADMINISTRATOR, SecurityProfile.LM_MANAGER, SecurityProfile.LM_READ_ONLY),
                change.profilesToRevoke());
    }

    @Test
    void theFundingAgreementIsNeverDisabled() {
        Organization all = FUNDING_ONLY.withModules(EnumSet.allOf(Module.class));
        ModuleChange change = ModuleChange.of(all, Set.of());
        assertEquals(EnumSet.complementOf(EnumSet.of(Module.ORGANIZATION_FUNDING_AGREEMENT)), change.disabled());
        assertEquals(false, change.profilesToRevoke().contains(SecurityProfile.OFA_ADMINISTRATOR));
    }

    @Test
    void aChangeIsAboutOneOrganization() {
        Organization other = new Organization("org-2", "Other", "Autre", "NS-2", Set.of());
        assertThrows(IllegalArgumentException.class, () -> new ModuleChange(FUNDING_ONLY, other));
    }
}
