package ca.novascotia.lampss.model;

import ca.novascotia.lampss.domain.MembershipState;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The drift check: every difference between the organizations' groups and our membership rows, as
 * the groups are read by department applications (tokens) and the rows by LaMPSS. Six set-based
 * queries for the whole realm, whatever its number of organizations (no query per organization):
 * <ol>
 *   <li>{@code NOT_ACTIVE_IN_GROUP}: a member of an organization group without an ACTIVE row there;</li>
 *   <li>{@code ACTIVE_NOT_IN_GROUP}: an ACTIVE row whose person is not in the organization group;</li>
 *   <li>{@code PROFILE_NOT_ACTIVE}: a member of a profile subgroup who is not an ACTIVE contact there;</li>
 *   <li>{@code PRIMARY_ATTRIBUTE_WITHOUT_ROW}: the group's primary-contact attribute names someone whose
 *       row is not the primary row;</li>
 *   <li>{@code PRIMARY_ROW_WITHOUT_ATTRIBUTE}: the primary row's person is not named by the attribute;</li>
 *   <li>{@code PERSON_DELETED}: a row whose person's account is gone (deleted where LaMPSS could not
 *       see it: a partial import's overwrite, or by hand in the database).</li>
 * </ol>
 */
public final class Consistency {

    /** One difference: its kind (above), where, who, and for {@code PROFILE_NOT_ACTIVE} which profile. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Difference(String kind, String organizationId, String userId, String profile) {

        private static final Comparator<Difference> ORDER = Comparator.comparing(Difference::organizationId)
                .thenComparing(Difference::kind).thenComparing(d -> String.valueOf(d.userId()));

        Difference(String kind, Object organizationId, Object userId, Object profile) {
            this(kind, (String) organizationId, (String) userId, (String) profile);
        }
    }

    private static final String ACTIVE = MembershipState.ACTIVE.name();

    private final LampssRealm lampss;

    public Consistency(LampssRealm lampss) {
        this.lampss = lampss;
    }

    /** The differences, ordered by organization, kind and person; empty when groups and rows agree. */
    public List<Difference> differences() {
        String root = lampss.organizationsRoot().getId();
        String realm = lampss.realm().getId();
        List<Difference> found = new ArrayList<>();

        for (Object[] row : lampss.em().createQuery("select g.id, m.user.id from UserGroupMembershipEntity m, GroupEntity g"
                        + " where g.id = m.groupId and g.parentId = :root and not exists (select r.id from MembershipEntity r"
                        + " where r.organizationId = g.id and r.userId = m.user.id and r.state = :active)", Object[].class)
                .setParameter("root", root).setParameter("active", ACTIVE).getResultList()) {
            found.add(new Difference("NOT_ACTIVE_IN_GROUP", row[0], row[1], null));
        }
        for (Object[] row : lampss.em().createQuery("select r.organizationId, r.userId from MembershipEntity r"
                        + " where r.realmId = :realm and r.state = :active and not exists (select m.groupId"
                        + " from UserGroupMembershipEntity m where m.groupId = r.organizationId and m.user.id = r.userId)"
                        + " and exists (select u.id from UserEntity u where u.id = r.userId)", Object[].class)
                .setParameter("realm", realm).setParameter("active", ACTIVE).getResultList()) {
            found.add(new Difference("ACTIVE_NOT_IN_GROUP", row[0], row[1], null));
        }
        for (Object[] row : lampss.em().createQuery("select o.id, m.user.id, p.name from UserGroupMembershipEntity m,"
                        + " GroupEntity p, GroupEntity o where p.id = m.groupId and p.parentId = o.id and o.parentId = :root"
                        + " and not exists (select r.id from MembershipEntity r where r.organizationId = o.id"
                        + " and r.userId = m.user.id and r.state = :active)", Object[].class)
                .setParameter("root", root).setParameter("active", ACTIVE).getResultList()) {
            found.add(new Difference("PROFILE_NOT_ACTIVE", row[0], row[1], row[2]));
        }
        for (Object[] row : lampss.em().createQuery("select a.group.id, a.value from GroupAttributeEntity a"
                        + " where a.name = :attribute and a.group.parentId = :root and not exists (select r.id"
                        + " from MembershipEntity r where r.primaryOf = a.group.id and r.userId = a.value)", Object[].class)
                .setParameter("attribute", Organizations.PRIMARY_CONTACT).setParameter("root", root).getResultList()) {
            found.add(new Difference("PRIMARY_ATTRIBUTE_WITHOUT_ROW", row[0], row[1], null));
        }
        for (Object[] row : lampss.em().createQuery("select r.primaryOf, r.userId from MembershipEntity r"
                        + " where r.realmId = :realm and r.primaryOf is not null and not exists (select a.id"
                        + " from GroupAttributeEntity a where a.group.id = r.primaryOf and a.name = :attribute"
                        + " and a.value = r.userId)", Object[].class)
                .setParameter("realm", realm).setParameter("attribute", Organizations.PRIMARY_CONTACT).getResultList()) {
            found.add(new Difference("PRIMARY_ROW_WITHOUT_ATTRIBUTE", row[0], row[1], null));
        }
        for (Object[] row : lampss.em().createQuery("select r.organizationId, r.userId from MembershipEntity r"
                        + " where r.realmId = :realm and not exists (select u.id from UserEntity u where u.id = r.userId)",
                        Object[].class)
                .setParameter("realm", realm).getResultList()) {
            found.add(new Difference("PERSON_DELETED", row[0], row[1], null));
        }
        found.sort(Difference.ORDER);
        return found;
    }
}
