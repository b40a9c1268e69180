package ca.novascotia.lampss.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.MappingsRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.util.JsonSerialization;

/**
 * The round trip a move to a new server makes: Keycloak's realm export (groups, roles, clients,
 * and the users with their group paths) and our export ({@code GET /lampss/export}); the realm is
 * deleted, so the server holds none of it (our rows go with the realm), then created from Keycloak's
 * export and given ours ({@code POST /lampss/import}). Organizations, grants, primary contacts,
 * states and pending invitations are all back, and our export reads exactly as before. A second
 * round imports our export with every organization and person id unknown to the new realm: they are
 * found by organization number and username.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class RealmRoundTripTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    /** The My NS Account stand-in, where the invited people sign in to accept (Fixture.activate). */
    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    @InjectAdminClient
    Keycloak server;

    @Test
    void organizationsGrantsPrimaryContactsAndPendingInvitationsSurviveAnExportAndImport() throws Exception {
        People people = new People(realm);
        String opsName = Fixture.unique("ops");
        LampssApi ops = people.operationsSupport(opsName);
        Fixture fixture = new Fixture(people, ops, mail, mynsaccount);
        String org = fixture.organization("ecm");
        Fixture.Member primary = fixture.primaryContact(org);
        Fixture.Member member = fixture.activeMember(org, "ecm-reviewer", "ofa-user");
        Fixture.Member inactive = fixture.activeMember(org, "ofa-read-only");
        assertEquals(200, ops.post(Fixture.path(org, inactive.userId()) + "/deactivate", null).status());
        String inviteeEmail = Fixture.unique("invitee") + "@example.ca";
        String invitee = fixture.addContact(org, inviteeEmail, "ecm-case-manager").string("id");
        String oldLink = InvitationMail.linkTo(mail, inviteeEmail);
        String second = fixture.organization();
        fixture.primaryContact(second);
        assertEquals(201, fixture.addContact(second, member.email(), "ofa-administrator").status(), "one person, two organizations");
        String adminName = Fixture.unique("admin");
        LampssApi admin = people.realmAdministrator(adminName);

        Map<String, Object> ours = withoutTime(admin.get("/export").json());
        Map<String, Object> before = views(ops, org, second, invitee);
        RealmRepresentation keycloak = keycloakExport();

        recreate(keycloak);
        people = new People(realm);
        admin = people.signInAs(userId(adminName));
        LampssApi.Reply imported = admin.post("/import", ours);
        assertEquals(200, imported.status(), imported::toString);
        assertEquals(Map.of("memberships", list(ours, "memberships").size(), "invitations", list(ours, "invitations").size(),
                "audit", list(ours, "audit").size()), imported.json());

        ops = people.signInAs(userId(opsName));
        assertEquals(before, views(ops, org, second, invitee), "organizations, contacts, grants, primary contacts, invitations");
        assertEquals(ours, withoutTime(admin.get("/export").json()), "our rows read exactly as before");
        assertEquals(List.of("ecm-reviewer", "ofa-user"), people.signInAs(member.userId()).tokenProfiles()
                .stream().filter(p -> !p.equals("ofa-administrator")).toList(), "grants reach tokens");
        assertEquals(409, admin.post("/import", ours).status(), "a second import finds the realm not empty");

        assertEquals(400, get(oldLink).statusCode(), "the old link was signed with the old realm's keys");
        assertEquals(200, ops.post(Fixture.path(org, invitee) + "/invitation", null).status(), "it can be re-sent");
        String newLink = InvitationMail.linkTo(mail, inviteeEmail);
        assertNotEquals(oldLink, newLink);
        HttpResponse<String> page = get(newLink);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Org "), "the invitation page names the organization");
        System.out.println("ROUNDTRIP memberships=" + list(ours, "memberships").size() + " invitations=" + list(ours, "invitations").size()
                + " audit=" + list(ours, "audit").size() + " users=" + keycloak.getUsers().size() + " restored=true");

        idsUnknownToTheNewRealmAreFoundByNumberAndUsername(adminName, opsName, org, second, invitee);
    }

    private void idsUnknownToTheNewRealmAreFoundByNumberAndUsername(String adminName, String opsName, String org, String second,
                                                                    String invitee) throws Exception {
        People people = new People(realm);
        LampssApi admin = people.signInAs(userId(adminName));
        Map<String, Object> ours = withoutTime(admin.get("/export").json());
        Map<String, Object> before = views(people.signInAs(userId(opsName)), org, second, invitee);
        recreate(keycloakExport());
        people = new People(realm);
        admin = people.signInAs(userId(adminName));

        Map<String, Object> foreign = JsonSerialization.readValue(JsonSerialization.writeValueAsString(ours), Map.class);
        for (String rows : List.of("memberships", "invitations", "audit")) {
            for (Map<String, Object> row : list(foreign, rows)) {
                row.put("organizationId", "11111111-1111-1111-1111-111111111111");
                row.computeIfPresent("userId", (k, v) -> "22222222-2222-2222-2222-222222222222");
            }
        }
        Map<String, Object> unknownPerson = JsonSerialization.readValue(JsonSerialization.writeValueAsString(foreign), Map.class);
        list(unknownPerson, "memberships").get(0).put("username", "nobody-here");
        LampssApi.Reply unresolved = admin.post("/import", unknownPerson);
        assertEquals(409, unresolved.status(), unresolved::toString);
        assertEquals("IMPORT_UNRESOLVED", unresolved.error());
        assertEquals("memberships[0].user", unresolved.json().get("field"));

        LampssApi.Reply imported = admin.post("/import", foreign);
        assertEquals(200, imported.status(), "nothing was written by the refused import: " + imported);
        assertEquals(before, views(people.signInAs(userId(opsName)), org, second, invitee));
        assertEquals(list(ours, "memberships"), list(withoutTime(admin.get("/export").json()), "memberships"));
    }

    /** What people see through the API: both organizations, their contacts (state, primary contact, profiles) and invitations. */
    private static Map<String, Object> views(LampssApi ops, String org, String second, String invitee) {
        List<Map<String, Object>> invitations = ops.get("/organizations/" + org + "/invitations").items();
        assertTrue(invitations.stream().anyMatch(i -> invitee.equals(i.get("userId")) && "PENDING".equals(i.get("state"))),
                invitations::toString);
        return Map.of(
                "organization", ops.get("/organizations/" + org).json(),
                "contacts", ops.get("/organizations/" + org + "/contacts?activeOnly=false&max=100").json(),
                "invitations", invitations,
                "audit", ops.get("/organizations/" + org + "/audit?max=100").json(),
                "second", ops.get("/organizations/" + second + "/contacts?activeOnly=false").json());
    }

    /**
     * What Keycloak exports of the realm: its partial export (groups, roles, clients; key material
     * left out, so the new realm makes new keys) and the users with their groups, roles and links,
     * as {@code kc.sh export} writes them.
     */
    private RealmRepresentation keycloakExport() {
        RealmRepresentation export = realm.admin().partialExport(true, true);
        export.getComponents().remove("org.keycloak.keys.KeyProvider");
        List<UserRepresentation> users = new ArrayList<>();
        for (UserRepresentation user : realm.admin().users().list(0, 10_000)) {
            UserResource resource = realm.admin().users().get(user.getId());
            user.setGroups(resource.groups(0, 1000, false).stream().map(GroupRepresentation::getPath).toList());
            MappingsRepresentation roles = resource.roles().getAll();
            user.setRealmRoles(roles.getRealmMappings() == null ? List.of()
                    : roles.getRealmMappings().stream().map(RoleRepresentation::getName).toList());
            if (roles.getClientMappings() != null) {
                user.setClientRoles(new java.util.HashMap<>());
                roles.getClientMappings().forEach((client, mapping) -> user.getClientRoles().put(client,
                        mapping.getMappings().stream().map(RoleRepresentation::getName).toList()));
            }
            user.setFederatedIdentities(resource.getFederatedIdentity());
            users.add(user);
        }
        export.setUsers(users);
        return export;
    }

    /** An empty server: the realm is gone, with our rows; then it is created from the export. */
    private void recreate(RealmRepresentation export) {
        realm.admin().remove();
        server.realms().create(export);
    }

    private String userId(String username) {
        return realm.admin().users().search(username, true).get(0).getId();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> export, String rows) {
        return (List<Map<String, Object>>) export.get(rows);
    }

    private static Map<String, Object> withoutTime(Map<String, Object> export) {
        export.remove("exportedAt");
        return export;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
