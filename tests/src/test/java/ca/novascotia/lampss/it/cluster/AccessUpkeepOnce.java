package ca.novascotia.lampss.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.LampssApi;
import ca.novascotia.lampss.it.api.Mailbox;
import ca.novascotia.lampss.it.api.People;
import ca.novascotia.lampss.it.api.RealmAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * Every reminder and notice of access over time, on two nodes that both run the scheduled work: an
 * invitation reminded twice and expired, a campaign opened, reminded and overdue, a request decided,
 * a profile changed; then each email arrived exactly once, and no period of the access upkeep ran
 * on both nodes.
 */
final class AccessUpkeepOnce {

    private static final Pattern PASS = Pattern.compile("access upkeep ran for period (\\d+) in realm");

    private final TwoNodes cluster;
    private final RealmResource realm;
    private final Fixture fixture;
    private final People peopleOnB;
    private final LampssApi opsOnB;

    AccessUpkeepOnce(TwoNodes cluster, RealmResource realm, Fixture fixture, People peopleOnB, LampssApi opsOnB) {
        this.cluster = cluster;
        this.realm = realm;
        this.fixture = fixture;
        this.peopleOnB = peopleOnB;
        this.opsOnB = opsOnB;
    }

    String run() throws Exception {
        String org = fixture.organization("sr");
        Fixture.Member manager = fixture.primaryContact(org);
        Fixture.Member staff = fixture.activeMember(org, "ofa-user");
        LampssApi managerOnB = peopleOnB.signInAs(manager.userId());
        RealmAttributes.set(realm, Map.of("lampss.invitationLifetime", "PT36S", "lampss.invitationReminders", "PT24S,PT12S",
                "lampss.recertificationOpenFor", "PT36S", "lampss.recertificationReminders", "PT18S",
                "lampss.recertificationOverdue", "FLAG"));
        long started = System.currentTimeMillis();
        try {
            String invitee = Fixture.unique("late") + "@example.ca";
            assertEquals(201, managerOnB.post("/organizations/" + org + "/contacts", Map.of("firstName", "Lee", "lastName", "Late",
                    "email", invitee, "profiles", List.of("ofa-user"))).status());
            assertEquals(201, opsOnB.post("/organizations/" + org + "/campaign", Map.of()).status());
            LampssApi.Reply asked = managerOnB.post("/organizations/" + org + "/requests", Map.of("userId", staff.userId(),
                    "profile", "sr-administrator", "reason", "Runs intake"));
            assertEquals(201, asked.status(), asked::toString);
            assertEquals(200, fixture.operationsSupport.post("/requests/" + asked.string("id") + "/approve", Map.of()).status());

            Thread.sleep(Math.max(0, started + 50_000 - System.currentTimeMillis()));
            Map<String, Integer> expected = new TreeMap<>(Map.of(
                    invitee + " expires soon", 2,
                    manager.email() + " expired", 1,
                    manager.email() + " confirm who has access for Org", 2,
                    manager.email() + " LaMPSS reminder", 1,
                    manager.email() + " access request", 1,
                    staff.email() + " access request", 1));
            Map<String, Integer> received = new TreeMap<>();
            expected.keySet().forEach(key -> received.put(key, Mailbox.to(cluster.mail, key.substring(0, key.indexOf(' ')), key.substring(key.indexOf(' ') + 1)).size()));
            assertEquals(expected, received, "each reminder and notice once (the opening notice and the reminder share a subject)");
            assertEquals("FLAG", opsOnB.get("/organizations/" + org + "/campaign").string("overdueApplied"));
            Map<Long, List<String>> passes = passes();
            List<Long> twice = passes.entrySet().stream().filter(e -> e.getValue().stream().distinct().count() > 1)
                    .map(Map.Entry::getKey).toList();
            assertTrue(twice.isEmpty(), "access upkeep periods run on both nodes: " + twice);
            long onA = passes.values().stream().flatMap(List::stream).filter(cluster.a.name::equals).count();
            long onB = passes.values().stream().flatMap(List::stream).filter(cluster.b.name::equals).count();
            return String.format("ACCESS_UPKEEP_ONCE emails=%d passes=%d passes_node_a=%d passes_node_b=%d periods_run_twice=%d",
                    received.values().stream().mapToInt(Integer::intValue).sum(), passes.size(), onA, onB, twice.size());
        } finally {
            RealmAttributes.set(realm, Map.of("lampss.invitationLifetime", "P30D", "lampss.invitationReminders", "P7D,P1D",
                    "lampss.recertificationOpenFor", "P30D", "lampss.recertificationReminders", "P7D,P1D"));
        }
    }

    private Map<Long, List<String>> passes() {
        Map<Long, List<String>> runs = new TreeMap<>();
        for (KeycloakNode node : List.of(cluster.a, cluster.b)) {
            Matcher matcher = PASS.matcher(node.logText());
            while (matcher.find()) {
                runs.computeIfAbsent(Long.parseLong(matcher.group(1)), period -> new ArrayList<>()).add(node.name);
            }
        }
        return runs;
    }
}
