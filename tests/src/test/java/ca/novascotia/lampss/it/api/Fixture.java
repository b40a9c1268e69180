package ca.novascotia.lampss.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.util.JsonSerialization;

/**
 * Builds organizations and their people through the API, as Operations Support would. A contact
 * becomes active the only way a person does: by accepting the emailed invitation, over real HTTP
 * (the link, the sign-in button, the sign-in form of the My NS Account stand-in, and back through
 * the broker, where the server's InvitationGate links the identity and activates the membership).
 */
public final class Fixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /**
     * Each person's identity at the stand-in, by LaMPSS user id: created once, so a person who
     * accepts a second organization signs in as the same identity (pairwise subjects link one
     * identity to one account). Static because several fixtures may build the same people.
     */
    private static final Map<String, String> STAND_IN_IDENTITIES = new ConcurrentHashMap<>();

    public final LampssApi operationsSupport;
    public final People people;
    private final MailServer mail;
    private final ManagedRealm mynsaccount;

    public Fixture(People people, LampssApi operationsSupport, MailServer mail, ManagedRealm mynsaccount) {
        this.people = people;
        this.operationsSupport = operationsSupport;
        this.mail = mail;
        this.mynsaccount = mynsaccount;
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
        assertEquals(Boolean.FALSE, added.json().get("primaryContact"), "not the organization's first contact");
        String userId = added.string("id");
        activate(organizationId, userId);
        return new Member(organizationId, userId, email, people.signInAs(userId));
    }

    /**
     * A new organization's primary contact, active, holding what Operations Support gives a primary
     * contact (Self-Service with Full Update, and PCC Administrator for a college) and {@code profiles}:
     * the organization's first contact, who accepts their invitation.
     */
    public Member primaryContact(String organizationId, String... profiles) {
        String email = unique("primary") + "@example.ca";
        LampssApi.Reply added = addContact(organizationId, email, profiles);
        assertEquals(201, added.status(), added::toString);
        assertEquals(Boolean.TRUE, added.json().get("primaryContact"), "the first contact is the primary contact");
        assertEquals("INVITED", added.string("state"), "invited until they accept");
        String primaryId = added.string("id");
        activate(organizationId, primaryId);
        return new Member(organizationId, primaryId, email, people.signInAs(primaryId));
    }

    /**
     * The invited contact accepts the invitation of this organization: the newest email to them that
     * carries it, followed in a browser without JavaScript, signed in at the stand-in as their own
     * identity there; then the membership is ACTIVE, as Operations Support reads it.
     */
    public void activate(String organizationId, String userId) {
        activateAs(organizationId, userId, null, People.PASSWORD);
    }

    /**
     * As {@link #activate}, signing in at the stand-in as the given existing identity there (e.g. one of
     * the shipped stand-in people), or as a new one made for the person when {@code standInUsername} is null.
     */
    public void activateAs(String organizationId, String userId, String standInUsername, String standInPassword) {
        long started = System.nanoTime();
        LampssApi.Reply contact = operationsSupport.get(path(organizationId, userId));
        assertEquals(200, contact.status(), contact::toString);
        assertEquals("INVITED", contact.string("state"), () -> "only an invited contact accepts an invitation: " + contact);
        String link = invitationLink(organizationId, userId, contact.string("email"));
        long identityStarted = System.nanoTime();
        String standIn = standInUsername != null ? standInUsername : STAND_IN_IDENTITIES.computeIfAbsent(userId,
                id -> standInIdentity(contact.string("firstName"), contact.string("lastName")));
        long browserStarted = System.nanoTime();
        String page = accept(link, standIn, standInPassword);
        long browserEnded = System.nanoTime();
        LampssApi.Reply after = operationsSupport.get(path(organizationId, userId));
        assertEquals("ACTIVE", after.string("state"), () -> "not active after accepting as " + standIn + ": " + after
                + "\nthe last page:\n" + page);
        System.out.printf("FIXTURE acceptance_ms=%d stand_in_identity_ms=%d browser_ms=%d%n", (System.nanoTime() - started) / 1_000_000,
                (browserStarted - identityStarted) / 1_000_000, (browserEnded - browserStarted) / 1_000_000);
    }

    public void transfer(String organizationId, String userId) {
        ok(operationsSupport.put("/organizations/" + organizationId + "/primary-contact", Map.of("userId", userId)));
    }

    public static String path(String organizationId, String userId) {
        return "/organizations/" + organizationId + "/contacts/" + userId;
    }

    /**
     * The link of the newest email to {@code email} whose token stands for the person's waiting
     * invitation to this organization (someone invited to two organizations has two emails).
     */
    private String invitationLink(String organizationId, String userId, String email) {
        String invitationId = waitingInvitation(organizationId, userId);
        try {
            for (int attempt = 0; attempt < 50; attempt++) {
                MimeMessage[] messages = mail.getReceivedMessages();
                for (int i = messages.length - 1; i >= 0; i--) {
                    if (messages[i].getAllRecipients()[0].toString().equalsIgnoreCase(email)) {
                        // Other emails (e.g. a notice that their access changed elsewhere) carry no invitation link.
                        Matcher link = InvitationMail.LINK.matcher(InvitationMail.part(messages[i], "text/plain"));
                        if (link.find() && invitationId.equals(invitationIdOf(link.group(1)))) {
                            return link.group(1);
                        }
                    }
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the emails to " + email, e);
        }
        throw new AssertionError("no email to " + email + " carries invitation " + invitationId + " of organization " + organizationId);
    }

    /** The id of the person's pending invitation to this organization, as Operations Support lists them. */
    private String waitingInvitation(String organizationId, String userId) {
        for (int first = 0; ; first += 100) {
            LampssApi.Reply page = operationsSupport.get("/organizations/" + organizationId + "/invitations?first=" + first + "&max=100");
            assertEquals(200, page.status(), page::toString);
            for (Map<String, Object> invitation : page.items()) {
                if (userId.equals(invitation.get("userId"))) {
                    assertEquals("PENDING", invitation.get("state"), () -> "the invitation to accept: " + invitation);
                    return (String) invitation.get("id");
                }
            }
            if (page.items().size() < 100) {
                throw new AssertionError("no waiting invitation of " + userId + " to organization " + organizationId);
            }
        }
    }

    @SuppressWarnings("unchecked")
    /** The invitation an emailed link's token names (its {@code inv} claim). */
    public static String invitationIdOf(String link) throws IOException {
        String key = URLDecoder.decode(URI.create(link).getRawQuery().replaceFirst("^key=", ""), StandardCharsets.UTF_8);
        Map<String, Object> claims = JsonSerialization.readValue(Base64.getUrlDecoder().decode(key.split("\\.")[1]), Map.class);
        return (String) claims.get("inv");
    }

    /** A new person at the stand-in, with the test password; returns their username. */
    public String standInIdentity(String firstName, String lastName) {
        String username = unique("myns");
        UserRepresentation person = new UserRepresentation();
        person.setUsername(username);
        person.setEmail(username + "@example.ca");
        person.setFirstName(firstName);
        person.setLastName(lastName);
        person.setEnabled(true);
        person.setEmailVerified(true);
        person.setCredentials(List.of(People.password()));
        try (var response = mynsaccount.admin().users().create(person)) {
            assertEquals(201, response.getStatus(), () -> "creating " + username + " at the stand-in");
        }
        return username;
    }

    /**
     * Follows the link, clicks the sign-in button, signs in at the stand-in and checks the browser is
     * back in the realm that sent the link; returns the text of the page it landed on.
     */
    private String accept(String link, String standInUsername, String standInPassword) {
        String realm = link.substring(0, link.indexOf("/login-actions/"));
        try (WebClient browser = new WebClient()) {
            browser.getOptions().setJavaScriptEnabled(false);
            browser.getOptions().setCssEnabled(false);
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            browser.getOptions().setPrintContentOnFailingStatusCode(false);
            Page invitation = browser.getPage(link);
            Page signIn = element(invitation, "lampss-invitation-sign-in").click();
            if (!signIn.getUrl().toString().startsWith(mynsaccount.getBaseUrl())) {
                throw new AssertionError("the sign-in button led to " + signIn.getUrl() + ", not the stand-in:\n" + text(signIn));
            }
            ((HtmlInput) element(signIn, "username")).setValue(standInUsername);
            ((HtmlInput) element(signIn, "password")).setValue(standInPassword);
            Page landed = element(signIn, "kc-login").click();
            if (!landed.getUrl().toString().startsWith(realm + "/")) {
                throw new AssertionError("accepting as " + standInUsername + " landed at " + landed.getUrl() + ", not in " + realm
                        + ":\n" + text(landed));
            }
            return landed.getUrl() + "\n" + text(landed);
        } catch (IOException e) {
            throw new IllegalStateException("accepting " + link, e);
        }
    }

    private static HtmlElement element(Page page, String id) {
        DomElement element = page instanceof HtmlPage html ? html.getElementById(id) : null;
        if (!(element instanceof HtmlElement found)) {
            throw new AssertionError("no #" + id + " at " + page.getUrl() + ":\n" + text(page));
        }
        return found;
    }

    private static String text(Page page) {
        return page instanceof HtmlPage html ? html.asNormalizedText() : page.getWebResponse().getContentAsString();
    }

    private static void ok(LampssApi.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
    }
}
