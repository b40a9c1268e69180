package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.domain.Organization;
import ca.novascotia.lampss.domain.SecurityProfile;
import ca.novascotia.lampss.model.Contact;
import ca.novascotia.lampss.model.Organizations;
import ca.novascotia.lampss.model.Page;
import ca.novascotia.lampss.store.AuditEntryEntity;
import ca.novascotia.lampss.store.InvitationEntity;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.keycloak.util.JsonSerialization;

/** The JSON shapes of the API (described in openapi.yaml), built as ordered maps. */
final class Views {

    private Views() {
    }

    static Map<String, Object> organization(Organization organization) {
        return Organizations.snapshot(organization);
    }

    static Map<String, Object> contact(Contact contact) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", contact.userId());
        json.put("username", contact.username());
        json.putAll(contact.snapshot());
        json.put("profilesSetAside", Contact.roleNames(contact.profilesSetAside()));
        return json;
    }

    static Map<String, Object> auditEntry(AuditEntryEntity entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", entry.getId());
        json.put("time", Instant.ofEpochMilli(entry.getTime()).toString());
        json.put("action", entry.getAction());
        json.put("actor", person(entry.getActorId(), entry.getActorUsername()));
        json.put("target", entry.getTargetUserId() == null ? null : person(entry.getTargetUserId(), entry.getTargetUsername()));
        json.put("before", parse(entry.getBefore()));
        json.put("after", parse(entry.getAfter()));
        return json;
    }

    /** A waiting invitation; one past its expiry shows as EXPIRED even before the clean-up marks it. */
    static Map<String, Object> invitation(Object[] row) {
        InvitationEntity invitation = (InvitationEntity) row[0];
        boolean expired = "EXPIRED".equals(invitation.getState()) || invitation.getExpiresAt() <= System.currentTimeMillis();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", invitation.getId());
        json.put("userId", invitation.getUserId());
        json.put("email", row[1]);
        json.put("firstName", row[2]);
        json.put("lastName", row[3]);
        json.put("state", expired ? "EXPIRED" : "PENDING");
        json.put("sentAt", Instant.ofEpochMilli(invitation.getCreatedAt()).toString());
        json.put("expiresAt", Instant.ofEpochMilli(invitation.getExpiresAt()).toString());
        json.put("closedAt", invitation.getEndedAt() == null ? null : Instant.ofEpochMilli(invitation.getEndedAt()).toString());
        return json;
    }

    static List<String> profiles(Collection<SecurityProfile> profiles) {
        return Contact.roleNames(Set.copyOf(profiles));
    }

    static <T> Map<String, Object> page(Page<T> page, Function<T, Map<String, Object>> view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", page.items().stream().map(view).toList());
        json.put("total", page.total());
        json.put("first", page.first());
        json.put("max", page.max());
        return json;
    }

    private static Map<String, Object> person(String id, String username) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("username", username);
        return json;
    }

    private static Object parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JsonSerialization.readValue(json, Map.class);
        } catch (IOException e) {
            return json;
        }
    }
}
