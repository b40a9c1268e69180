package ca.novascotia.lampss.invitation.mail;

import ca.novascotia.lampss.invitation.link.InvitationActionToken;

import ca.novascotia.lampss.domain.SecurityProfile;
import ca.novascotia.lampss.metrics.LampssMetrics;
import ca.novascotia.lampss.model.Organizations;
import ca.novascotia.lampss.model.StandInUser;
import ca.novascotia.lampss.store.AccessRequestEntity;
import ca.novascotia.lampss.store.InvitationEntity;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.urls.UrlType;

/**
 * LaMPSS's emails to people: the bilingual invitation with its signed single-use link, the notice to
 * an address that stopped being a person's, and the notice of a change of their access. An
 * invitation or an address notice that cannot be sent fails the whole request, so no contact is left
 * invited without an invitation.
 */
public final class InvitationEmails {

    static final String TEMPLATE = "lampss-invitation.ftl";
    static final String EMAIL_CHANGED_TEMPLATE = "lampss-email-changed.ftl";
    static final String ACCESS_CHANGED_TEMPLATE = "lampss-access-changed.ftl";
    private static final Logger LOG = Logger.getLogger(InvitationEmails.class);
    static final ZoneId PROVINCE = ZoneId.of("America/Halifax");
    /** Realm attribute: whom to ask whether a LaMPSS email is genuine (a team, an address, a phone), in every email. */
    public static final String HELP_ATTRIBUTE = "lampss.emailHelp";

    private final KeycloakSession session;
    private final RealmModel realm;

