package ca.novascotia.lampss.model;

import ca.novascotia.lampss.domain.MembershipState;
import ca.novascotia.lampss.domain.SecurityProfile;
import jakarta.persistence.TypedQuery;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an organization's contacts for lists, searches and exports, paged in the database: a count,
 * one page of memberships joined to the people, and the profiles of that page: three queries per
 * page, whatever the organization's size.
 */
public final class ContactDirectory {

    private static final String SELECT = "select m.userId, u.username, u.firstName, u.lastName, u.email, m.state, m.primaryOf, m.heldProfiles";
    /** The columns of SELECT; the export key follows them. */
    private static final int SELECTED = 8;
    /**
     * The list's order as a key the export can resume after: primary contact first, then last and
     * first name, then id. A missing name sorts as an empty one, so the key compares alike on every
     * database (they disagree on where nulls go).
     */
    private static final List<String> EXPORT_KEY = List.of("case when m.primaryOf is null then 1 else 0 end",
            "coalesce(lower(u.lastName), '')", "coalesce(lower(u.firstName), '')", "m.userId");

    private final LampssRealm lampss;
    private final ProfileGrants grants;

    public ContactDirectory(LampssRealm lampss, ProfileGrants grants) {
        this.lampss = lampss;
        this.grants = grants;
    }

    /** Primary contact first, then by last and first name. */
    public Page<Contact> page(String organizationId, String search, boolean activeOnly, int first, int max) {
        String ofOrganization = " m.organizationId = :organization"
                + (activeOnly ? " and m.state <> '" + MembershipState.INACTIVE.name() + "'" : "");
        String where = " from MembershipEntity m, UserEntity u where u.id = m.userId and" + ofOrganization
                + (search == null ? "" : searchCondition(search));
        // Without a search the count needs no names: from the index (organization, state) alone. (A row
        // whose person is gone would count without being listed: drift, which GET /consistency reports.)
        long total = bind(lampss.em().createQuery(search == null ? "select count(m.state) from MembershipEntity m where" + ofOrganization
                : "select count(m)" + where, Long.class), organizationId, search).getSingleResult();
        List<Object[]> rows = bind(lampss.em().createQuery(SELECT + where
                        + " order by case when m.primaryOf is null then 1 else 0 end, lower(u.lastName), lower(u.firstName), m.userId",
                Object[].class), organizationId, search)
                .setFirstResult(first).setMaxResults(max).getResultList();
        return new Page<>(withProfiles(organizationId, rows), total, first, max);
    }

    /**
     * First name, last name or email containing the text; with a space in it, the full name too. Text
     * without a space that matches "first last" matches one of the two names already, so only then
     * is the full name left out: the three conditions alone can use one index (changelog 0.6.0).
     */
    private static String searchCondition(String search) {
        return " and (lower(u.firstName) like :q escape '\\' or lower(u.lastName) like :q escape '\\'"
                + " or lower(u.email) like :q escape '\\'"
                + (search.indexOf(' ') < 0 ? "" : " or lower(concat(u.firstName, ' ', u.lastName)) like :q escape '\\'") + ")";
    }

    /** One page of an export, and the key to resume after (null after the last page). */
    public record Batch(List<Contact> contacts, Object[] next) {
    }

    /**
     * Every contact of the organization (every state), {@code max} at a time in {@link #EXPORT_KEY}
     * order, after the key {@code after} (null for the first page): keyset paging, so each page costs
     * the same two or three queries, with no count, however far into the organization it is.
     */
    public Batch batch(String organizationId, Object[] after, int max) {
        TypedQuery<Object[]> query = lampss.em().createQuery(SELECT + ", " + String.join(", ", EXPORT_KEY)
                + " from MembershipEntity m, UserEntity u where u.id = m.userId and m.organizationId = :organization"
                + (after == null ? "" : " and " + greater(0)) + " order by " + String.join(", ", EXPORT_KEY), Object[].class)
                .setParameter("organization", organizationId)
                .setMaxResults(max);
        for (int i = 0; after != null && i < after.length; i++) {
            query.setParameter("k" + i, after[i]);
        }
        List<Object[]> rows = query.getResultList();
        Object[] next = rows.size() < max ? null
                : Arrays.copyOfRange(rows.get(rows.size() - 1), SELECTED, SELECTED + EXPORT_KEY.size());
        return new Batch(withProfiles(organizationId, rows), next);
    }

