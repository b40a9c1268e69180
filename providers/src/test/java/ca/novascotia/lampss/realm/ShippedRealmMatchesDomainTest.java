package ca.novascotia.lampss.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.util.JsonSerialization;

import ca.novascotia.lampss.domain.SecurityProfile;

/** The profiles shipped in realm-config are exactly the domain's, with the same texts and flags. */
class ShippedRealmMatchesDomainTest {

    @Test
    void everyProfileRoleCarriesTheDomainDefinition() throws IOException {
        RealmRepresentation realm = JsonSerialization.readValue(
                Path.of("../realm-config/realms/lampss-realm.json").toFile().toURI().toURL().openStream(),
                RealmRepresentation.class);
        Map<String, RoleRepresentation> roles = realm.getRoles().getClient().get("lampss").stream()
                .collect(Collectors.toMap(RoleRepresentation::getName, Function.identity()));

        assertEquals(Arrays.stream(SecurityProfile.values()).map(SecurityProfile::roleName).sorted().toList(),
                roles.keySet().stream().sorted().toList());
        for (SecurityProfile p : SecurityProfile.values()) {
            Map<String, List<String>> a = roles.get(p.roleName()).getAttributes();
            assertEquals(List.of(p.module().code()), a.get("lampss.module"), p + " module");
            assertEquals(List.of(String.valueOf(p.isAdministrative())), a.get("lampss.administrative"), p + " administrative");
            assertEquals(List.of(String.valueOf(p.grantedOnlyByOperationsSupport())), a.get("lampss.operationsSupportOnly"), p + " grantor");
            assertEquals(List.of(p.labelEn()), a.get("lampss.label.en"), p + " label en");
            assertEquals(List.of(p.labelFr()), a.get("lampss.label.fr"), p + " label fr");
            assertEquals(List.of(p.descriptionEn()), a.get("lampss.description.en"), p + " description en");
            assertEquals(List.of(p.descriptionFr()), a.get("lampss.description.fr"), p + " description fr");
        }
    }
}
