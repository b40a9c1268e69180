package ca.novascotia.lampss.it.api;

import static ca.novascotia.lampss.it.api.Fixture.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Bad input gets a 4xx with a message a person can act on, in their language, and nothing is
 * written: the organization's contacts, its audit trail and the realm's users are the same after.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class BadInputTest {

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm realm;

    /** Adding a contact sends the invitation email; a refused delivery fails the request. */
    @InjectMailServer
    MailServer mail;

    /** The My NS Account stand-in, where the invited people sign in to accept (Fixture.activate). */
    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    Fixture fixture;
    LampssApi ops;
    String org;
    String otherOrgMember;
    Fixture.Member contact;

    @BeforeEach
    void organizations() {
        if (org != null) {
            return;
        }
        People people = new People(realm);
        ops = people.operationsSupport(Fixture.unique("ops"));
        fixture = new Fixture(people, ops, mail, mynsaccount);
        org = fixture.organization();
        fixture.primaryContact(org);
        contact = fixture.activeMember(org, "ofa-user");
        String other = fixture.organization();
        otherOrgMember = fixture.addContact(other, Fixture.unique("other") + "@example.ca").string("id");
    }

    private record Case(String name, String method, String path, String body, int status, String error, String field) {
    }

    private List<Case> cases() {
        String contacts = "/organizations/" + org + "/contacts";
        String one = path(org, contact.userId());
        String valid = "\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"email\":\"" + Fixture.unique("ann") + "@example.ca\"";
        String tooLong = "x".repeat(256);
        List<Case> cases = new ArrayList<>(List.of(
                new Case("missing first name", "POST", contacts, "{\"lastName\":\"Lee\",\"email\":\"a@example.ca\"}", 400, "REQUIRED_FIELD_MISSING", "firstName"),
                new Case("blank last name", "POST", contacts, "{\"firstName\":\"Ann\",\"lastName\":\"  \",\"email\":\"a@example.ca\"}", 400, "REQUIRED_FIELD_MISSING", "lastName"),
                new Case("invalid email", "POST", contacts, "{\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"email\":\"ann.example.ca\"}", 400, "INVALID_EMAIL", "email"),
                new Case("over-long last name", "POST", contacts, "{\"firstName\":\"Ann\",\"lastName\":\"" + tooLong + "\",\"email\":\"a@example.ca\"}", 400, "FIELD_TOO_LONG", "lastName"),
                new Case("over-long invitation message", "POST", contacts, "{" + valid + ",\"invitationMessage\":\"" + "m".repeat(2001) + "\"}", 400, "FIELD_TOO_LONG", "invitationMessage"),
                new Case("unknown profile among valid ones", "POST", contacts, "{" + valid + ",\"profiles\":[\"ofa-user\",\"ofa-superuser\"]}", 400, "UNKNOWN_PROFILE", "profiles"),
                new Case("profiles not a list", "POST", contacts, "{" + valid + ",\"profiles\":\"ofa-user\"}", 400, "WRONG_TYPE", "profiles"),
                new Case("a name that is a number", "POST", contacts, "{\"firstName\":42,\"lastName\":\"Lee\",\"email\":\"a@example.ca\"}", 400, "WRONG_TYPE", "firstName"),
                new Case("extra field", "POST", contacts, "{" + valid + ",\"admin\":true}", 400, "UNKNOWN_FIELD", "admin"),
                new Case("malformed JSON", "POST", contacts, "{\"firstName\":", 400, "MALFORMED_BODY", null),
                new Case("a JSON array", "POST", contacts, "[]", 400, "MALFORMED_BODY", null),
                new Case("empty body", "POST", contacts, "", 400, "MALFORMED_BODY", null),
                new Case("email already in the organization", "POST", contacts, "{\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"email\":\"" + contact.email().toUpperCase() + "\"}", 409, "ALREADY_A_CONTACT", "email"),
                new Case("unknown organization", "POST", "/organizations/00000000-0000-0000-0000-000000000000/contacts", "{" + valid + "}", 404, "ORGANIZATION_NOT_FOUND", null),
                new Case("unknown contact", "GET", path(org, "00000000-0000-0000-0000-000000000000"), null, 404, "CONTACT_NOT_FOUND", null),
                new Case("contact of another organization", "PUT", path(org, otherOrgMember), "{" + valid + "}", 404, "CONTACT_NOT_FOUND", null),
                new Case("deactivate a contact of another organization", "POST", path(org, otherOrgMember) + "/deactivate", null, 404, "CONTACT_NOT_FOUND", null),
                new Case("update with invalid email", "PUT", one, "{\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"email\":\"@\"}", 400, "INVALID_EMAIL", "email"),
                new Case("update with unknown profile", "PUT", one, "{" + valid + ",\"profiles\":[\"nope\"]}", 400, "UNKNOWN_PROFILE", "profiles"),
                new Case("update with new details and one unknown profile", "PUT", one, "{\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"email\":\"" + contact.email().replace("person", "nobody") + "\",\"profiles\":[\"ofa-user\",\"nope\"]}", 400, "UNKNOWN_PROFILE", "profiles"),
                new Case("transfer without a user", "PUT", "/organizations/" + org + "/primary-contact", "{}", 400, "REQUIRED_FIELD_MISSING", "userId"),
                new Case("transfer to someone of another organization", "PUT", "/organizations/" + org + "/primary-contact", "{\"userId\":\"" + otherOrgMember + "\"}", 404, "CONTACT_NOT_FOUND", null),
                new Case("organization with unknown module", "POST", "/organizations", "{\"nameEn\":\"A\",\"nameFr\":\"A\",\"externalNumber\":\"" + Fixture.unique("N") + "\",\"modules\":[\"xyz\"]}", 400, "UNKNOWN_MODULE", "modules"),
                new Case("organization without a number", "POST", "/organizations", "{\"nameEn\":\"A\",\"nameFr\":\"A\"}", 400, "REQUIRED_FIELD_MISSING", "externalNumber"),
                new Case("organization number too long", "POST", "/organizations", "{\"nameEn\":\"A\",\"nameFr\":\"A\",\"externalNumber\":\"" + "9".repeat(65) + "\"}", 400, "FIELD_TOO_LONG", "externalNumber"),
                new Case("changing the organization number", "PUT", "/organizations/" + org, "{\"nameEn\":\"A\",\"nameFr\":\"A\",\"externalNumber\":\"OTHER\"}", 400, "READ_ONLY_FIELD", "externalNumber"),
                new Case("modules without a list", "PUT", "/organizations/" + org + "/modules", "{}", 400, "REQUIRED_FIELD_MISSING", "modules"),
                new Case("paging not a number", "GET", "/organizations/" + org + "/contacts?first=abc", null, 400, "INVALID_PAGING", null),
                new Case("negative paging", "GET", "/organizations/" + org + "/audit?first=-1", null, 400, "INVALID_PAGING", null),
                new Case("organization id too long", "GET", "/organizations/" + "a".repeat(300), null, 404, "ORGANIZATION_NOT_FOUND", null)));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyBadRequestIsRefusedWithAMessageAndWritesNothing() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name() + " → " + c.status() + " " + c.error(), () -> {
            State before = state();
            LampssApi.Reply reply = ops.sendRaw(c.method(), c.path(), c.body());

            assertEquals(c.status(), reply.status(), reply::toString);
            assertEquals(c.error(), reply.error(), reply::toString);
            assertEquals(c.field(), reply.json().get("field"), reply::toString);
            assertFalse(reply.string("message").isBlank());
            assertEquals(before, state(), "nothing written");
        }));
    }

    @Test
    void messagesAreInTheCallersLanguage() {
        LampssApi.Reply en = ops.inLanguage("en").post("/organizations/" + org + "/contacts", Map.of("lastName", "Lee", "email", "a@example.ca"));
        LampssApi.Reply fr = ops.inLanguage("fr-CA,fr;q=0.9").post("/organizations/" + org + "/contacts", Map.of("lastName", "Lee", "email", "a@example.ca"));
        LampssApi.Reply tooLong = ops.inLanguage("fr").post("/organizations/" + org + "/contacts",
                Map.of("firstName", "x".repeat(300), "lastName", "Lee", "email", "a@example.ca"));

        assertEquals("First name is required.", en.string("message"));
        assertEquals("Le champ Prénom est obligatoire.", fr.string("message"));
        assertEquals("Le champ Prénom est trop long : 255 caractères au maximum.", tooLong.string("message"));
    }

    @Test
    void withoutAValidTokenNothingIsAnswered() {
        LampssApi anonymous = fixture.people.anonymous();
        LampssApi forged = fixture.people.withToken("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");

        for (LampssApi caller : List.of(anonymous, forged)) {
            LampssApi.Reply reply = caller.get("/organizations/" + org + "/contacts");
            assertEquals(401, reply.status(), reply::toString);
            assertEquals("UNAUTHENTICATED", reply.error());
        }
        assertEquals(200, anonymous.get("/openapi.yaml").status(), "the API description is public");
    }

    private record State(Object contacts, Object audit, int users) {
    }

    private State state() {
        return new State(
                ops.get("/organizations/" + org + "/contacts?activeOnly=false&max=100").json(),
                ops.get("/organizations/" + org + "/audit?max=1").json().get("total"),
                realm.admin().users().count());
    }

}
