package ca.novascotia.lampss.model;

import ca.novascotia.lampss.domain.Module;
import ca.novascotia.lampss.domain.Organization;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keycloak.models.GroupModel;

/**
 * Organizations as Keycloak groups under the root group: the group's name is the external
 * organization number (unique, as sibling group names must be), its attributes hold the rest.
 */
public final class Organizations {

    public static final String NAME_EN = "lampss.nameEn";
    public static final String NAME_FR = "lampss.nameFr";
    public static final String EXTERNAL_NUMBER = "lampss.externalNumber";
    public static final String MODULES = "lampss.modules";
    /** The primary contact's user id, mirrored from the membership rows by {@link ActiveMembers}. */
    public static final String PRIMARY_CONTACT = "lampss.primaryContact";

    private final LampssRealm lampss;

    public Organizations(LampssRealm lampss) {
        this.lampss = lampss;
    }

    /** The organization with this group id, if it is one (a direct subgroup of the root). */
    public Optional<GroupModel> findGroup(String id) {
        if (id == null || id.length() > 36) {
            return Optional.empty();
        }
        GroupModel group = lampss.realm().getGroupById(id);
        String rootId = lampss.organizationsRoot().getId();
        return group != null && rootId.equals(group.getParentId()) ? Optional.of(group) : Optional.empty();
    }

    public Optional<Organization> find(String id) {
        return findGroup(id).map(Organizations::toDomain);
    }

    public boolean numberInUse(String externalNumber) {
        return lampss.em().createQuery(
                        "select count(g) from GroupEntity g where g.parentId = :root and g.name = :name", Long.class)
                .setParameter("root", lampss.organizationsRoot().getId())
                .setParameter("name", externalNumber)
                .getSingleResult() > 0;
    }

    /** Creates the group; the draft's id is ignored and the stored organization returned. */
    public Organization create(Organization draft) {
        GroupModel group = lampss.realm().createGroup(draft.externalNumber(), lampss.organizationsRoot());
        write(group, draft);
        return toDomain(group);
    }

    public void update(Organization organization) {
        write(findGroup(organization.id()).orElseThrow(), organization);
    }

    /**
     * A page of organizations, by number, whose number or either name contains {@code search}
     * (case-insensitive); limited to {@code onlyIds} unless that is null. Three queries whatever
     * the realm's size: count, page of ids, attributes of the page.
     */
    public Page<Organization> search(String search, Collection<String> onlyIds, int first, int max) {
        if (onlyIds != null && onlyIds.isEmpty()) {
            return new Page<>(List.of(), 0, first, max);
        }
        String where = " from GroupEntity g where g.parentId = :root"
                + (onlyIds == null ? "" : " and g.id in :ids")
                + (search == null ? "" : " and (lower(g.name) like :q escape '\\' or exists (select a from GroupAttributeEntity a"
                + " where a.group = g and a.name in ('" + NAME_EN + "', '" + NAME_FR + "') and lower(a.value) like :q escape '\\'))");
        long total = bind(lampss.em().createQuery("select count(g)" + where, Long.class), search, onlyIds).getSingleResult();
        List<Object[]> rows = bind(lampss.em().createQuery("select g.id, g.name" + where + " order by g.name", Object[].class),
                search, onlyIds).setFirstResult(first).setMaxResults(max).getResultList();
        Map<String, Map<String, List<String>>> attributes = attributesOf(rows.stream().map(row -> (String) row[0]).toList());
        List<Organization> items = rows.stream()
                .map(row -> fromAttributes((String) row[0], (String) row[1], attributes.getOrDefault((String) row[0], Map.of())))
                .toList();
        return new Page<>(items, total, first, max);
    }

    /** The organizations with these numbers, by number: two queries for any number of them. */
    public Map<String, Organization> byNumbers(Collection<String> numbers) {
        Map<String, Organization> found = new HashMap<>();
        if (numbers.isEmpty()) {
            return found;
        }
        List<Object[]> rows = lampss.em().createQuery("select g.id, g.name from GroupEntity g where g.parentId = :root"
                        + " and g.name in :numbers", Object[].class)
                .setParameter("root", lampss.organizationsRoot().getId())
                .setParameter("numbers", numbers)
                .getResultList();
        Map<String, Map<String, List<String>>> attributes = attributesOf(rows.stream().map(row -> (String) row[0]).toList());
        rows.forEach(row -> found.put((String) row[1],
                fromAttributes((String) row[0], (String) row[1], attributes.getOrDefault((String) row[0], Map.of()))));
        return found;
    }

    private <T> TypedQuery<T> bind(TypedQuery<T> query, String search, Collection<String> onlyIds) {
        query.setParameter("root", lampss.organizationsRoot().getId());
        if (onlyIds != null) {
            query.setParameter("ids", onlyIds);
        }
        if (search != null) {
            query.setParameter("q", "%" + Like.escape(search.toLowerCase(Locale.ROOT)) + "%");
        }
        return query;
    }

    private Map<String, Map<String, List<String>>> attributesOf(List<String> groupIds) {
        Map<String, Map<String, List<String>>> result = new HashMap<>();
        if (groupIds.isEmpty()) {
            return result;
        }
        lampss.em().createQuery("select a.group.id, a.name, a.value from GroupAttributeEntity a"
                        + " where a.group.id in :ids and a.name like 'lampss.%'", Object[].class)
                .setParameter("ids", groupIds)
                .getResultList()
                .forEach(row -> result.computeIfAbsent((String) row[0], id -> new HashMap<>())
                        .computeIfAbsent((String) row[1], name -> new ArrayList<>())
                        .add((String) row[2]));
        return result;
    }

    /** The organization as the API shows it and the audit trail records it. */
    public static Map<String, Object> snapshot(Organization organization) {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("id", organization.id());
        json.put("nameEn", organization.nameEn());
        json.put("nameFr", organization.nameFr());
        json.put("externalNumber", organization.externalNumber());
        json.put("modules", organization.modules().stream().map(Module::code).toList());
        return json;
    }

    public static Organization toDomain(GroupModel group) {
        return fromAttributes(group.getId(), group.getName(), group.getAttributes());
    }

    private static Organization fromAttributes(String id, String groupName, Map<String, List<String>> attributes) {
        Set<Module> modules = EnumSet.noneOf(Module.class);
        attributes.getOrDefault(MODULES, List.of()).forEach(code -> Known.module(code).ifPresent(modules::add));
        return new Organization(id,
                first(attributes, NAME_EN, groupName),
                first(attributes, NAME_FR, groupName),
                first(attributes, EXTERNAL_NUMBER, groupName),
                modules);
    }

    private static String first(Map<String, List<String>> attributes, String name, String fallback) {
        List<String> values = attributes.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? fallback : values.get(0);
    }

    private static void write(GroupModel group, Organization organization) {
        group.setSingleAttribute(NAME_EN, organization.nameEn());
        group.setSingleAttribute(NAME_FR, organization.nameFr());
        group.setSingleAttribute(EXTERNAL_NUMBER, organization.externalNumber());
        group.setAttribute(MODULES, organization.modules().stream().map(Module::code).sorted().toList());
    }
}
