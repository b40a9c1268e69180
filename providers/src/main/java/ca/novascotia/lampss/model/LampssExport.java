package ca.novascotia.lampss.model;

import java.util.List;

/**
 * Our own data of one realm as a portable JSON document ({@code GET /lampss/export}, {@code POST
 * /lampss/import}): the membership rows (state, primary contact, profiles held aside), the stored
 * invitations and the audit trail. Keycloak's realm export carries the rest (organizations as
 * groups, grants as group memberships, the people). Each row names its organization and people by
 * id and also by organization number and username, so an import into a realm whose ids differ still
 * finds them.
 */
public record LampssExport(String format, String realm, Long exportedAt, List<MembershipRow> memberships,
                           List<InvitationRow> invitations, List<AuditRow> audit) {

    /** The one format this code writes and reads. */
    public static final String FORMAT = "lampss-export/1";

    public record MembershipRow(String id, String organizationId, String organizationNumber, String userId,
                                String username, String state, Boolean primaryContact, List<String> heldProfiles,
                                Long createdAt, String createdBy, Long updatedAt, String updatedBy, Long acceptedAt) {
    }

    public record InvitationRow(String id, String organizationId, String organizationNumber, String userId,
                                String username, String state, Long createdAt, String createdBy, Long expiresAt,
                                Long endedAt) {
    }

    public record AuditRow(String id, String organizationId, String organizationNumber, Long time, String actorId,
                           String actorUsername, String action, String targetUserId, String targetUsername,
                           String before, String after) {
    }
}
