package ca.novascotia.lampss.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds organizations and their people through the API, as Operations Support would. People are
 * made active by deactivating and reactivating them (until the invitation issue lets them accept).
 */
public final class Fixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public final LampssApi operationsSupport;
    public final People people;

    public Fixture(People people, LampssApi operationsSupport) {
        this.people = people;
        this.operationsSupport = operationsSupport;
    }

    /** A person of an organization, and the API as them. */
    public record Member(String organizationId, String userId, String email, LampssApi api) {
    }

    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 100000 + "-" + SEQUENCE.incrementAndGet();
    }

    public String organization(String... modules) {
        String number = unique("NS");
        LampssApi.Reply created = operationsSupport.post("/organizations", Map.of(
                "nameEn", "Org " + number, "nameFr", "Organisme " + number, "externalNumber", number,
                "modules", List.of(modules)));
        assertEquals(201, created.status(), created::toString);
        return created.string("id");
    }

    public LampssApi.Reply addContact(String organizationId, String email, String... profiles) {
        return operationsSupport.post("/organizations/" + organizationId + "/contacts", Map.of(
                "firstName", "First " + email, "lastName", "Last " + email, "email", email, "profiles", List.of(profiles)));
    }

    /** An active contact holding exactly these profiles (plus none); not the primary contact. */
    public Member activeMember(String organizationId, String... profiles) {
        String email = unique("person") + "@example.ca";
        LampssApi.Reply added = addContact(organizationId, email, profiles);
        assertEquals(201, added.status(), added::toString);
        String userId = added.string("id");
        activate(organizationId, userId);
        return new Member(organizationId, userId, email, people.signInAs(userId));
    }

    /**
     * A new organization's primary contact, active, holding what Operations Support gives a primary
     * contact (Self-Service with Full Update, and PCC Administrator for a college) and {@code profiles}.
     */
    public Member primaryContact(String organizationId, String... profiles) {
        String email = unique("primary") + "@example.ca";
        LampssApi.Reply added = addContact(organizationId, email, profiles);
        assertEquals(201, added.status(), added::toString);
        assertEquals(Boolean.TRUE, added.json().get("primaryContact"), "the first contact is the primary contact");
        String primaryId = added.string("id");
        Member stand = activeMember(organizationId);
        transfer(organizationId, stand.userId());
        activate(organizationId, primaryId);
        transfer(organizationId, primaryId);
        ok(operationsSupport.post(path(organizationId, stand.userId()) + "/deactivate", null));
        return new Member(organizationId, primaryId, email, people.signInAs(primaryId));
    }

    public void activate(String organizationId, String userId) {
        ok(operationsSupport.post(path(organizationId, userId) + "/deactivate", null));
        ok(operationsSupport.post(path(organizationId, userId) + "/reactivate", null));
    }

    public void transfer(String organizationId, String userId) {
        ok(operationsSupport.put("/organizations/" + organizationId + "/primary-contact", Map.of("userId", userId)));
    }

    public static String path(String organizationId, String userId) {
        return "/organizations/" + organizationId + "/contacts/" + userId;
    }

    private static void ok(LampssApi.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
    }
}
