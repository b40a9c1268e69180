package ca.novascotia.lampss.it.keycloakadmin;

import static ca.novascotia.lampss.it.api.Fixture.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.LampssApi;
import ca.novascotia.lampss.it.api.People;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.GroupResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Every row of docs/identity-admins.md, made the way Keycloak's admin console makes it: through the
 * admin REST API, as the master realm's administrator. Each change is either adopted (LaMPSS's
 * records follow, audited with the admin and the channel "Keycloak admin") or refused (a 409 with a
 * message saying what to do, and nothing changed).
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class IdentityAdminChangesTest {

    private static final String CHANNEL = "Keycloak admin";

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    private People people;
    private LampssApi ops;
    private Fixture fixture;
    private Observed observed;

    @BeforeEach
    void fixture() {
        people = new People(realm);
        ops = people.operationsSupport(Fixture.unique("ops"));
        fixture = new Fixture(people, ops, mail, mynsaccount);
        observed = new Observed(realm, ops);
    }

    @Test
    void aUserWhoIsNoContactJoiningAnOrganizationGroupIsRefused() {
        String org = fixture.organization();
        String outsider = people.createUser(Fixture.unique("outsider"), false);
        int audited = observed.auditSize(org);

        String message = refused(() -> realm.admin().users().get(outsider).joinGroup(org));

        assertTrue(message.contains("LaMPSS console"), message);
        assertFalse(observed.groupIds(outsider).contains(org), "the join was rolled back");
        assertEquals(404, ops.get(path(org, outsider)).status(), "no contact was made");
        assertEquals(audited, observed.auditSize(org));
    }

    @Test
    void anActiveContactJoiningAProfileSubgroupIsGivenTheProfile() {
        String org = fixture.organization();
        fixture.primaryContact(org);
        Fixture.Member member = fixture.activeMember(org, "ofa-user");
        String subgroup = subgroup(org, "ofa-self-service-full-update");

        realm.admin().users().get(member.userId()).joinGroup(subgroup);

        assertEquals(List.of("ofa-self-service-full-update", "ofa-user"), ops.get(path(org, member.userId())).json().get("profiles"));
        Map<String, Object> audit = observed.latestAudit(org);
        assertEquals("CONTACT_UPDATED", audit.get("action"));
        assertEquals(CHANNEL, after(audit).get("channel"));
        assertEquals(List.of("ofa-self-service-full-update", "ofa-user"), after(audit).get("profiles"));
        assertNotEquals(ops.get("/me").json().get("id"), ((Map<?, ?>) audit.get("actor")).get("id"), "the admin is the actor");
        assertEquals(List.of("ofa-self-service-full-update", "ofa-user"), people.signInAs(member.userId()).tokenProfiles());
    }

    /**
     * A profile of a module the organization lacks cannot be reached from the admin console: its
     * subgroup does not exist (LaMPSS makes subgroups only for the organization's modules and removes
     * them with the module) and making one by hand is refused.
     */
    @Test
    void joiningAProfileSubgroupIsRefusedForSomeoneNotActiveAndAProfileSubgroupCannotBeMadeByHand() {
        String org = fixture.organization();
        fixture.primaryContact(org);
        Fixture.Member member = fixture.activeMember(org, "ofa-user");
        String invited = fixture.addContact(org, Fixture.unique("invited") + "@example.ca").string("id");
        String outsider = people.createUser(Fixture.unique("outsider"), false);
        String ofaUser = subgroup(org, "ofa-user");
        int audited = observed.auditSize(org);

        String notActive = refused(() -> realm.admin().users().get(invited).joinGroup(ofaUser));
        String notAContact = refused(() -> realm.admin().users().get(outsider).joinGroup(ofaUser));
        GroupRepresentation serviceRegistration = new GroupRepresentation();
        serviceRegistration.setName("sr-user");
        String madeByHand;
        try (Response created = realm.admin().groups().group(org).subGroup(serviceRegistration)) {
            assertEquals(409, created.getStatus());
            madeByHand = created.readEntity(String.class);
        }

        assertTrue(notActive.contains("active contacts"), notActive);
        assertTrue(notAContact.contains("not a contact"), notAContact);
        assertTrue(madeByHand.contains("Profile subgroups"), madeByHand);
        assertFalse(observed.groupIds(invited).contains(ofaUser));
        assertFalse(observed.groupIds(outsider).contains(ofaUser));
        assertTrue(realm.admin().groups().group(org).getSubGroups(0, 100, true).stream().noneMatch(g -> g.getName().equals("sr-user")));
        assertEquals(List.of("ofa-user"), people.signInAs(member.userId()).tokenProfiles());
        assertEquals(audited, observed.auditSize(org));
    }

    @Test
    void leavingTheOrganizationGroupDeactivatesButNeverThePrimaryContact() {
        String org = fixture.organization();
        Fixture.Member primary = fixture.primaryContact(org);
        Fixture.Member member = fixture.activeMember(org, "ofa-user");

        realm.admin().users().get(member.userId()).leaveGroup(org);

        LampssApi.Reply contact = ops.get(path(org, member.userId()));
        assertEquals("INACTIVE", contact.string("state"));
        assertEquals(List.of("ofa-user"), contact.json().get("profilesSetAside"));
        Map<String, Object> audit = observed.latestAudit(org);
        assertEquals("CONTACT_DEACTIVATED", audit.get("action"));
        assertEquals(CHANNEL, after(audit).get("channel"));
        assertNotEquals(200, people.signInStatus(member.userId()), "no active membership left: no sign-in");
        assertTrue(observed.groupIds(member.userId()).isEmpty(), "out of the profile subgroup too");

        String message = refused(() -> realm.admin().users().get(primary.userId()).leaveGroup(org));
        assertTrue(message.contains("primary contact"), message);
        assertEquals("ACTIVE", ops.get(path(org, primary.userId())).string("state"));
        assertTrue(observed.groupIds(primary.userId()).contains(org), "the leave was rolled back");
    }

    @Test
    void aDeactivatedContactRejoiningTheOrganizationGroupIsReactivated() {
        String org = fixture.organization();
        fixture.primaryContact(org);
        Fixture.Member member = fixture.activeMember(org, "ofa-user");
        assertEquals(200, ops.post(path(org, member.userId()) + "/deactivate", null).status());

        realm.admin().users().get(member.userId()).joinGroup(org);

        assertEquals("ACTIVE", ops.get(path(org, member.userId())).string("state"));
        assertEquals("CONTACT_REACTIVATED", observed.latestAudit(org).get("action"));
        assertEquals(List.of("ofa-user"), people.signInAs(member.userId()).tokenProfiles());
    }

    @Test
    void leavingAProfileSubgroupRevokesTheProfile() {
        String org = fixture.organization();
        fixture.primaryContact(org);
        Fixture.Member member = fixture.activeMember(org, "ofa-user", "ofa-read-only");

        realm.admin().users().get(member.userId()).leaveGroup(subgroup(org, "ofa-read-only"));

        assertEquals(List.of("ofa-user"), ops.get(path(org, member.userId())).json().get("profiles"));
        Map<String, Object> audit = observed.latestAudit(org);
        assertEquals("CONTACT_UPDATED", audit.get("action"));
        assertEquals(CHANNEL, after(audit).get("channel"));
        assertEquals(List.of("ofa-user"), people.signInAs(member.userId()).tokenProfiles());
    }

    @Test
    void aProfileRoleMappedStraightOntoAUserIsRefused() {
        String org = fixture.organization();
        fixture.primaryContact(org);
        Fixture.Member member = fixture.activeMember(org, "ofa-user");
        ClientResource profiles = profilesClient();
        RoleRepresentation administrator = profiles.roles().get("ofa-administrator").toRepresentation();

        String message = refused(() -> realm.admin().users().get(member.userId()).roles()
                .clientLevel(profiles.toRepresentation().getId()).add(List.of(administrator)));

        assertTrue(message.contains("per organization"), message);
        assertTrue(realm.admin().users().get(member.userId()).roles().clientLevel(profiles.toRepresentation().getId())
                .listAll().isEmpty());
        assertEquals(List.of("ofa-user"), people.signInAs(member.userId()).tokenProfiles());
    }

    @Test
    void deletingAUserEndsTheirMembershipsButNeverAPrimaryContact() {
        String org = fixture.organization();
        Fixture.Member primary = fixture.primaryContact(org);
        Fixture.Member member = fixture.activeMember(org, "ofa-user");
        String invited = fixture.addContact(org, Fixture.unique("invited") + "@example.ca").string("id");

        try (Response deleted = realm.admin().users().delete(primary.userId())) {
            assertEquals(409, deleted.getStatus());
            assertTrue(deleted.readEntity(String.class).contains("primary contact"));
        }
        assertEquals("ACTIVE", ops.get(path(org, primary.userId())).string("state"));

        try (Response deleted = realm.admin().users().delete(member.userId())) {
            assertEquals(204, deleted.getStatus());
        }
        try (Response deleted = realm.admin().users().delete(invited)) {
            assertEquals(204, deleted.getStatus());
        }

        assertEquals(404, ops.get(path(org, member.userId())).status());
        List<Map<String, Object>> audit = ops.get("/organizations/" + org + "/audit?max=10").items();
        // Entries of one millisecond come in id order: compare the five as a sorted list.
        List<Object> actions = audit.stream().limit(5).map(entry -> (String) entry.get("action")).sorted().map(Object.class::cast).toList();
        assertEquals(List.of("CONTACT_DEACTIVATED", "CONTACT_DEACTIVATED", "CONTACT_REMOVED", "CONTACT_REMOVED", "INVITATION_REVOKED"),
                actions);
        audit.stream().limit(5).forEach(entry -> assertEquals(CHANNEL, after(entry).get("channel"), entry::toString));
        List<Object> contacts = ops.get("/organizations/" + org + "/contacts?activeOnly=false").items().stream()
                .map(contact -> contact.get("id")).toList();
        assertEquals(List.of(primary.userId()), contacts, "no row left for the deleted people");
        assertTrue(ops.get("/organizations/" + org + "/invitations").items().isEmpty(), "no invitation waits for a deleted person");
    }

    @Test
    void disablingAndEnablingByTheAdminStands() {
        String org = fixture.organization();
        fixture.primaryContact(org);
        Fixture.Member member = fixture.activeMember(org, "ofa-user");
        UserRepresentation user = realm.admin().users().get(member.userId()).toRepresentation();
        user.setEnabled(false);
        realm.admin().users().get(member.userId()).update(user);

        assertEquals(200, ops.put(path(org, member.userId()), Map.of("firstName", "Changed", "lastName", "Name",
                "email", member.email(), "profiles", List.of("ofa-user", "ofa-read-only"))).status());

        assertFalse(realm.admin().users().get(member.userId()).toRepresentation().isEnabled(), "LaMPSS left the admin's choice");
    }

    @Test
    void theOrganizationGroupCannotBeDeletedRenamedOrMovedNorItsPrimaryContactChanged() {
        String org = fixture.organization();
        fixture.primaryContact(org);
        GroupResource group = realm.admin().groups().group(org);
        GroupRepresentation before = group.toRepresentation();

        String deleted = refused(group::remove);
        GroupRepresentation renamed = group.toRepresentation();
        renamed.setName(before.getName() + "-renamed");
        String rename = refused(() -> group.update(renamed));
        GroupRepresentation reassigned = group.toRepresentation();
        reassigned.getAttributes().put("lampss.primaryContact", List.of(fixture.activeMember(org).userId()));
        String primaryByHand = refused(() -> group.update(reassigned));
        GroupRepresentation relabelled = group.toRepresentation();
        relabelled.getAttributes().put("note", List.of("edited in the admin console"));
        group.update(relabelled); // other attributes are the admin's
        String other = createTopLevelGroup(Fixture.unique("elsewhere"));
        String move;
        try (Response moved = realm.admin().groups().group(other).subGroup(before)) {
            assertEquals(409, moved.getStatus());
            move = moved.readEntity(String.class);
        }

        assertTrue(deleted.contains("cannot be deleted"), deleted);
        assertTrue(rename.contains("renamed or moved"), rename);
        assertTrue(move.contains("renamed or moved"), move);
        assertTrue(primaryByHand.contains("changes only by a transfer"), primaryByHand);
        assertEquals(before.getPath(), group.toRepresentation().getPath());
        assertEquals(before.getAttributes().get("lampss.primaryContact"), group.toRepresentation().getAttributes().get("lampss.primaryContact"));
        assertEquals(200, ops.get("/organizations/" + org).status());
    }

    @Test
    void aProfileSubgroupCannotBeRenamedDeletedOrGivenOtherRoles() {
        String org = fixture.organization();
        fixture.primaryContact(org);
        String id = subgroup(org, "ofa-self-service-full-update");
        GroupResource subgroup = realm.admin().groups().group(id);
        ClientResource profiles = profilesClient();
        String clientId = profiles.toRepresentation().getId();

        GroupRepresentation renamed = subgroup.toRepresentation();
        renamed.setName("renamed-by-hand");
        String rename = refused(() -> subgroup.update(renamed));
        String delete = refused(subgroup::remove);
        String extraRole = refused(() -> subgroup.roles().clientLevel(clientId)
                .add(List.of(profiles.roles().get("ofa-administrator").toRepresentation())));
        String noRole = refused(() -> subgroup.roles().clientLevel(clientId)
                .remove(List.of(profiles.roles().get("ofa-self-service-full-update").toRepresentation())));

        assertTrue(rename.contains("renamed or moved"), rename);
        assertTrue(delete.contains("Profile subgroups"), delete);
        assertTrue(extraRole.contains("Profile subgroups"), extraRole);
        assertTrue(noRole.contains("Profile subgroups"), noRole);
        assertEquals(List.of("ofa-self-service-full-update"),
                subgroup.roles().clientLevel(clientId).listAll().stream().map(RoleRepresentation::getName).toList());
    }

    @Test
    void theProfilesClientAndItsRolesCannotBeRenamedOrDeleted() {
        ClientResource profiles = profilesClient();
        RoleRepresentation role = profiles.roles().get("ofa-read-only").toRepresentation();

        RoleRepresentation renamedRole = profiles.roles().get("ofa-read-only").toRepresentation();
        renamedRole.setName("ofa-read-only-renamed");
        String renameRole = refused(() -> profiles.roles().get("ofa-read-only").update(renamedRole));
        String deleteRole = refused(() -> profiles.roles().deleteRole("ofa-read-only"));
        ClientRepresentation renamedClient = profiles.toRepresentation();
        renamedClient.setClientId("lampss-renamed");
        String renameClient = refused(() -> profiles.update(renamedClient));
        String deleteClient = refused(profiles::remove);

        for (String message : List.of(renameRole, deleteRole, renameClient, deleteClient)) {
            assertTrue(message.contains("cannot be renamed or deleted"), message);
        }
        assertEquals(role.getId(), profilesClient().roles().get("ofa-read-only").toRepresentation().getId());
    }

    /** The admin request fails with 409 and LaMPSS's message; returns the message. */
    private static String refused(Executable change) {
        WebApplicationException refusal = assertThrows(WebApplicationException.class, change);
        assertEquals(409, refusal.getResponse().getStatus());
        return refusal.getResponse().readEntity(String.class);
    }

    private ClientResource profilesClient() {
        return realm.admin().clients().get(realm.admin().clients().findByClientId("lampss").get(0).getId());
    }

    private String subgroup(String org, String name) {
        return realm.admin().groups().group(org).getSubGroups(0, 100, true).stream()
                .filter(group -> group.getName().equals(name)).findFirst().orElseThrow().getId();
    }

    private String createTopLevelGroup(String name) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(name);
        try (Response created = realm.admin().groups().add(group)) {
            assertEquals(201, created.getStatus());
            String location = created.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }




    @SuppressWarnings("unchecked")
    private static Map<String, Object> after(Map<String, Object> audit) {
        return (Map<String, Object>) audit.get("after");
    }
}
