package ca.novascotia.lampss.model;

import ca.novascotia.lampss.domain.Invitation;
import ca.novascotia.lampss.domain.MembershipState;
import ca.novascotia.lampss.model.LampssExport.AuditRow;
import ca.novascotia.lampss.model.LampssExport.InvitationRow;
import ca.novascotia.lampss.model.LampssExport.MembershipRow;
import ca.novascotia.lampss.store.AuditEntryEntity;
import ca.novascotia.lampss.store.InvitationEntity;
import ca.novascotia.lampss.store.MembershipEntity;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.common.util.Time;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Our tables' rows of one realm, out and in ({@link LampssExport}). An import goes into a realm
 * that holds none of our rows yet (a new server after Keycloak's realm import), all or nothing:
 * every organization and person a membership or invitation names must exist there, found by id or
 * else by organization number and username. Row ids are kept when free, so the id inside an
 * emailed invitation link still names its invitation.
 */
public final class RealmData {

    private final LampssRealm lampss;
    /** Organization number → id, read once per import. */
    private Map<String, String> organizationsByNumber = Map.of();

    public RealmData(LampssRealm lampss) {
        this.lampss = lampss;
    }

    public LampssExport export() {
        Map<String, String> numbers = organizationNumbers();
        Map<String, String> usernames = lampss.em().createQuery("select u.id, u.username from UserEntity u where u.realmId = :realm",
                        Object[].class)
                .setParameter("realm", realmId()).getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> (String) row[1]));
        List<MembershipRow> memberships = rows(MembershipEntity.class, "createdAt").stream()
                .map(m -> new MembershipRow(m.getId(), m.getOrganizationId(), numbers.get(m.getOrganizationId()), m.getUserId(),
                        usernames.get(m.getUserId()), m.getState(), m.getPrimaryOf() != null,
                        Memberships.heldProfiles(m.getHeldProfiles()).stream().map(p -> p.roleName()).toList(),
                        m.getCreatedAt(), m.getCreatedBy(), m.getUpdatedAt(), m.getUpdatedBy(), m.getAcceptedAt()))
                .toList();
        List<InvitationRow> invitations = rows(InvitationEntity.class, "createdAt").stream()
                .map(i -> new InvitationRow(i.getId(), i.getOrganizationId(), numbers.get(i.getOrganizationId()), i.getUserId(),
                        usernames.get(i.getUserId()), i.getState(), i.getCreatedAt(), i.getCreatedBy(), i.getExpiresAt(),
                        i.getEndedAt()))
                .toList();
        List<AuditRow> audit = rows(AuditEntryEntity.class, "time").stream()
                .map(a -> new AuditRow(a.getId(), a.getOrganizationId(), numbers.get(a.getOrganizationId()), a.getTime(),
                        a.getActorId(), a.getActorUsername(), a.getAction(), a.getTargetUserId(), a.getTargetUsername(),
                        a.getBefore(), a.getAfter()))
                .toList();
        return new LampssExport(LampssExport.FORMAT, lampss.realm().getName(), Time.currentTimeMillis(), memberships,
                invitations, audit);
    }

    /** How many rows of each kind an import wrote. */
    public record Imported(int memberships, int invitations, int audit) {
    }

    public Imported importAll(LampssExport data) {
        if (!LampssExport.FORMAT.equals(data.format())) {
            throw new Refused("IMPORT_INVALID", "format");
        }
        if (count(MembershipEntity.class) + count(InvitationEntity.class) + count(AuditEntryEntity.class) > 0) {
            throw new Refused("IMPORT_TARGET_NOT_EMPTY", null);
        }
        List<MembershipRow> memberships = orEmpty(data.memberships());
        List<InvitationRow> invitations = orEmpty(data.invitations());
        List<AuditRow> audit = orEmpty(data.audit());
        Set<String> primaries = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        organizationsByNumber = new HashMap<>();
        organizationNumbers().forEach((id, number) -> organizationsByNumber.put(number, id));
        require(memberships.stream().allMatch(row -> row != null), "memberships");
        require(invitations.stream().allMatch(row -> row != null), "invitations");
        require(audit.stream().allMatch(row -> row != null), "audit");
        for (int i = 0; i < memberships.size(); i++) {
            importMembership(memberships.get(i), "memberships[" + i + "]", primaries, pairs);
        }
        for (int i = 0; i < invitations.size(); i++) {
            importInvitation(invitations.get(i), "invitations[" + i + "]");
        }
        for (int i = 0; i < audit.size(); i++) {
            importAudit(audit.get(i), "audit[" + i + "]");
        }
        lampss.em().flush();
        return new Imported(memberships.size(), invitations.size(), audit.size());
    }

    /** Deletes our rows of a realm being removed, so that its ids leave nothing behind. */
    public static void forget(EntityManager em, String realmId) {
        em.createQuery("delete from OnboardingRowEntity r where r.jobId in"
                + " (select j.id from OnboardingJobEntity j where j.realmId = :realm)").setParameter("realm", realmId).executeUpdate();
        em.createQuery("delete from OnboardingJobEntity j where j.realmId = :realm").setParameter("realm", realmId).executeUpdate();
        em.createQuery("delete from CampaignReviewEntity r where r.campaignId in"
                + " (select c.id from CampaignEntity c where c.realmId = :realm)").setParameter("realm", realmId).executeUpdate();
        em.createNativeQuery("delete from LAMPSS_NOTICE where REALM_ID = ?1").setParameter(1, realmId).executeUpdate();
        for (String entity : List.of("MembershipEntity", "InvitationEntity", "AuditEntryEntity", "AccessRequestEntity", "CampaignEntity")) {
            em.createQuery("delete from " + entity + " e where e.realmId = :realm").setParameter("realm", realmId).executeUpdate();
        }
    }

    private void importMembership(MembershipRow row, String at, Set<String> primaries, Set<String> pairs) {
        String organizationId = organization(row.organizationId(), row.organizationNumber(), at);
        String userId = person(row.userId(), row.username(), at);
        require(Arrays.stream(MembershipState.values()).anyMatch(s -> s.name().equals(row.state())), at + ".state");
        require(pairs.add(organizationId + "/" + userId), at);
        boolean primary = Boolean.TRUE.equals(row.primaryContact());
        require(!primary || primaries.add(organizationId), at + ".primaryContact");
        List<String> held = orEmpty(row.heldProfiles());
        require(held.stream().allMatch(name -> name != null && Known.profile(name).isPresent()), at + ".heldProfiles");
        MembershipEntity entity = new MembershipEntity();
        entity.setId(freeId(MembershipEntity.class, row.id()));
        entity.setRealmId(realmId());
        entity.setOrganizationId(organizationId);
        entity.setUserId(userId);
        entity.setState(row.state());
        entity.setPrimaryOf(primary ? organizationId : null);
        entity.setHeldProfiles(held.isEmpty() ? null : String.join(",", held));
        entity.setCreatedAt(orNow(row.createdAt()));
        entity.setCreatedBy(mapped(row.createdBy()));
        entity.setUpdatedAt(orNow(row.updatedAt()));
        entity.setUpdatedBy(mapped(row.updatedBy()));
        // Files of earlier versions carry no acceptance time: an active membership was accepted.
        entity.setAcceptedAt(row.acceptedAt() != null ? row.acceptedAt()
                : MembershipState.ACTIVE.name().equals(row.state()) ? entity.getUpdatedAt() : null);
        lampss.em().persist(entity);
        new ActiveMembers(lampss).mirror(entity);
    }

    private void importInvitation(InvitationRow row, String at) {
        String organizationId = organization(row.organizationId(), row.organizationNumber(), at);
        String userId = person(row.userId(), row.username(), at);
        require(Arrays.stream(Invitation.State.values()).anyMatch(s -> s.name().equals(row.state())), at + ".state");
        require(row.expiresAt() != null, at + ".expiresAt");
        InvitationEntity entity = new InvitationEntity();
        entity.setId(freeId(InvitationEntity.class, row.id()));
        entity.setRealmId(realmId());
        entity.setOrganizationId(organizationId);
        entity.setUserId(userId);
        entity.setState(row.state());
        entity.setCreatedAt(orNow(row.createdAt()));
        entity.setCreatedBy(mapped(row.createdBy()));
        entity.setExpiresAt(row.expiresAt());
        entity.setEndedAt(row.endedAt());
        lampss.em().persist(entity);
    }

    /** History: an organization or person that no longer exists keeps the id it had. */
    private void importAudit(AuditRow row, String at) {
        require(row.organizationId() != null && row.organizationId().length() <= 36, at + ".organizationId");
        require(row.actorId() != null && row.actorId().length() <= 36, at + ".actorId");
        require(row.action() != null && row.action().length() <= 64 && row.time() != null, at + ".action");
        require(fits(row.before()) && fits(row.after()) && short255(row.actorUsername()) && short255(row.targetUsername())
                && (row.targetUserId() == null || row.targetUserId().length() <= 36), at);
        AuditEntryEntity entity = new AuditEntryEntity();
        entity.setId(freeId(AuditEntryEntity.class, row.id()));
        entity.setRealmId(realmId());
        entity.setOrganizationId(findOrganization(row.organizationId(), row.organizationNumber()).orElse(row.organizationId()));
        entity.setTime(row.time());
        entity.setActorId(findPerson(row.actorId(), row.actorUsername()).orElse(row.actorId()));
        entity.setActorUsername(row.actorUsername());
        entity.setAction(row.action());
        entity.setTargetUserId(row.targetUserId() == null ? null
                : findPerson(row.targetUserId(), row.targetUsername()).orElse(row.targetUserId()));
        entity.setTargetUsername(row.targetUsername());
        entity.setBefore(row.before());
        entity.setAfter(row.after());
        lampss.em().persist(entity);
    }

    private String organization(String id, String number, String at) {
        return findOrganization(id, number).orElseThrow(() -> new Refused("IMPORT_UNRESOLVED", at + ".organization"));
    }

    private String person(String id, String username, String at) {
        return findPerson(id, username).orElseThrow(() -> new Refused("IMPORT_UNRESOLVED", at + ".user"));
    }

    private Optional<String> findOrganization(String id, String number) {
        Optional<GroupModel> byId = new Organizations(lampss).findGroup(id);
        if (byId.isPresent() || number == null) {
            return byId.map(GroupModel::getId);
        }
        return Optional.ofNullable(organizationsByNumber.get(number));
    }

    private Optional<String> findPerson(String id, String username) {
        UserModel user = id == null || id.length() > 36 ? null : lampss.session().users().getUserById(lampss.realm(), id);
        if (user == null && username != null) {
            user = lampss.session().users().getUserByUsername(lampss.realm(), username);
        }
        return Optional.ofNullable(user).map(UserModel::getId);
    }

    /** Who created or changed a row: the same person here if found, else the id as it was. */
    private String mapped(String userId) {
        return userId == null || userId.length() > 36 ? null : findPerson(userId, null).orElse(userId);
    }

    private String freeId(Class<?> entity, String id) {
        return id != null && id.length() <= 36 && lampss.em().find(entity, id) == null ? id : KeycloakModelUtils.generateId();
    }

    private Map<String, String> organizationNumbers() {
        Map<String, String> numbers = new HashMap<>();
        lampss.organizationsRoot().getSubGroupsStream().forEach(group -> numbers.put(group.getId(), group.getName()));
        return numbers;
    }

    private <T> List<T> rows(Class<T> entity, String order) {
        return lampss.em().createQuery("select e from " + entity.getSimpleName() + " e where e.realmId = :realm order by e."
                        + order + ", e.id", entity)
                .setParameter("realm", realmId()).getResultList();
    }

    private long count(Class<?> entity) {
        return lampss.em().createQuery("select count(e) from " + entity.getSimpleName() + " e where e.realmId = :realm", Long.class)
                .setParameter("realm", realmId()).getSingleResult();
    }

    private String realmId() {
        return lampss.realm().getId();
    }

    private static void require(boolean valid, String at) {
        if (!valid) {
            throw new Refused("IMPORT_INVALID", at);
        }
    }

    private static boolean fits(String state) {
        return state == null || state.length() <= AuditEntryEntity.MAX_STATE_LENGTH;
    }

    private static boolean short255(String text) {
        return text == null || text.length() <= 255;
    }

    private static long orNow(Long time) {
        return time == null ? Time.currentTimeMillis() : time;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** The import is refused: {@code code} is the API error code, {@code at} the row and field at fault. */
    public static final class Refused extends RuntimeException {

        private final String code;
        private final String at;

        Refused(String code, String at) {
            super(code + (at == null ? "" : " at " + at));
            this.code = code;
            this.at = at;
        }

        public String code() {
            return code;
        }

        public String at() {
            return at;
        }
    }
}
