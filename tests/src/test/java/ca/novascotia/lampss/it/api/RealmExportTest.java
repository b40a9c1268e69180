package ca.novascotia.lampss.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Organizations and grants are plain Keycloak groups, group attributes, group role mappings and
 * group memberships, which Keycloak's realm export writes: the export holds the organization, its
 * modules and its profile subgroups with their client roles, and a person's export entry (their
 * group paths) holds their grants. Membership states and the audit trail are our own tables and
 * are not in Keycloak's export (see docs/operations.md).
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class RealmExportTest {

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm realm;

    /** Adding a contact sends the invitation email; a refused delivery fails the request. */
    @InjectMailServer
    MailServer mail;

    /** The My NS Account stand-in, where the invited people sign in to accept (Fixture.activate). */
    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    @Test
    void theRealmExportHoldsOrganizationsAndGrants() {
        People people = new People(realm);
        Fixture fixture = new Fixture(people, people.operationsSupport(Fixture.unique("ops")), mail, mynsaccount);
        String org = fixture.organization("ecm");
        fixture.primaryContact(org);
        Fixture.Member member = fixture.activeMember(org, "ecm-reviewer", "ofa-user");
        String number = realm.admin().groups().group(org).toRepresentation().getName();

        RealmRepresentation export = realm.admin().partialExport(true, true);

        GroupRepresentation root = export.getGroups().stream().filter(g -> g.getName().equals("organizations")).findFirst().orElseThrow();
        GroupRepresentation organization = root.getSubGroups().stream().filter(g -> g.getName().equals(number)).findFirst().orElseThrow();
        assertEquals(List.of("ecm", "ofa"), organization.getAttributes().get("lampss.modules").stream().sorted().toList());
        assertEquals(List.of("Org " + number), organization.getAttributes().get("lampss.nameEn"));
        GroupRepresentation reviewers = organization.getSubGroups().stream()
                .filter(g -> g.getName().equals("ecm-reviewer")).findFirst().orElseThrow();
        assertEquals(Map.of("lampss", List.of("ecm-reviewer")), reviewers.getClientRoles());
        List<String> paths = realm.admin().users().get(member.userId()).groups().stream().map(GroupRepresentation::getPath).toList();
        assertTrue(paths.containsAll(List.of("/organizations/" + number + "/ecm-reviewer", "/organizations/" + number + "/ofa-user")),
                paths::toString);
    }
}
