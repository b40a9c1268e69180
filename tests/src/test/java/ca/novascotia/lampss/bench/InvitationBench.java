package ca.novascotia.lampss.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.it.ShippedRealmConfig;
import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.People;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * (c) Invitation creation throughput: Operations Support adds contacts to one organization from
 * several workers at once; each addition stores the invitation and delivers its email over real
 * SMTP (GreenMail) before answering, and the emails that actually arrived are counted.
 */
@KeycloakIntegrationTest(config = BenchServerConfig.class)
class InvitationBench {

    private static final String FILE = "invitations";
    private static final String DOMAIN = "@invited.bench.example.ca";

    @InjectRealm(ref = "lampss", config = ShippedRealmConfig.Lampss.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    /** The My NS Account stand-in, where the invited people sign in to accept (Fixture.activate). */
    @InjectRealm(ref = "mynsaccount", config = ShippedRealmConfig.MyNsAccount.class)
    ManagedRealm mynsaccount;

    @Test
    void invitationThroughput() throws Exception {
        int seconds = Bench.setting("invitations.seconds", 30);
        int warmup = Bench.setting("invitations.warmup", 10);
        int workers = Bench.setting("invitations.workers", 4);
        People people = new People(realm);
        String username = Fixture.unique("ops");
        Fixture fixture = new Fixture(people, people.operationsSupport(username), mail, mynsaccount);
        String token = people.accessToken(username);
        String organization = fixture.organization();
        fixture.primaryContact(organization);

        AtomicInteger sequence = new AtomicInteger();
        Load.run(workers(workers, organization, token, "warmup", sequence), Duration.ofSeconds(warmup), 201);
        int before = mail.getReceivedMessages().length;
        Load.Result result = Load.run(workers(workers, organization, token, "measured", sequence),
                Duration.ofSeconds(seconds), 201);
        assertEquals(0, result.failed(), result.firstFailure());

        mail.waitForIncomingEmail(10_000, before + result.ok());
        Set<String> delivered = measuredRecipients(mail.getReceivedMessages());
        Bench.report(FILE, "invitations", Bench.values("workers", workers, "seconds", result.seconds(),
                "created", result.ok(), "per_second", result.perSecond(), "p50_ms", result.p(0.5),
                "p95_ms", result.p(0.95), "emails_delivered", delivered.size(), "failed", result.failed()));
        assertEquals(result.ok(), delivered.size(), "one email per invitation, delivered before the API answered");
        assertTrue(result.ok() > 0);
    }

    /** Each worker adds a new person at every request. */
    private List<Supplier<HttpRequest>> workers(int count, String organization, String token, String phase,
                                                AtomicInteger sequence) {
        List<Supplier<HttpRequest>> workers = new ArrayList<>();
        URI uri = URI.create(realm.getBaseUrl() + "/lampss/organizations/" + organization + "/contacts");
        for (int w = 0; w < count; w++) {
            workers.add(() -> {
                int n = sequence.incrementAndGet();
                String body = "{\"firstName\":\"Invited\",\"lastName\":\"Person " + n + "\",\"email\":\"" + phase + "-" + n
                        + DOMAIN + "\",\"profiles\":[\"ofa-user\"],\"invitationMessage\":\"Welcome to LaMPSS.\"}";
                return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            });
        }
        return workers;
    }

    private static Set<String> measuredRecipients(MimeMessage[] messages) throws MessagingException {
        Set<String> recipients = new HashSet<>();
        for (MimeMessage message : messages) {
            for (Address address : message.getAllRecipients()) {
                if (address.toString().startsWith("measured-") && address.toString().endsWith(DOMAIN)) {
                    recipients.add(address.toString());
                }
            }
        }
        return recipients;
    }
}
