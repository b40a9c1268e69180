package ca.novascotia.lampss.model;

import ca.novascotia.lampss.domain.MembershipState;
import ca.novascotia.lampss.domain.SecurityProfile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A row of an organization's contact list: the person, their state there, their profiles there, and
 * the profiles set aside while they are inactive (given back on reactivation, unless taken back).
 */
public record Contact(String userId, String username, String firstName, String lastName, String email,
                      MembershipState state, boolean primaryContact, Set<SecurityProfile> profiles,
                      Set<SecurityProfile> profilesSetAside) {

    /** What the audit trail keeps of a contact before and after a change. */
    public Map<String, Object> snapshot() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("firstName", firstName);
        json.put("lastName", lastName);
        json.put("email", email);
        json.put("state", state.name());
        json.put("primaryContact", primaryContact);
        json.put("profiles", roleNames(profiles));
        if (!profilesSetAside.isEmpty()) {
            json.put("profilesSetAside", roleNames(profilesSetAside));
        }
        return json;
    }

    public static java.util.List<String> roleNames(Set<SecurityProfile> profiles) {
        return profiles.stream().sorted().map(SecurityProfile::roleName).toList();
    }
}
