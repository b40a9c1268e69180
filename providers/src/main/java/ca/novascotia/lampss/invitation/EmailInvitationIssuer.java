package ca.novascotia.lampss.invitation;

import ca.novascotia.lampss.metrics.LampssMetrics;
import ca.novascotia.lampss.model.Organizations;
import ca.novascotia.lampss.store.InvitationEntity;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;
import org.keycloak.services.resources.LoginActionsService;

/**
 * Issues an invitation: the stored record (superseding any pending one), the signed single-use
 * action token that points to it, and the bilingual email with the link. An email that cannot be
 * sent fails the whole request, so no contact is left invited without an invitation.
 */
public final class EmailInvitationIssuer implements InvitationIssuer {

    static final String TEMPLATE = "lampss-invitation.ftl";
    static final ZoneId PROVINCE = ZoneId.of("America/Halifax");

    private final KeycloakSession session;

    public EmailInvitationIssuer(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void issue(GroupModel organization, UserModel invitee, UserModel inviter, String message, Locale locale) {
        RealmModel realm = session.getContext().getRealm();
        InvitationEntity invitation = new Invitations(session, realm).issue(organization.getId(), invitee.getId(), inviter.getId());
        String link = link(realm, invitee, invitation);
        send(realm, invitee, inviter, organization, message, link, Instant.ofEpochMilli(invitation.getExpiresAt()));
        LampssMetrics.invitationSent(realm.getName());
    }

    private String link(RealmModel realm, UserModel invitee, InvitationEntity invitation) {
        UriInfo uri = session.getContext().getUri();
        InvitationActionToken token = new InvitationActionToken(invitee.getId(),
                (int) (invitation.getExpiresAt() / 1000), invitation.getId());
        String serialized = token.serialize(session, realm, uri);
        URI base = uri.getBaseUri();
        return Urls.loginActionsBase(base).path(LoginActionsService.class, "executeActionToken")
                .queryParam("key", serialized).build(realm.getName()).toString();
    }

    private void send(RealmModel realm, UserModel invitee, UserModel inviter, GroupModel group, String message,
                      String link, Instant expires) {
        var organization = Organizations.toDomain(group);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("link", link);
        attributes.put("organizationNameEn", organization.nameEn());
        attributes.put("organizationNameFr", organization.nameFr());
        attributes.put("inviterName", displayName(inviter));
        attributes.put("invitationMessage", message);
        attributes.put("expiryEn", DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.CANADA).format(expires.atZone(PROVINCE)));
        attributes.put("expiryFr", DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.CANADA_FRENCH).format(expires.atZone(PROVINCE)));
        try {
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(invitee)
                    .send("lampssInvitationSubject", List.of(organization.nameEn(), organization.nameFr()), TEMPLATE, attributes);
        } catch (EmailException e) {
            throw new NotSentException(e);
        }
    }

    private static String displayName(UserModel user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? user.getUsername() : name;
    }
}
