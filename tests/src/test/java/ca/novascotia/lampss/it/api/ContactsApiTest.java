package ca.novascotia.lampss.it.api;

import static ca.novascotia.lampss.it.api.Fixture.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/** Adding, listing, modifying, deactivating and reactivating contacts, through the real server. */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class ContactsApiTest {

    /** Counted when the server runs with the query-count setting, as the suite's does. */
    private static final String EXPORT_STATEMENTS = "lampss_access_review_statements_total";

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

    @BeforeEach
    void operationsSupport() {
        People people = new People(realm);
        ops = people.operationsSupport(Fixture.unique("ops"));
        fixture = new Fixture(people, ops, mail, mynsaccount);
    }

    @Test
    void theFirstContactIsThePrimaryContactWithWhatOperationsSupportGivesThem() {
        String org = fixture.organization("pcc");
        LampssApi.Reply first = fixture.addContact(org, Fixture.unique("first") + "@example.ca", "ofa-user");
        LampssApi.Reply second = fixture.addContact(org, Fixture.unique("second") + "@example.ca", "ofa-read-only");

        assertEquals(201, first.status(), first::toString);
        assertEquals("INVITED", first.string("state"));
        assertEquals(true, first.json().get("primaryContact"));
        assertEquals(List.of("ofa-self-service-full-update", "ofa-user", "pcc-administrator"), first.json().get("profiles"));
        assertEquals(false, second.json().get("primaryContact"));
        assertEquals(List.of("ofa-read-only"), second.json().get("profiles"));
        assertTrue(first.headers().get("location").get(0).endsWith(path(org, first.string("id"))));
    }

    @Test
    void aProfileIsAClientRoleThroughTheOrganizationsProfileSubgroup() {
        String org = fixture.organization("sr");
        fixture.primaryContact(org);
        Fixture.Member member = fixture.activeMember(org, "sr-user", "ofa-user");

        List<String> groups = realm.admin().users().get(member.userId()).groups().stream().map(GroupRepresentation::getPath).sorted().toList();
        String number = realm.admin().groups().group(org).toRepresentation().getName();
        assertEquals(List.of("/organizations/" + number, "/organizations/" + number + "/ofa-user",
                "/organizations/" + number + "/sr-user"), groups, "the organization's group lists its active members");
        assertEquals(List.of("ofa-user", "sr-user"), member.api().tokenProfiles(), "resource_access.lampss.roles");
    }

    @Test
    void theListPutsThePrimaryContactFirstAndHidesInactiveContactsUnlessAsked() {
        String org = fixture.organization();
        Fixture.Member primary = fixture.primaryContact(org);
        Fixture.Member aaron = named(org, "Aaron", "Zwicker");
        Fixture.Member zoe = named(org, "Zoe", "Abbott");
        assertEquals(200, ops.post(path(org, aaron.userId()) + "/deactivate", null).status());

        List<Map<String, Object>> active = ops.get("/organizations/" + org + "/contacts").items();
        List<Map<String, Object>> all = ops.get("/organizations/" + org + "/contacts?activeOnly=false").items();

        assertEquals(List.of(primary.userId(), zoe.userId()), ids(active), "primary first, Aaron (inactive) hidden");
        assertEquals(true, active.get(0).get("primaryContact"));
        // Aaron (inactive) is there too: primary first, then by last name.
        assertEquals(primary.userId(), all.get(0).get("id"));
        assertEquals("INACTIVE", all.stream().filter(c -> c.get("id").equals(aaron.userId())).findFirst().orElseThrow().get("state"));
        assertTrue(all.indexOf(byId(all, zoe.userId())) < all.indexOf(byId(all, aaron.userId())), "Abbott before Zwicker");
    }

    @Test
    void searchFindsByNameOrEmailAndPagesInTheDatabase() {
        String org = fixture.organization();
        fixture.primaryContact(org);
        Fixture.Member zoe = named(org, "Zoe", "Abbott");
        named(org, "Aaron", "Zwicker");

        List<Map<String, Object>> found = ops.get("/organizations/" + org + "/contacts?search=abbo").items();
        LampssApi.Reply page = ops.get("/organizations/" + org + "/contacts?first=1&max=1");
        LampssApi.Reply byEmail = ops.get("/organizations/" + org + "/contacts?search=" + LampssApi.query(zoe.email().toUpperCase()));

        assertEquals(List.of(zoe.userId()), ids(found));
        assertEquals(List.of(zoe.userId()), ids(byEmail.items()));
        assertEquals(3, ((Number) page.json().get("total")).intValue());
        assertEquals(1, page.items().size());
        assertEquals(400, ops.get("/organizations/" + org + "/contacts?max=1000").status());
        assertEquals(0, ops.get("/organizations/" + org + "/contacts?search=" + LampssApi.query("%")).items().size(),
                "% is a character to find, not a wildcard");
    }

    /**
     * A search with a space also looks in the full name ("first last"), one without does not need
     * to (ContactDirectory): the same people are found either way, with the same statements.
     */
    @Test
    void searchFindsAFullNameAcrossTheSpaceWithTheSameStatements() {
        String org = fixture.organization();
        fixture.primaryContact(org);
        Fixture.Member zoe = named(org, "Zoé", "Abbott-Quill");
        Fixture.Member aaron = named(org, "Aaron", "Zwicker");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("zoé abbott-quill", List.of(zoe.userId()));
        expected.put("É ABB", List.of(zoe.userId()));
        expected.put("abbott-q", List.of(zoe.userId()));
        expected.put("n zwi", List.of(aaron.userId()));
        expected.put("zoé zwicker", List.of());
        expected.put("zwicker aaron", List.of());
        expected.put("zwickeraaron", List.of());

        // A page without active members skips the profiles' statement: compare found with found, none with none.
        Map<Boolean, Set<Integer>> statements = new TreeMap<>();
        expected.forEach((search, ids) -> {
            LampssApi.Reply found = ops.get("/organizations/" + org + "/contacts?search=" + LampssApi.query(search));
            assertEquals(ids, ids(found.items()), search);
            statements.computeIfAbsent(ids.isEmpty(), empty -> new TreeSet<>()).add(found.queryCount());
        });
        assertEquals(Map.of(false, 1, true, 1), Map.of(false, statements.get(false).size(), true, statements.get(true).size()),
                "statements per search, with or without a space: " + statements);
    }

    @Test
    void modifyingAContactChangesDetailsAndProfilesAndTheNextTokenShowsThem() {
        String org = fixture.organization("sr");
        fixture.primaryContact(org);
        Fixture.Member member = fixture.activeMember(org, "ofa-user");
        String email = Fixture.unique("renamed") + "@example.ca";

        LampssApi.Reply updated = ops.put(path(org, member.userId()), Map.of(
                "firstName", "Renée", "lastName", "O'Brien", "email", email.toUpperCase(), "profiles", List.of("ofa-read-only", "sr-user")));

        assertEquals(200, updated.status(), updated::toString);
        assertEquals("Renée", updated.string("firstName"));
        assertEquals(email, updated.string("email"), "emails are kept in lower case");
        assertEquals(List.of("ofa-read-only", "sr-user"), updated.json().get("profiles"));
        assertEquals(List.of("ofa-read-only", "sr-user"), fixture.people.signInAs(member.userId()).tokenProfiles());
        Map<String, Object> audit = ops.get("/organizations/" + org + "/audit").items().get(0);
        assertEquals("CONTACT_UPDATED", audit.get("action"));
        assertEquals(List.of("ofa-user"), ((Map<?, ?>) audit.get("before")).get("profiles"));
        assertEquals(List.of("ofa-read-only", "sr-user"), ((Map<?, ?>) audit.get("after")).get("profiles"));
    }

    @Test
    void aDeactivatedContactLosesProfilesSessionsAndSignInAndGetsThemBackOnReactivation() {
        String org = fixture.organization();
        fixture.primaryContact(org);
        Fixture.Member member = fixture.activeMember(org, "ofa-user");
        assertEquals(200, member.api().get("/me").status());

        LampssApi.Reply deactivated = ops.post(path(org, member.userId()) + "/deactivate", null);

        assertEquals("INACTIVE", deactivated.string("state"));
        assertEquals(List.of(), deactivated.json().get("profiles"));
        assertEquals(401, member.api().get("/me").status(), "the session ended");
        assertNotEquals(200, fixture.people.signInStatus(member.userId()), "no active membership left: cannot sign in");

        LampssApi.Reply reactivated = ops.post(path(org, member.userId()) + "/reactivate", null);

        assertEquals("ACTIVE", reactivated.string("state"));
        assertEquals(List.of("ofa-user"), reactivated.json().get("profiles"));
        assertEquals(List.of("ofa-user"), fixture.people.signInAs(member.userId()).tokenProfiles());
    }

    @Test
    void thePrimaryContactCannotBeDeactivatedBeforeATransfer() {
        String org = fixture.organization();
        Fixture.Member primary = fixture.primaryContact(org);

        LampssApi.Reply refused = ops.inLanguage("fr-CA").post(path(org, primary.userId()) + "/deactivate", null);

        assertEquals(409, refused.status());
        assertEquals("PRIMARY_CONTACT_CANNOT_BE_DEACTIVATED", refused.error());
        assertTrue(refused.string("message").startsWith("La principale personne-ressource"), refused::toString);
        assertEquals("ACTIVE", ops.get(path(org, primary.userId())).string("state"));
    }

    @Test
    void everyChangeIsAnAdminEventAndAnAuditRow() {
        String org = fixture.organization();
        LampssApi.Reply added = fixture.addContact(org, Fixture.unique("audited") + "@example.ca");
        String userId = added.string("id");

        List<AdminEventRepresentation> events = realm.admin().getAdminEvents().stream()
                .filter(event -> "LAMPSS_ORGANIZATION".equals(event.getResourceType()))
                .filter(event -> event.getResourcePath().equals("lampss/organizations/" + org + "/contacts/" + userId))
                .toList();
        List<Map<String, Object>> audit = ops.get("/organizations/" + org + "/audit").items();

        assertEquals(1, events.size(), "one admin event for the contact");
        assertEquals("CREATE", events.get(0).getOperationType());
        assertTrue(events.get(0).getRepresentation().contains("INVITED"), events.get(0).getRepresentation());
        assertEquals(List.of("CONTACT_ADDED", "ORGANIZATION_CREATED"), audit.stream().map(a -> a.get("action")).toList());
        assertEquals(userId, ((Map<?, ?>) audit.get(0).get("target")).get("id"));
    }

    @Test
    void theAccessReviewExportIsCsvWithEveryContactAndNoFormulas() {
        String org = fixture.organization();
        Fixture.Member primary = fixture.primaryContact(org);
        String email = Fixture.unique("formula") + "@example.ca";
        ops.post("/organizations/" + org + "/contacts", Map.of("firstName", "=HYPERLINK(\"x\")", "lastName", "Smith, Jr.",
                "email", email, "profiles", List.of("ofa-user")));

        LampssApi.Reply csv = ops.get("/organizations/" + org + "/access-review");

        assertEquals(200, csv.status(), csv::toString);
        assertTrue(csv.headers().get("content-type").get(0).startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals("last_name,first_name,email,state,primary_contact,profiles,last_sign_in", lines.get(0));
        assertTrue(lines.get(1).contains(primary.email()) && lines.get(1).contains(",ACTIVE,true,"), lines.get(1));
        assertTrue(lines.get(1).matches(".*,\\d{4}-\\d\\d-\\d\\dT.*Z$"), "the primary contact signed in: " + lines.get(1));
        assertTrue(csv.body().contains("\"Smith, Jr.\",\"'=HYPERLINK(\"\"x\"\")\"," + "\"" + email + "\",INVITED,false,\"ofa-user\","),
                csv.body());
    }

    /**
     * The export, written page by page as it is read, says what it said when built whole: every
     * state in the list's order, profiles, quoting, and each last sign-in as Keycloak's events have it.
     */
    @Test
    void theAccessReviewListsEveryContactInTheListsOrderWithTheirLastSignIn() {
        String org = fixture.organization();
        Fixture.Member primary = fixture.primaryContact(org, "ofa-user");
        Fixture.Member zwicker = contact(org, "Aaron", "Zwicker", true, "ofa-read-only");
        Fixture.Member abbott = contact(org, "Zoe", "Abbott", true, "ofa-user", "ofa-read-only");
        Fixture.Member belanger = contact(org, "Yves", "Bélanger", false, "ofa-user");
        Fixture.Member entremont = contact(org, "Marie", "d'Entremont, Jr.", false);
        assertEquals(200, ops.post(path(org, zwicker.userId()) + "/deactivate", null).status());
        String number = ops.get("/organizations/" + org).string("externalNumber");

        LampssApi.Reply csv = ops.get("/organizations/" + org + "/access-review");

        assertEquals(200, csv.status(), csv::toString);
        assertEquals("text/csv;charset=UTF-8", csv.headers().get("content-type").get(0).replace(" ", ""));
        assertEquals("attachment; filename=\"access-review-" + number + ".csv\"", csv.headers().get("content-disposition").get(0));
        assertEquals(String.join("\r\n",
                "last_name,first_name,email,state,primary_contact,profiles,last_sign_in",
                "\"Last " + primary.email() + "\",\"First " + primary.email() + "\",\"" + primary.email()
                        + "\",ACTIVE,true,\"ofa-self-service-full-update ofa-user\"," + lastSignIn(primary),
                "\"Abbott\",\"Zoe\",\"" + abbott.email() + "\",ACTIVE,false,\"ofa-user ofa-read-only\"," + lastSignIn(abbott),
                "\"Bélanger\",\"Yves\",\"" + belanger.email() + "\",INVITED,false,\"ofa-user\",",
                "\"d'Entremont, Jr.\",\"Marie\",\"" + entremont.email() + "\",INVITED,false,\"\",",
                "\"Zwicker\",\"Aaron\",\"" + zwicker.email() + "\",INACTIVE,false,\"\"," + lastSignIn(zwicker)) + "\r\n",
                csv.body());
        assertTrue(lastSignIn(abbott).endsWith("Z"), "an active contact who accepted has signed in");
    }

    /**
     * The export runs after its headers are sent: X-Lampss-Query-Count counts the request's part
     * (authentication, authorization), and the server's diagnostic counter of the export's own
     * session (lampss_access_review_statements_total) the rest. Both are the same for 1 contact and 46.
     */
    @Test
    void theAccessReviewRunsTheSameNumberOfQueriesWhateverTheOrganizationsSize() {
        String small = fixture.organization();
        fixture.primaryContact(small);
        String large = fixture.organization();
        fixture.primaryContact(large);
        for (int i = 0; i < 45; i++) {
            assertEquals(201, fixture.addContact(large, Fixture.unique("bulk") + "@example.ca", "ofa-user", "ofa-read-only").status());
        }

        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (String org : List.of(small, large, small, large)) {
            String size = org.equals(small) ? "small" : "large";
            double before = ServerMetrics.value(EXPORT_STATEMENTS, "realm", realm.getName());
            LampssApi.Reply csv = ops.get("/organizations/" + org + "/access-review");
            assertEquals(200, csv.status(), csv::toString);
            assertEquals(org.equals(small) ? 2 : 47, csv.body().lines().count(), "the header and every contact");
            counts.put(size + ".request", csv.queryCount());
            counts.put(size + ".export", (int) (ServerMetrics.value(EXPORT_STATEMENTS, "realm", realm.getName()) - before));
        }
        System.out.println("QUERIES access review " + counts);

        assertTrue(counts.get("small.export") > 0, "the server counts the export's statements");
        assertEquals(counts.get("small.request"), counts.get("large.request"), counts::toString);
        assertEquals(counts.get("small.export"), counts.get("large.export"), counts::toString);
    }

    @Test
    void listsRunTheSameNumberOfQueriesWhateverTheOrganizationsSize() {
        String small = fixture.organization();
        fixture.primaryContact(small);
        String large = fixture.organization();
        fixture.primaryContact(large);
        for (int i = 0; i < 45; i++) {
            assertEquals(201, fixture.addContact(large, Fixture.unique("bulk") + "@example.ca", "ofa-user", "ofa-read-only").status());
        }

        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (String org : List.of(small, large, small, large)) {
            LampssApi.Reply contacts = ops.get("/organizations/" + org + "/contacts?max=20");
            LampssApi.Reply audit = ops.get("/organizations/" + org + "/audit?max=20");
            assertEquals(200, contacts.status());
            counts.put((org.equals(small) ? "small" : "large") + ".contacts", contacts.queryCount());
            counts.put((org.equals(small) ? "small" : "large") + ".audit", audit.queryCount());
        }
        System.out.println("QUERIES per page " + counts);

        assertTrue(counts.get("small.contacts") > 0, "the server reports its query count");
        assertEquals(counts.get("small.contacts"), counts.get("large.contacts"), counts::toString);
        assertEquals(counts.get("small.audit"), counts.get("large.audit"), counts::toString);
    }

    private Fixture.Member named(String org, String firstName, String lastName) {
        return contact(org, firstName, lastName, true);
    }

    /** A contact by name holding {@code profiles}, who accepts the invitation or not. */
    private Fixture.Member contact(String org, String firstName, String lastName, boolean accepts, String... profiles) {
        String email = Fixture.unique("contact") + "@example.ca";
        LampssApi.Reply added = ops.post("/organizations/" + org + "/contacts",
                Map.of("firstName", firstName, "lastName", lastName, "email", email, "profiles", List.of(profiles)));
        assertEquals(201, added.status(), added::toString);
        if (accepts) {
            fixture.activate(org, added.string("id"));
        }
        return new Fixture.Member(org, added.string("id"), email, null);
    }

    /** The person's latest LOGIN as Keycloak's own event API gives it (newest first), or "" when none. */
    private String lastSignIn(Fixture.Member member) {
        List<EventRepresentation> logins = realm.admin().getEvents(List.of("LOGIN"), null, member.userId(), null, null, null, 0, 1);
        return logins.isEmpty() ? "" : Instant.ofEpochMilli(logins.get(0).getTime()).toString();
    }

    private static List<Object> ids(List<Map<String, Object>> contacts) {
        return contacts.stream().map(contact -> contact.get("id")).toList();
    }

    private static Map<String, Object> byId(List<Map<String, Object>> contacts, String id) {
        return contacts.stream().filter(contact -> contact.get("id").equals(id)).findFirst().orElseThrow();
    }
}
