package ca.novascotia.lampss.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.LampssServerConfig;
import ca.novascotia.lampss.it.ShippedRealmConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/** Parallel transfers of the primary contact role leave exactly one primary contact. */
@KeycloakIntegrationTest(config = LampssServerConfig.class)
class PrimaryContactRaceTest {

    private static final int ROUNDS = 5;
    private static final int RACERS = 6;

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm realm;

    /** Adding a contact sends the invitation email; a refused delivery fails the request. */
    @InjectMailServer
    MailServer mail;

    /** The My NS Account stand-in, where the invited people sign in to accept (Fixture.activate). */
    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    @Test
    void parallelTransfersLeaveExactlyOnePrimaryContact() throws Exception {
        People people = new People(realm);
        LampssApi ops = people.operationsSupport(Fixture.unique("ops"));
        Fixture fixture = new Fixture(people, ops, mail, mynsaccount);
        String org = fixture.organization();
        Fixture.Member primary = fixture.primaryContact(org);
        List<String> successors = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            successors.add(fixture.activeMember(org).userId());
        }
        ExecutorService pool = Executors.newFixedThreadPool(RACERS + 1);
        int won = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<LampssApi.Reply>> replies = new ArrayList<>();
                for (String successor : successors) {
                    replies.add(CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return ops.put("/organizations/" + org + "/primary-contact", Map.of("userId", successor));
                    }, pool));
                }
                start.countDown();
                for (CompletableFuture<LampssApi.Reply> reply : replies) {
                    LampssApi.Reply r = reply.get();
                    assertTrue(r.status() == 200 || Set.of("CONCURRENT_CHANGE", "ALREADY_PRIMARY_CONTACT").contains(r.error()),
                            "won, or refused as a lost race, never a 5xx: " + r);
                    won += r.status() == 200 ? 1 : 0;
                }
                assertEquals(1, primaries(ops, org).size(), "round " + round + ": exactly one primary contact");
            }
        } finally {
            pool.shutdownNow();
        }
        List<Map<String, Object>> audit = ops.get("/organizations/" + org + "/audit?max=100").items();
        long recorded = audit.stream().filter(a -> "PRIMARY_CONTACT_TRANSFERRED".equals(a.get("action"))).count();
        System.out.println("RACE rounds=" + ROUNDS + " racers=" + RACERS + " transfers-won=" + won);
        assertTrue(won >= ROUNDS, "each round has a winner");
        assertEquals(won, recorded, "one audit row per committed transfer");
    }

    private static List<Object> primaries(LampssApi ops, String org) {
        return ops.get("/organizations/" + org + "/contacts?activeOnly=false&max=100").items().stream()
                .filter(contact -> Boolean.TRUE.equals(contact.get("primaryContact")))
                .map(contact -> contact.get("id")).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
