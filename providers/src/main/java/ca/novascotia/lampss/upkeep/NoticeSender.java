package ca.novascotia.lampss.upkeep;

import ca.novascotia.lampss.invitation.mail.InvitationEmails;
import ca.novascotia.lampss.onboarding.Shares;
import ca.novascotia.lampss.store.InvitationEntity;
import ca.novascotia.lampss.store.Notices;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Sends a batch of due notices at most once each: their rows are written and committed first (a
 * second node, or the next pass, then finds them taken), then the emails go out in a few shares at
 * once (rendering and SMTP are most of the cost), then the ones the mail server refused are marked.
 */
final class NoticeSender {

    static final int SHARES = 4;

    private final Batches batches;
    private final ExecutorService shares;

    NoticeSender(Batches batches, ExecutorService shares) {
        this.batches = batches;
        this.shares = shares;
    }

    /** @return how many emails went out */
    int send(String realmId, List<Notice> notices) {
        if (notices.isEmpty()) {
            return 0;
        }
        long now = Time.currentTimeMillis();
        List<Notices.Row> rows = notices.stream().map(notice -> new Notices.Row(notice.kind(), notice.subjectId(), notice.occasion(),
                recipientId(notice), reachable(notice) ? Notices.SENT : Notices.SKIPPED)).toList();
        batches.run("claim", (KeycloakSession session) -> Notices.claimAll(
                session.getProvider(JpaConnectionProvider.class).getEntityManager(), realmId, now, rows));
        List<Notice> sendable = notices.stream().filter(NoticeSender::reachable).toList();
        List<Notice> failed = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> broken;
        try {
            broken = Shares.run(shares, SHARES, sendable,
                    mine -> batches.run("send", (KeycloakSession session) -> sendShare(session, realmId, mine, failed)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        if (!broken.isEmpty()) {
            throw new IllegalStateException("a share of notices failed", broken.get(0));
        }
        if (!failed.isEmpty()) {
            batches.run("mark", (KeycloakSession session) -> failed.forEach(notice -> Notices.failed(
                    session.getProvider(JpaConnectionProvider.class).getEntityManager(), notice.kind(), notice.subjectId(),
                    notice.occasion(), recipientId(notice))));
        }
        return sendable.size() - failed.size();
    }

    private static void sendShare(KeycloakSession session, String realmId, List<Notice> notices, List<Notice> failed) {
        RealmModel realm = session.realms().getRealm(realmId);
        Upkeep.background(session, realm);
        InvitationEmails emails = new InvitationEmails(session);
        for (Notice notice : notices) {
            GroupModel group = session.groups().getGroupById(realm, notice.organizationId());
            if (group != null && !send(session, realm, emails, group, notice)) {
                failed.add(notice);
            }
        }
    }

    private static boolean send(KeycloakSession session, RealmModel realm, InvitationEmails emails, GroupModel group, Notice notice) {
        var to = notice.recipient().asUser(session, realm);
        return switch (notice.kind()) {
            case Notice.INVITATION_REMINDER -> emails.sendInvitationReminder(group, to,
                    notice.other() == null ? null : notice.other().asUser(session, realm), invitation(notice));
            case Notice.INVITATION_EXPIRED -> emails.sendInvitationExpired(group, to, notice.other().asUser(session, realm),
                    invitation(notice));
            case Notice.CAMPAIGN_OPENED, Notice.CAMPAIGN_REMINDER -> emails.sendCampaign(group, to,
                    Notice.CAMPAIGN_OPENED.equals(notice.kind()), notice.when(), notice.pending(), notice.total(),
                    ca.novascotia.lampss.domain.Recertification.of(realm::getAttribute).overdue().name());
            default -> throw new IllegalArgumentException(notice.kind());
        };
    }

    /** What the email needs of the invitation: its id (in the link's token) and its expiry. */
    private static InvitationEntity invitation(Notice notice) {
        InvitationEntity invitation = new InvitationEntity();
        invitation.setId(notice.subjectId());
        invitation.setExpiresAt(notice.when());
        return invitation;
    }

    private static boolean reachable(Notice notice) {
        return notice.recipient() != null && notice.recipient().reachable();
    }

    private static String recipientId(Notice notice) {
        return notice.recipient() == null ? "-" : notice.recipient().id();
    }
}
