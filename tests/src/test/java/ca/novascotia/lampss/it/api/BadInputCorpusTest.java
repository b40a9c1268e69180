package ca.novascotia.lampss.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * A corpus of malformed and hostile requests against every operation of openapi.yaml (except the
 * public description itself): unusable tokens of nine kinds on each operation, bodies of the wrong
 * shape, types or size, script and SQL metacharacters where they are not valid, unknown ids, other
 * organizations' ids, callers without the right. Each one gets its 4xx with a JSON message that
 * repeats none of the hostile input, and the database is the same after it as before: after each
 * request that could write (every method but GET) our tables through the realm data export, the
 * organization's contacts and grants and the emails sent are compared; after the whole corpus also
 * the users, the organizations and the other organization's contacts.
 */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class BadInputCorpusTest {

    private static final String NOBODY = "00000000-0000-0000-0000-000000000000";
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String SQL = "' OR '1'='1'; DROP TABLE LAMPSS_MEMBERSHIP; --";

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm realm;

    /** Adding a contact sends the invitation email; a refused delivery fails the request. */
    @InjectMailServer
    MailServer mail;

    /** The My NS Account stand-in, where the invited people sign in to accept (Fixture.activate). */
    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    /** Its token is of the master realm: a foreign token for the lampss realm. */
    @InjectAdminClient
    Keycloak master;

    private record Operation(String method, String path, String body) {
    }

    private record Case(String name, LampssApi caller, String method, String path, String body, int status, String error) {
    }

    @Test
    void everyBadRequestGetsA4xxWithAMessageAndChangesNothing() throws Exception {
        People people = new People(realm);
        LampssApi ops = people.operationsSupport(Fixture.unique("ops"));
        Fixture fixture = new Fixture(people, ops, mail, mynsaccount);
        String org = fixture.organization("ecm");
        fixture.primaryContact(org);
        Fixture.Member member = fixture.activeMember(org, "ofa-user");
        String invited = fixture.addContact(org, Fixture.unique("invited") + "@example.ca").string("id");
        String withdrawn = fixture.addContact(org, Fixture.unique("withdrawn") + "@example.ca").string("id");
        assertEquals(200, ops.send("DELETE", Fixture.path(org, withdrawn) + "/invitation", null).status());
        String other = fixture.organization();
        fixture.primaryContact(other);
        String otherContact = fixture.addContact(other, Fixture.unique("other") + "@example.ca").string("id");
        LampssApi admin = people.realmAdministrator(Fixture.unique("admin"));

        List<Operation> operations = operations(org, member.userId(), invited);
        List<Case> cases = new ArrayList<>();
        unusableTokens(people, ops, fixture, org).forEach((kind, caller) -> operations.forEach(op ->
                cases.add(new Case(kind + " token: " + op.method() + " " + op.path(), caller, op.method(), op.path(), op.body(),
                        401, "UNAUTHENTICATED"))));
        bodies(cases, ops, admin, org, member.userId());
        ids(cases, ops, member.api(), org, other, member.userId(), invited, otherContact, withdrawn);
        permissions(cases, ops, member.api(), admin, org, member.userId(), invited);

        Snapshot start = snapshot(ops, admin, org, other);
        Rows before = rows(ops, admin, org);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        int unchanged = 0;
        for (Case c : cases) {
            LampssApi.Reply reply = c.caller().sendRaw(c.method(), c.path(), c.body());
            statuses.merge(reply.status(), 1, Integer::sum);
            String problem = problem(c, reply);
            if (!c.method().equals("GET")) {
                checked++;
                Rows after = rows(ops, admin, org);
                if (after.equals(before)) {
                    unchanged++;
                } else {
                    problem = (problem == null ? "" : problem + "; ") + "the database changed";
                    before = after;
                }
            }
            if (problem != null) {
                failures.add(c.name() + " → " + problem + ": " + abbreviate(reply.toString()));
            }
        }
        boolean unchangedAtTheEnd = snapshot(ops, admin, org, other).equals(start);
        int fourXx = statuses.entrySet().stream().filter(e -> e.getKey() >= 400 && e.getKey() < 500).mapToInt(Map.Entry::getValue).sum();
        int fiveXx = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
        System.out.println("CORPUS sent=" + cases.size() + " 4xx=" + fourXx + " 5xx=" + fiveXx + " unchanged="
                + (unchanged == checked && unchangedAtTheEnd) + " writesCheckedOneByOne=" + checked + " failures=" + failures.size() + " byStatus=" + statuses);

        assertTrue(cases.size() >= 200, "at least 200 cases: " + cases.size());
        assertTrue(failures.isEmpty(), failures.size() + " failed:\n" + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
        assertEquals(0, fiveXx);
        assertTrue(unchangedAtTheEnd, "users, organizations and both organizations' contacts are as before the corpus");
    }

    @Test
    void markupAndSqlThatAreValidTextAreStoredAsSentAndReturnedOnlyInsideJsonOrEscaped() throws Exception {
        People people = new People(realm);
        LampssApi ops = people.operationsSupport(Fixture.unique("ops"));
        String org = new Fixture(people, ops, mail, mynsaccount).organization();
        String email = Fixture.unique("o'brien") + "@example.ca";

        LampssApi.Reply added = ops.post("/organizations/" + org + "/contacts", Map.of("firstName", SCRIPT, "lastName", SQL,
                "email", email, "invitationMessage", SCRIPT));

        assertEquals(201, added.status(), added::toString);
        LampssApi.Reply read = ops.get(Fixture.path(org, added.string("id")));
        assertEquals(SCRIPT, read.string("firstName"));
        assertEquals(SQL, read.string("lastName"));
        assertEquals(email.toLowerCase(), read.string("email"));
        assertTrue(read.headers().get("content-type").get(0).startsWith("application/json"), read.headers()::toString);
        String csv = ops.get("/organizations/" + org + "/access-review").body();
        assertTrue(csv.contains("\"" + SQL + "\",\"" + SCRIPT + "\""), "quoted cells: " + csv);
        String html = InvitationMail.part(InvitationMail.lastMessageTo(mail, email), "text/html");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains(SCRIPT), "escaped in the email");
        assertEquals(1, ops.get("/organizations/" + org + "/contacts?activeOnly=false").items().size());
    }

    /** Every operation that takes a token, with a body that would be valid. */
    private static List<Operation> operations(String org, String member, String invited) {
        String o = "/organizations/" + org;
        String newOrg = "{\"nameEn\":\"A\",\"nameFr\":\"A\",\"externalNumber\":\"" + Fixture.unique("T") + "\",\"modules\":[]}";
        String newContact = "{\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"email\":\"" + Fixture.unique("t") + "@example.ca\"}";
        String onboarding = "{\"rows\":[{\"externalNumber\":\"" + Fixture.unique("T") + "\",\"nameEn\":\"A\",\"nameFr\":\"A\","
                + "\"lastName\":\"Lee\",\"firstName\":\"Ann\",\"email\":\"" + Fixture.unique("t") + "@example.ca\",\"primaryContact\":true}]}";
        return List.of(
                new Operation("GET", "/me", null),
                new Operation("GET", "/profiles", null),
                new Operation("GET", "/modules", null),
                new Operation("GET", "/organizations", null),
                new Operation("POST", "/organizations", newOrg),
                new Operation("GET", o, null),
                new Operation("PUT", o, "{\"nameEn\":\"B\",\"nameFr\":\"B\"}"),
                new Operation("PUT", o + "/modules", "{\"modules\":[\"ofa\"]}"),
                new Operation("GET", o + "/audit", null),
                new Operation("GET", o + "/access-review", null),
                new Operation("GET", o + "/contacts", null),
                new Operation("POST", o + "/contacts", newContact),
                new Operation("GET", Fixture.path(org, member), null),
                new Operation("PUT", Fixture.path(org, member), "{\"firstName\":\"X\",\"lastName\":\"Y\",\"email\":\"xy@example.ca\"}"),
                new Operation("POST", Fixture.path(org, member) + "/deactivate", null),
                new Operation("POST", Fixture.path(org, member) + "/reactivate", null),
                new Operation("GET", o + "/invitations", null),
                new Operation("POST", Fixture.path(org, invited) + "/invitation", null),
                new Operation("DELETE", Fixture.path(org, invited) + "/invitation", null),
                new Operation("PUT", o + "/primary-contact", "{\"userId\":\"" + member + "\"}"),
                new Operation("GET", "/export", null),
                new Operation("POST", "/import", "{\"format\":\"lampss-export/1\"}"),
                new Operation("POST", "/onboarding/dry-run", onboarding),
                new Operation("POST", "/onboarding/jobs", onboarding),
                new Operation("GET", "/onboarding/jobs", null),
                new Operation("GET", "/onboarding/jobs/" + NOBODY, null),
                new Operation("GET", "/onboarding/jobs/" + NOBODY + "/rows", null),
                new Operation("POST", "/onboarding/jobs/" + NOBODY + "/release", null),
                new Operation("GET", o + "/requests", null),
                new Operation("POST", o + "/requests", "{\"userId\":\"" + member + "\",\"profile\":\"sr-administrator\",\"reason\":\"r\"}"),
                new Operation("GET", "/requests", null),
                new Operation("POST", "/requests/" + NOBODY + "/approve", null),
                new Operation("POST", "/requests/" + NOBODY + "/refuse", "{\"decision\":\"no\"}"),
                new Operation("GET", "/campaigns", null),
                new Operation("GET", o + "/campaign", null),
                new Operation("POST", o + "/campaign", null),
                new Operation("GET", o + "/campaign/contacts", null),
                new Operation("POST", o + "/campaign/contacts/" + member + "/confirm", null),
                new Operation("POST", o + "/campaign/contacts/" + member + "/deactivate", null),
                new Operation("POST", o + "/campaign/sign-off", null),
                new Operation("POST", o + "/campaign/extend", "{\"dueAt\":\"2099-01-01T00:00:00Z\"}"));
    }

    /** Nine kinds of token no request may be served with. */
    private Map<String, LampssApi> unusableTokens(People people, LampssApi ops, Fixture fixture, String org) throws Exception {
        String valid = ops.token();
        String[] parts = valid.split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(Base64.getUrlDecoder()
                .decode(parts[1]), StandardCharsets.UTF_8).replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"" + NOBODY + "\"")
                .getBytes(StandardCharsets.UTF_8));

        String loggedOut = people.createUser(Fixture.unique("gone"), true);
        String loggedOutToken = people.accessToken(username(loggedOut));
        realm.admin().users().get(loggedOut).logout();

        String disabled = people.createUser(Fixture.unique("disabled"), true);
        String disabledToken = people.accessToken(username(disabled));
        UserRepresentation user = realm.admin().users().get(disabled).toRepresentation();
        user.setEnabled(false);
        realm.admin().users().get(disabled).update(user);

        String expired = shortLivedToken(people);

        Map<String, LampssApi> tokens = new TreeMap<>();
        tokens.put("no", people.anonymous());
        tokens.put("garbage", people.withToken("not-a-token"));
        tokens.put("alg-none", people.withToken("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."));
        tokens.put("bad-signature", people.withToken(parts[0] + "." + parts[1] + "." + flip(parts[2])));
        tokens.put("forged-subject", people.withToken(parts[0] + "." + forgedPayload + "." + parts[2]));
        tokens.put("foreign-realm", people.withToken(master.tokenManager().getAccessTokenString()));
        tokens.put("logged-out", people.withToken(loggedOutToken));
        tokens.put("disabled-user", people.withToken(disabledToken));
        tokens.put("expired", people.withToken(expired));
        return tokens;
    }

    /** A token of a client whose access tokens live one second, used after two. */
    private String shortLivedToken(People people) throws InterruptedException {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("lampss-short-lived");
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setAttributes(Map.of("access.token.lifespan", "1"));
        realm.admin().clients().create(client).close();
        String username = Fixture.unique("short");
        people.createUser(username, true);
        String token = people.accessToken(username, "lampss-short-lived");
        Thread.sleep(2500);
        return token;
    }

    /** Bodies of the wrong shape, type or size, unknown fields, and metacharacters where they are not valid. */
    private static void bodies(List<Case> cases, LampssApi ops, LampssApi admin, String org, String member) {
        String o = "/organizations/" + org;
        Map<String, String> endpoints = Map.of(
                "POST /organizations", "\"nameEn\":\"A\",\"nameFr\":\"A\",\"externalNumber\":\"" + Fixture.unique("B") + "\"",
                "PUT " + o, "\"nameEn\":\"A\",\"nameFr\":\"A\"",
                "PUT " + o + "/modules", "\"modules\":[\"ofa\"]",
                "POST " + o + "/contacts", "\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"email\":\"" + Fixture.unique("b") + "@example.ca\"",
                "PUT " + Fixture.path(org, member), "\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"email\":\"" + Fixture.unique("c") + "@example.ca\"",
                "PUT " + o + "/primary-contact", "\"userId\":\"" + member + "\"",
                "POST /import", "\"format\":\"lampss-export/1\"");
        String huge = "x".repeat(70 * 1024);
        endpoints.forEach((endpoint, valid) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            LampssApi caller = path.equals("/import") ? admin : ops;
            String unknown = path.equals("/import") ? "MALFORMED_BODY" : "UNKNOWN_FIELD";
            cases.add(new Case("malformed JSON " + endpoint, caller, method, path, "{\"a\":", 400, "MALFORMED_BODY"));
            cases.add(new Case("a JSON array " + endpoint, caller, method, path, "[" + "{" + valid + "}]", 400, "MALFORMED_BODY"));
            cases.add(new Case("a JSON string " + endpoint, caller, method, path, "\"" + SCRIPT + "\"", 400, "MALFORMED_BODY"));
            cases.add(new Case("a number " + endpoint, caller, method, path, "42", 400, "MALFORMED_BODY"));
            cases.add(new Case("null " + endpoint, caller, method, path, "null", 400, "MALFORMED_BODY"));
            cases.add(new Case("no body " + endpoint, caller, method, path, "", 400, "MALFORMED_BODY"));
            cases.add(new Case("a 70 KiB body " + endpoint, caller, method, path, "{" + valid + ",\"note\":\"" + huge + "\"}", 400,
                    path.equals("/import") ? "MALFORMED_BODY" : "MALFORMED_BODY"));
            cases.add(new Case("an extra field " + endpoint, caller, method, path, "{" + valid + ",\"admin\":true}", 400, unknown));
            cases.add(new Case("a script as field name " + endpoint, caller, method, path, "{" + valid + ",\"" + SCRIPT + "\":1}", 400, unknown));
            cases.add(new Case("SQL as field name " + endpoint, caller, method, path, "{" + valid + ",\"" + SQL.replace("'", "\\u0027") + "\":1}", 400, unknown));
        });
        String c = o + "/contacts";
        String person = "\"firstName\":\"Ann\",\"lastName\":\"Lee\"";
        String email = "\"email\":\"" + Fixture.unique("d") + "@example.ca\"";
        List.of(
                new Case("organization name a number", ops, "POST", "/organizations", "{\"nameEn\":42,\"nameFr\":\"A\",\"externalNumber\":\"N1\"}", 400, "WRONG_TYPE"),
                new Case("organization number an object", ops, "POST", "/organizations", "{\"nameEn\":\"A\",\"nameFr\":\"A\",\"externalNumber\":{}}", 400, "WRONG_TYPE"),
                new Case("modules a string", ops, "POST", "/organizations", "{\"nameEn\":\"A\",\"nameFr\":\"A\",\"externalNumber\":\"N2\",\"modules\":\"ofa\"}", 400, "WRONG_TYPE"),
                new Case("modules of numbers", ops, "POST", "/organizations", "{\"nameEn\":\"A\",\"nameFr\":\"A\",\"externalNumber\":\"N3\",\"modules\":[1]}", 400, "WRONG_TYPE"),
                new Case("a module that is SQL", ops, "POST", "/organizations", "{\"nameEn\":\"A\",\"nameFr\":\"A\",\"externalNumber\":\"N4\",\"modules\":[\"" + SQL + "\"]}", 400, "UNKNOWN_MODULE"),
                new Case("an organization without names", ops, "POST", "/organizations", "{\"externalNumber\":\"N5\"}", 400, "REQUIRED_FIELD_MISSING"),
                new Case("an organization number of scripts too long", ops, "POST", "/organizations", "{\"nameEn\":\"A\",\"nameFr\":\"A\",\"externalNumber\":\"" + SCRIPT.repeat(3) + "\"}", 400, "FIELD_TOO_LONG"),
                new Case("an organization name of 256 characters", ops, "POST", "/organizations", "{\"nameEn\":\"" + "é".repeat(256) + "\",\"nameFr\":\"A\",\"externalNumber\":\"N6\"}", 400, "FIELD_TOO_LONG"),
                new Case("blank organization names", ops, "PUT", o, "{\"nameEn\":\"  \",\"nameFr\":\"\"}", 400, "REQUIRED_FIELD_MISSING"),
                new Case("organization name a list", ops, "PUT", o, "{\"nameEn\":[],\"nameFr\":\"A\"}", 400, "WRONG_TYPE"),
                new Case("an organization number changed to SQL", ops, "PUT", o, "{\"nameEn\":\"A\",\"nameFr\":\"A\",\"externalNumber\":\"" + SQL + "\"}", 400, "READ_ONLY_FIELD"),
                new Case("modules changed in the names call", ops, "PUT", o, "{\"nameEn\":\"A\",\"nameFr\":\"A\",\"modules\":[\"sr\"]}", 400, "READ_ONLY_FIELD"),
                new Case("modules missing", ops, "PUT", o + "/modules", "{}", 400, "REQUIRED_FIELD_MISSING"),
                new Case("modules a string", ops, "PUT", o + "/modules", "{\"modules\":\"ofa\"}", 400, "WRONG_TYPE"),
                new Case("modules of booleans", ops, "PUT", o + "/modules", "{\"modules\":[true]}", 400, "WRONG_TYPE"),
                new Case("a module that is a script", ops, "PUT", o + "/modules", "{\"modules\":[\"" + SCRIPT + "\"]}", 400, "UNKNOWN_MODULE"),
                new Case("101 modules", ops, "PUT", o + "/modules", "{\"modules\":[" + "\"ofa\",".repeat(100) + "\"ofa\"]}", 400, "WRONG_TYPE"),
                new Case("first name a number", ops, "POST", c, "{\"firstName\":42,\"lastName\":\"Lee\"," + email + "}", 400, "WRONG_TYPE"),
                new Case("email a boolean", ops, "POST", c, "{" + person + ",\"email\":true}", 400, "WRONG_TYPE"),
                new Case("email missing", ops, "POST", c, "{" + person + "}", 400, "REQUIRED_FIELD_MISSING"),
                new Case("email that is a script", ops, "POST", c, "{" + person + ",\"email\":\"" + SCRIPT + "@example.ca\"}", 400, "INVALID_EMAIL"),
                new Case("email with SQL", ops, "POST", c, "{" + person + ",\"email\":\"a@example.ca" + SQL + "\"}", 400, "INVALID_EMAIL"),
                new Case("email of 255 characters", ops, "POST", c, "{" + person + ",\"email\":\"" + "a".repeat(244) + "@example.ca\"}", 400, "FIELD_TOO_LONG"),
                new Case("email whose local part has 65 characters", ops, "POST", c, "{" + person + ",\"email\":\"" + "a".repeat(65) + "@example.ca\"}", 400, "INVALID_EMAIL"),
                new Case("profiles a string", ops, "POST", c, "{" + person + "," + email + ",\"profiles\":\"ofa-user\"}", 400, "WRONG_TYPE"),
                new Case("profiles holding null", ops, "POST", c, "{" + person + "," + email + ",\"profiles\":[null]}", 400, "WRONG_TYPE"),
                new Case("a profile that is SQL", ops, "POST", c, "{" + person + "," + email + ",\"profiles\":[\"" + SQL + "\"]}", 400, "UNKNOWN_PROFILE"),
                new Case("a profile that is a script", ops, "POST", c, "{" + person + "," + email + ",\"profiles\":[\"" + SCRIPT + "\"]}", 400, "UNKNOWN_PROFILE"),
                new Case("invitation message an object", ops, "POST", c, "{" + person + "," + email + ",\"invitationMessage\":{}}", 400, "WRONG_TYPE"),
                new Case("invitation message of 2,001 scripts", ops, "POST", c, "{" + person + "," + email + ",\"invitationMessage\":\"" + "<".repeat(2001) + "\"}", 400, "FIELD_TOO_LONG"),
                new Case("first name of 256 scripts", ops, "POST", c, "{\"firstName\":\"" + "<".repeat(256) + "\",\"lastName\":\"Lee\"," + email + "}", 400, "FIELD_TOO_LONG"),
                new Case("a profile of a module the organization lacks", ops, "POST", c, "{" + person + "," + email + ",\"profiles\":[\"pcc-administrator\"]}", 409, "MODULE_NOT_ENABLED"),
                new Case("last name a decimal", ops, "PUT", Fixture.path(org, member), "{\"firstName\":\"A\",\"lastName\":1.5," + email + "}", 400, "WRONG_TYPE"),
                new Case("profiles an object", ops, "PUT", Fixture.path(org, member), "{" + person + "," + email + ",\"profiles\":{}}", 400, "WRONG_TYPE"),
                new Case("contact update without names", ops, "PUT", Fixture.path(org, member), "{" + email + "}", 400, "REQUIRED_FIELD_MISSING"),
                new Case("contact email with markup", ops, "PUT", Fixture.path(org, member), "{" + person + ",\"email\":\"x@example.ca<b>\"}", 400, "INVALID_EMAIL"),
                new Case("transfer to a number", ops, "PUT", o + "/primary-contact", "{\"userId\":42}", 400, "WRONG_TYPE"),
                new Case("transfer to a list", ops, "PUT", o + "/primary-contact", "{\"userId\":[]}", 400, "WRONG_TYPE"),
                new Case("transfer to nobody", ops, "PUT", o + "/primary-contact", "{}", 400, "REQUIRED_FIELD_MISSING"),
                new Case("transfer to SQL", ops, "PUT", o + "/primary-contact", "{\"userId\":\"" + SQL + "\"}", 404, "CONTACT_NOT_FOUND"),
                new Case("paging not a number", ops, "GET", c + "?first=abc", null, 400, "INVALID_PAGING"),
                new Case("paging with SQL", ops, "GET", o + "/audit?first=" + LampssApi.query("1; DROP TABLE LAMPSS_AUDIT"), null, 400, "INVALID_PAGING"),
                new Case("page size a script", ops, "GET", "/organizations?max=" + LampssApi.query(SCRIPT), null, 400, "INVALID_PAGING"),
                new Case("page size 101", ops, "GET", o + "/invitations?max=101", null, 400, "INVALID_PAGING"),
                new Case("negative paging", ops, "GET", c + "?first=-1", null, 400, "INVALID_PAGING"),
                new Case("import of another format", admin, "POST", "/import", "{\"format\":\"" + SCRIPT + "\"}", 400, "IMPORT_INVALID"),
                new Case("import of rows of the wrong type", admin, "POST", "/import", "{\"format\":\"lampss-export/1\",\"memberships\":\"x\"}", 400, "MALFORMED_BODY"),
                new Case("import with an unknown row field", admin, "POST", "/import", "{\"format\":\"lampss-export/1\",\"audit\":[{\"x\":1}]}", 400, "MALFORMED_BODY"),
                new Case("import into a realm that has data", admin, "POST", "/import", "{\"format\":\"lampss-export/1\",\"memberships\":[]}", 409, "IMPORT_TARGET_NOT_EMPTY"))
                .forEach(cases::add);
    }

    /** Unknown ids, ids with metacharacters, and ids of another organization, on every operation that takes one. */
    private static void ids(List<Case> cases, LampssApi ops, LampssApi member, String org, String other, String memberId,
                            String invited, String otherContact, String withdrawn) {
        String details = "{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"" + Fixture.unique("e") + "@example.ca\"}";
        for (String badOrg : List.of(NOBODY, LampssApi.query(SQL), LampssApi.query(SCRIPT), "x".repeat(300))) {
            for (Operation op : operations(badOrg, memberId, invited)) {
                if (op.path().startsWith("/organizations/")) {
                    cases.add(new Case("organization id " + abbreviate(badOrg) + ": " + op.method() + " " + op.path().replace(badOrg, "…"),
                            ops, op.method(), op.path(), op.body(), 404, "ORGANIZATION_NOT_FOUND"));
                }
            }
        }
        for (Operation op : operations(other, memberId, invited)) {
            if (op.path().startsWith("/organizations/")) {
                cases.add(new Case("another organization's id as its member: " + op.method() + " " + op.path(), member,
                        op.method(), op.path(), op.body(), 404, "ORGANIZATION_NOT_FOUND"));
            }
        }
        for (String badUser : List.of(NOBODY, otherContact, LampssApi.query(SQL), LampssApi.query(SCRIPT))) {
            String p = Fixture.path(org, badUser);
            List.of(new Operation("GET", p, null), new Operation("PUT", p, details), new Operation("POST", p + "/deactivate", null),
                    new Operation("POST", p + "/reactivate", null), new Operation("POST", p + "/invitation", null),
                    new Operation("DELETE", p + "/invitation", null),
                    new Operation("PUT", "/organizations/" + org + "/primary-contact", "{\"userId\":\"" + badUser.replace("%", "") + "\"}"))
                    .forEach(op -> cases.add(new Case("contact id " + abbreviate(badUser) + ": " + op.method() + " " + op.path(), ops,
                            op.method(), op.path(), op.body(), 404, "CONTACT_NOT_FOUND")));
        }
        cases.add(new Case("withdraw an invitation already withdrawn", ops, "DELETE", Fixture.path(org, withdrawn) + "/invitation", null,
                404, "INVITATION_NOT_FOUND"));
    }

    /** Callers without the right: an OFA User in their own organization, Operations Support on realm data. */
    private static void permissions(List<Case> cases, LampssApi ops, LampssApi member, LampssApi admin, String org, String memberId,
                                    String invited) {
        String o = "/organizations/" + org;
        List.of(
                new Case("a user creates an organization", member, "POST", "/organizations", "{\"nameEn\":\"A\",\"nameFr\":\"A\",\"externalNumber\":\"U1\"}", 403, "OPERATIONS_SUPPORT_ONLY"),
                new Case("a user renames the organization", member, "PUT", o, "{\"nameEn\":\"A\",\"nameFr\":\"A\"}", 403, "ACTION_NOT_PERMITTED"),
                new Case("a user changes modules", member, "PUT", o + "/modules", "{\"modules\":[\"ofa\",\"sr\"]}", 403, "OPERATIONS_SUPPORT_ONLY"),
                new Case("a user reads the audit trail", member, "GET", o + "/audit", null, 403, "ACTION_NOT_PERMITTED"),
                new Case("a user exports the access review", member, "GET", o + "/access-review", null, 403, "ACTION_NOT_PERMITTED"),
                new Case("a user lists contacts", member, "GET", o + "/contacts", null, 403, "ACTION_NOT_PERMITTED"),
                new Case("a user adds a contact", member, "POST", o + "/contacts", "{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"u2@example.ca\"}", 403, "ACTION_NOT_PERMITTED"),
                new Case("a user deactivates someone", member, "POST", Fixture.path(org, invited) + "/deactivate", null, 403, "ACTION_NOT_PERMITTED"),
                new Case("a user gives themselves a profile", member, "PUT", Fixture.path(org, memberId), "{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"u3@example.ca\",\"profiles\":[\"ofa-administrator\"]}", 403, "OWN_PROFILES"),
                new Case("a user lists invitations", member, "GET", o + "/invitations", null, 403, "ACTION_NOT_PERMITTED"),
                new Case("a user re-sends an invitation", member, "POST", Fixture.path(org, invited) + "/invitation", null, 403, "ACTION_NOT_PERMITTED"),
                new Case("a user withdraws an invitation", member, "DELETE", Fixture.path(org, invited) + "/invitation", null, 403, "ACTION_NOT_PERMITTED"),
                new Case("a user takes the primary contact role", member, "PUT", o + "/primary-contact", "{\"userId\":\"" + memberId + "\"}", 403, "NOT_PRIMARY_CONTACT"),
                new Case("a user exports the realm data", member, "GET", "/export", null, 403, "REALM_ADMINISTRATOR_ONLY"),
                new Case("a user imports realm data", member, "POST", "/import", "{\"format\":\"lampss-export/1\"}", 403, "REALM_ADMINISTRATOR_ONLY"),
                new Case("Operations Support exports the realm data", ops, "GET", "/export", null, 403, "REALM_ADMINISTRATOR_ONLY"),
                new Case("Operations Support imports realm data", ops, "POST", "/import", "{\"format\":\"lampss-export/1\"}", 403, "REALM_ADMINISTRATOR_ONLY"),
                new Case("a realm administrator outside every organization", admin, "GET", o, null, 404, "ORGANIZATION_NOT_FOUND"),
                new Case("the primary contact deactivated", ops, "POST", Fixture.path(org, primaryOf(ops, org)) + "/deactivate", null, 409, "PRIMARY_CONTACT_CANNOT_BE_DEACTIVATED"),
                new Case("reactivating an active contact", ops, "POST", Fixture.path(org, memberId) + "/reactivate", null, 409, "INVALID_STATE_TRANSITION"),
                new Case("re-sending to an active contact", ops, "POST", Fixture.path(org, memberId) + "/invitation", null, 409, "INVALID_STATE_TRANSITION"),
                new Case("the role to an invited contact", ops, "PUT", o + "/primary-contact", "{\"userId\":\"" + invited + "\"}", 409, "TARGET_NOT_ACTIVE"))
                .forEach(cases::add);
    }

    private static String primaryOf(LampssApi ops, String org) {
        return ops.get("/organizations/" + org + "/contacts?max=1").items().get(0).get("id").toString();
    }

    /** What is wrong with the reply, or null: a 4xx of the expected code, a message, no hostile input repeated. */
    private static String problem(Case c, LampssApi.Reply reply) {
        if (reply.status() != c.status() || !c.error().equals(reply.error())) {
            return "expected " + c.status() + " " + c.error();
        }
        Object message = reply.json().get("message");
        if (!(message instanceof String text) || text.isBlank()) {
            return "no message";
        }
        String body = reply.body();
        if (body.contains("<script") || body.contains("DROP TABLE") || body.contains("' OR")) {
            return "the hostile input is repeated";
        }
        return null;
    }

    /** Everything a refused request could have written, compared before and after the whole corpus. */
    private record Snapshot(Rows rows, int users, Object organizations, Object otherContacts) {
    }

    /** Compared after every case: our tables (memberships, invitations, audit), the organization's contacts and grants, emails sent. */
    private record Rows(Object lampssRows, Object contacts, int emails) {
    }

    private Rows rows(LampssApi ops, LampssApi admin, String org) {
        Map<String, Object> rows = admin.get("/export").json();
        rows.remove("exportedAt");
        return new Rows(rows, ops.get("/organizations/" + org + "/contacts?activeOnly=false&max=100").json(),
                mail.getReceivedMessages().length);
    }

    private Snapshot snapshot(LampssApi ops, LampssApi admin, String org, String other) {
        return new Snapshot(rows(ops, admin, org), realm.admin().users().count(), ops.get("/organizations?max=100").json(),
                ops.get("/organizations/" + other + "/contacts?activeOnly=false&max=100").json());
    }

    private String username(String userId) {
        return realm.admin().users().get(userId).toRepresentation().getUsername();
    }

    private static String flip(String signature) {
        char last = signature.charAt(signature.length() - 2);
        return signature.substring(0, signature.length() - 2) + (last == 'A' ? 'B' : 'A') + signature.charAt(signature.length() - 1);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
