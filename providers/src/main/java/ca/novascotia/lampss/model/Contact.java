package ca.novascotia.lampss.model;

import ca.novascotia.lampss.domain.MembershipState;
import ca.novascotia.lampss.domain.SecurityProfile;
import java.util.Set;

/** A row of an organization's contact list: the person, their state there, their profiles there. */
public record Contact(String userId, String username, String firstName, String lastName, String email,
                      MembershipState state, boolean primaryContact, Set<SecurityProfile> profiles) {
}