    public InvitationEmails(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    /** Sends the stored invitation to the invitee's current address. */
    public void sendInvitation(GroupModel group, UserModel invitee, UserModel inviter, String message, InvitationEntity invitation) {
        Map<String, Object> attributes = organization(group);
        attributes.put("link", link(invitee, invitation));
        attributes.put("inviterName", displayName(inviter));
        attributes.put("invitationMessage", message);
        dates(attributes, "expiry", invitation.getExpiresAt());
        send(invitee, "lampssInvitationSubject", names(attributes), TEMPLATE, attributes);
        LampssMetrics.invitationSent(realm.getName());
    }

    /** Tells {@code oldEmail} that it is no longer the person's address, so links sent there stopped working. */
    public void sendEmailChanged(UserModel person, String oldEmail, UserModel changedBy) {
        UserModel oldAddress = StandInUser.of(session, realm, person.getId(), "an address, not an account");
        oldAddress.setEmail(oldEmail);
        oldAddress.setFirstName(person.getFirstName());
        oldAddress.setLastName(person.getLastName());
        Map<String, Object> attributes = common();
        attributes.put("oldEmail", oldEmail);
        attributes.put("changedBy", displayName(changedBy));
        send(oldAddress, "lampssEmailChangedSubject", List.of(), EMAIL_CHANGED_TEMPLATE, attributes);
    }

    /**
     * Tells a person their access in an organization changed: the profiles they hold there now, or
     * that they were deactivated there.
     */
    public void sendAccessChanged(GroupModel group, UserModel person, UserModel changedBy, Set<SecurityProfile> profiles,
                                  boolean deactivated) {
        Map<String, Object> attributes = organization(group);
        attributes.put("changedBy", displayName(changedBy));
        attributes.put("deactivated", deactivated);
        List<SecurityProfile> held = profiles.stream().sorted().toList();
        attributes.put("profilesEn", held.stream().map(SecurityProfile::labelEn).toList());
        attributes.put("profilesFr", held.stream().map(SecurityProfile::labelFr).toList());
        attributes.put("link", attributes.get("linkBase") + "lampss/console/");
        notice("access-changed", person, "lampssAccessChangedSubject", names(attributes), ACCESS_CHANGED_TEMPLATE, attributes);
    }

    /** Reminds an invited person, before their invitation expires, with the same link (still single-use). */
    public boolean sendInvitationReminder(GroupModel group, UserModel invitee, UserModel inviter, InvitationEntity invitation) {
        Map<String, Object> attributes = organization(group);
        attributes.put("link", link(invitee, invitation));
        attributes.put("inviterName", inviter == null ? "LaMPSS" : displayName(inviter));
        dates(attributes, "expiry", invitation.getExpiresAt());
        return notice("invitation-reminder", invitee, "lampssInvitationReminderSubject", names(attributes),
                "lampss-invitation-reminder.ftl", attributes);
    }

    /** Tells whoever sent an invitation that it expired unused. */
    public boolean sendInvitationExpired(GroupModel group, UserModel inviter, UserModel invitee, InvitationEntity invitation) {
        Map<String, Object> attributes = organization(group);
        attributes.put("link", attributes.get("linkBase") + "lampss/console/o/" + group.getId() + "/contacts/" + invitee.getId());
        attributes.put("inviteeName", displayName(invitee));
        attributes.put("inviteeEmail", invitee.getEmail() == null ? "" : invitee.getEmail());
        dates(attributes, "expiry", invitation.getExpiresAt());
        return notice("invitation-expired", inviter, "lampssInvitationExpiredSubject", names(attributes),
                "lampss-invitation-expired.ftl", attributes);
    }

    /**
     * To one of an organization's contact managers: a recertification campaign opened ({@code opened}),
     * or its due date nears.
     */
    public boolean sendCampaign(GroupModel group, UserModel manager, boolean opened, long dueAt, long pending, long total, String overdue) {
        Map<String, Object> attributes = organization(group);
        attributes.put("link", attributes.get("linkBase") + "lampss/console/o/" + group.getId() + "/review");
        attributes.put("opened", opened);
        attributes.put("pending", pending);
        attributes.put("total", total);
        attributes.put("overdue", overdue);
        dates(attributes, "due", dueAt);
        return notice(opened ? "campaign-opened" : "campaign-reminder", manager,
                opened ? "lampssCampaignOpenedSubject" : "lampssCampaignReminderSubject", names(attributes), "lampss-campaign.ftl", attributes);
    }

    /** Tells the asker and the person (each once, if reachable) that Operations Support decided a request. */
    public void sendRequestDecided(GroupModel group, AccessRequestEntity request, UserModel person, UserModel asker, UserModel decidedBy) {
        Map<String, Object> attributes = organization(group);
        attributes.put("link", attributes.get("linkBase") + "lampss/console/o/" + group.getId() + "/requests");
        attributes.put("approved", "APPROVED".equals(request.getState()));
        attributes.put("decidedBy", displayName(decidedBy));
        attributes.put("askerName", asker == null ? "" : displayName(asker));
        attributes.put("personName", displayName(person));
        SecurityProfile profile = SecurityProfile.fromRoleName(request.getProfile());
        attributes.put("profileEn", profile.labelEn());
        attributes.put("profileFr", profile.labelFr());
        if (request.getDecision() != null) {
            attributes.put("decision", request.getDecision());
        }
        for (UserModel to : asker == null || asker.getId().equals(person.getId()) ? List.of(person) : List.of(person, asker)) {
            if (reachable(to)) {
                notice("request-decided", to, "lampssRequestDecidedSubject", names(attributes), "lampss-request-decided.ftl", attributes);
            }
        }
    }

    /**
     * Whether a notice may go to this account: it has an address, and no identity admin disabled it
     * (LaMPSS turns sign-in off for people with no active organization; they still hear from us).
     */
    public static boolean reachable(UserModel user) {
        return user.getEmail() != null && !user.getEmail().isBlank()
                && (user.isEnabled() || ca.novascotia.lampss.model.People.signInOffByLampss(user));
    }

    /**
     * A notice that cannot be delivered is logged and counted, and whatever caused it stands (unlike
     * an invitation, nothing waits on it).
     */
    private boolean notice(String kind, UserModel to, String subjectKey, List<Object> subjectValues, String template,
                        Map<String, Object> attributes) {
        try {
            send(to, subjectKey, subjectValues, template, attributes);
            LampssMetrics.notice(realm.getName(), kind, true);
            return true;
        } catch (NotSentException notSent) {
            LOG.warnf(notSent.getCause(), "%s notice to user %s not sent", kind, to.getId());
            LampssMetrics.notice(realm.getName(), kind, false);
            return false;
        }
    }

    private Map<String, Object> organization(GroupModel group) {
        var organization = Organizations.toDomain(group);
        Map<String, Object> attributes = common();
        attributes.put("organizationNameEn", organization.nameEn());
        attributes.put("organizationNameFr", organization.nameFr());
        return attributes;
    }

    /** The subject's values: the organization's English and French names. */
    private static List<Object> names(Map<String, Object> attributes) {
        return List.of(attributes.get("organizationNameEn"), attributes.get("organizationNameFr"));
    }

    private static void dates(Map<String, Object> attributes, String name, long epochMillis) {
        Instant when = Instant.ofEpochMilli(epochMillis);
        attributes.put(name + "En", DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.CANADA).format(when.atZone(PROVINCE)));
        attributes.put(name + "Fr", DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.CANADA_FRENCH).format(when.atZone(PROVINCE)));
    }

    /**
     * What every LaMPSS email tells about itself (see the layout's "Is this email genuine?"): where its
     * links lead, the realm's address on the configured frontend URL, and whom to ask.
     */
    private Map<String, Object> common() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("linkBase", session.getContext().getUri(UrlType.FRONTEND).getBaseUri()
                .resolve("realms/" + realm.getName() + "/").toString());
        String help = realm.getAttribute(HELP_ATTRIBUTE);
        if (help != null && !help.isBlank()) {
            attributes.put("emailHelp", help.strip());
        }
        return attributes;
    }

    /**
     * The link names the server's configured frontend URL ({@code --hostname}), never the Host or
     * X-Forwarded-Host of the request that caused it: a forged header must not send people elsewhere.
     */
    private String link(UserModel invitee, InvitationEntity invitation) {
        var uri = session.getContext().getUri(UrlType.FRONTEND);
        InvitationActionToken token = new InvitationActionToken(invitee.getId(),
                (int) (invitation.getExpiresAt() / 1000), invitation.getId());
        String serialized = token.serialize(session, realm, uri);
        URI base = uri.getBaseUri();
        return Urls.loginActionsBase(base).path(LoginActionsService.class, "executeActionToken")
                .queryParam("key", serialized).build(realm.getName()).toString();
    }

    private void send(UserModel to, String subjectKey, List<Object> subjectValues, String template, Map<String, Object> attributes) {
        try {
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(to)
                    .send(subjectKey, subjectValues, template, attributes);
        } catch (EmailException e) {
            throw new NotSentException(e);
        }
    }

    private static String displayName(UserModel user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? user.getUsername() : name;
    }

    /** An email could not be delivered (e.g. the mail server refused it); the request must fail. */
    public static class NotSentException extends RuntimeException {
        public NotSentException(Throwable cause) {
            super("an invitation email could not be sent", cause);
        }
    }
}