    /** {@code (key_i, …) > (:k_i, …)} spelled out, as not every database compares rows of values. */
    private static String greater(int i) {
        String key = EXPORT_KEY.get(i);
        String bound = ":k" + i;
        return i == EXPORT_KEY.size() - 1 ? key + " > " + bound
                : "(" + key + " > " + bound + " or (" + key + " = " + bound + " and " + greater(i + 1) + "))";
    }

    public Optional<Contact> find(String organizationId, String userId) {
        List<Object[]> rows = lampss.em().createQuery(SELECT + " from MembershipEntity m, UserEntity u"
                        + " where u.id = m.userId and m.organizationId = :organization and m.userId = :user", Object[].class)
                .setParameter("organization", organizationId)
                .setParameter("user", userId)
                .getResultList();
        return withProfiles(organizationId, rows).stream().findFirst();
    }

    /** These people as contacts of the organization (those who are), in one query and their profiles in another. */
    public Map<String, Contact> findAll(String organizationId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = lampss.em().createQuery(SELECT + " from MembershipEntity m, UserEntity u"
                        + " where u.id = m.userId and m.organizationId = :organization and m.userId in :users", Object[].class)
                .setParameter("organization", organizationId)
                .setParameter("users", userIds)
                .getResultList();
        Map<String, Contact> found = new HashMap<>();
        withProfiles(organizationId, rows).forEach(contact -> found.put(contact.userId(), contact));
        return found;
    }

    /** When each person last signed in to the realm, from Keycloak's stored LOGIN events. */
    public Map<String, Long> lastSignIns(Collection<String> userIds) {
        Map<String, Long> result = new HashMap<>();
        if (userIds.isEmpty()) {
            return result;
        }
        lampss.em().createQuery("select e.userId, max(e.time) from EventEntity e where e.realmId = :realm"
                        + " and e.type = 'LOGIN' and e.userId in :users group by e.userId", Object[].class)
                .setParameter("realm", lampss.realm().getId())
                .setParameter("users", userIds)
                .getResultList()
                .forEach(row -> result.put((String) row[0], (Long) row[1]));
        return result;
    }

    private <T> TypedQuery<T> bind(TypedQuery<T> query, String organizationId, String search) {
        query.setParameter("organization", organizationId);
        if (search != null) {
            query.setParameter("q", "%" + Like.escape(search.toLowerCase(Locale.ROOT)) + "%");
        }
        return query;
    }

    /** Active members' profiles are their group memberships (one query); others' are in the row (see MemberProfiles). */
    private List<Contact> withProfiles(String organizationId, List<Object[]> rows) {
        Map<String, Set<SecurityProfile>> granted = grants.heldBy(organizationId, rows.stream()
                .filter(row -> MembershipState.ACTIVE.name().equals(row[5])).map(row -> (String) row[0]).toList());
        return rows.stream().map(row -> {
            MembershipState state = MembershipState.valueOf((String) row[5]);
            Set<SecurityProfile> profiles = switch (state) {
                case ACTIVE -> granted.getOrDefault((String) row[0], EnumSet.noneOf(SecurityProfile.class));
                case INVITED -> Memberships.heldProfiles((String) row[7]);
                case INACTIVE -> EnumSet.noneOf(SecurityProfile.class);
            };
            Set<SecurityProfile> setAside = state == MembershipState.INACTIVE
                    ? Memberships.heldProfiles((String) row[7]) : EnumSet.noneOf(SecurityProfile.class);
            return new Contact((String) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                    state, row[6] != null, profiles, setAside);
        }).toList();
    }
}
