package ca.novascotia.lampss.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.claims.OrganizationClaim.ActiveMembership;
import ca.novascotia.lampss.claims.OrganizationClaim.Names;
import ca.novascotia.lampss.domain.SecurityProfile;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.util.JsonSerialization;

class OrganizationClaimContentTest {

    private static final Map<String, Names> NAMES = Map.of(
            "id-b", new Names("Beta Society", "Société Bêta", "NS-0002"),
            "id-a", new Names("Alpha Centre", "Centre Alpha", "NS-0001"),
            "id-c", new Names("Gamma", "Gamma", "NS-0003"));

    @Test
    void oneEntryPerActiveOrganizationKeyedByIdInNumberOrder() throws Exception {
        Map<String, Object> claim = OrganizationClaim.build(
                List.of(new ActiveMembership("id-b", false), new ActiveMembership("id-a", true)),
                Map.of("id-a", EnumSet.of(SecurityProfile.SR_USER, SecurityProfile.OFA_SELF_SERVICE_FULL_UPDATE),
                        "id-b", Set.of(SecurityProfile.ECM_INQUIRY)),
                NAMES, Set.of());

        assertEquals(List.of("id-a", "id-b"), List.copyOf(claim.keySet()));
        assertEquals("{\"id-a\":{\"id\":\"id-a\",\"name\":{\"en\":\"Alpha Centre\",\"fr\":\"Centre Alpha\"},"
                        + "\"externalNumber\":\"NS-0001\",\"profiles\":[\"ofa-self-service-full-update\",\"sr-user\"],"
                        + "\"primaryContact\":true},"
                        + "\"id-b\":{\"id\":\"id-b\",\"name\":{\"en\":\"Beta Society\",\"fr\":\"Société Bêta\"},"
                        + "\"externalNumber\":\"NS-0002\",\"profiles\":[\"ecm-inquiry\"],\"primaryContact\":false}}",
                JsonSerialization.writeValueAsString(claim));
    }

    @Test
    void theCompactFormKeepsOnlyEachOrganizationsProfilesKeyedByIdInTheSameOrder() throws Exception {
        Map<String, Object> claim = OrganizationClaim.build(
                List.of(new ActiveMembership("id-b", false), new ActiveMembership("id-a", true), new ActiveMembership("id-c", false)),
                Map.of("id-a", EnumSet.of(SecurityProfile.SR_USER, SecurityProfile.OFA_SELF_SERVICE_FULL_UPDATE),
                        "id-b", Set.of(SecurityProfile.ECM_INQUIRY)),
                NAMES, Set.of("id-a", "id-b"), true);

        assertEquals("{\"id-a\":[\"ofa-self-service-full-update\",\"sr-user\"],\"id-b\":[\"ecm-inquiry\"]}",
                JsonSerialization.writeValueAsString(claim));
    }

    @Test
    void anActiveMemberWithoutProfilesIsStillListed() {
        Map<String, Object> claim = OrganizationClaim.build(List.of(new ActiveMembership("id-c", false)), Map.of(), NAMES, Set.of());

        assertEquals(List.of(), entry(claim, "id-c").get("profiles"));
    }

    @Test
    void anOrganizationThatIsNotUnderTheRootIsLeftOut() {
        Map<String, Object> claim = OrganizationClaim.build(
                List.of(new ActiveMembership("gone", false), new ActiveMembership("id-a", false)), Map.of(), NAMES, Set.of());

        assertEquals(Set.of("id-a"), claim.keySet());
    }

    @Test
    void aSelectionKeepsOnlyTheSelectedOrganizations() {
        List<ActiveMembership> active = List.of(new ActiveMembership("id-a", false), new ActiveMembership("id-b", false));

        assertEquals(Set.of("id-b"), OrganizationClaim.build(active, Map.of(), NAMES, Set.of("id-b")).keySet());
        assertTrue(OrganizationClaim.build(active, Map.of(), NAMES, Set.of("id-c")).isEmpty(),
                "an organization where the person is not active gives no claim");
    }

    @ParameterizedTest(name = "[{0}] selects [{1}]")
    @CsvSource(delimiter = '|', value = {
            "openid profile                         |",
            "openid lampss:org:id-a                 | id-a",
            "lampss:org:id-a openid lampss:org:id-b | id-a id-b",
            "lampss:org openid                      |",
            "lampss:org: openid                     |",
            "lampss:organization:id-a               |",
            "other:org:id-a                         |",
    })
    void theScopeParameterSelectsOrganizations(String scope, String expected) {
        Set<String> selected = OrganizationClaim.selectedOrganizations(scope.trim(), "lampss:org");

        assertEquals(expected == null ? List.of() : List.of(expected.trim().split(" ")), List.copyOf(selected));
    }

    @Test
    void noScopeSelectsNothing() {
        assertTrue(OrganizationClaim.selectedOrganizations(null, "lampss:org").isEmpty());
        assertTrue(OrganizationClaim.selectedOrganizations("lampss:org:x", null).isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(Map<String, Object> claim, String id) {
        return (Map<String, Object>) claim.get(id);
    }
}
