package ca.novascotia.lampss.model;

import ca.novascotia.lampss.domain.ContactDetails;
import ca.novascotia.lampss.domain.MembershipState;
import ca.novascotia.lampss.store.MembershipEntity;
import java.util.Optional;
import org.keycloak.models.UserModel;

/**
 * Keycloak users as contacts. A person is one user of the realm, whichever organizations they are a
 * contact of, recognised by email; the username is the email they were first added with.
 */
public final class People {

    private final LampssRealm lampss;
    private final Memberships memberships;

    public People(LampssRealm lampss, Memberships memberships) {
        this.lampss = lampss;
        this.memberships = memberships;
    }

    public Optional<UserModel> byId(String userId) {
        return Optional.ofNullable(userId == null || userId.length() > 36 ? null
                : lampss.session().users().getUserById(lampss.realm(), userId));
    }

    public Optional<UserModel> byEmail(String email) {
        return Optional.ofNullable(lampss.session().users().getUserByEmail(lampss.realm(), email));
    }

    /** Whether the email or the username it would become belongs to someone other than {@code user}. */
    public boolean emailTakenByAnother(String email, UserModel user) {
        UserModel byEmail = lampss.session().users().getUserByEmail(lampss.realm(), email);
        UserModel byUsername = lampss.session().users().getUserByUsername(lampss.realm(), email);
        return (byEmail != null && !byEmail.getId().equals(user == null ? null : user.getId()))
                || (byUsername != null && !byUsername.getId().equals(user == null ? null : user.getId()));
    }

    public UserModel create(ContactDetails details) {
        UserModel user = lampss.session().users().addUser(lampss.realm(), details.email());
        user.setEnabled(true);
        write(user, details);
        return user;
    }

    /** Names and email; the username follows the email while it was the email. */
    public void update(UserModel user, ContactDetails details) {
        if (user.getUsername().equalsIgnoreCase(user.getEmail() == null ? "" : user.getEmail())) {
            user.setUsername(details.email());
        }
        if (!details.email().equalsIgnoreCase(user.getEmail() == null ? "" : user.getEmail())) {
            user.setEmailVerified(false);
        }
        write(user, details);
    }

    public static ContactDetails details(UserModel user) {
        return new ContactDetails(user.getFirstName(), user.getLastName(), user.getEmail());
    }

    /**
     * A person with no active or pending membership left cannot sign in (rule 6): the account is
     * disabled and its sessions end. Operations Support and people outside organizations are left alone.
     */
    public void syncSignIn(UserModel user) {
        if (!isOrganizationPerson(user)) {
            return;
        }
        boolean reachable = memberships.ofUser(user.getId()).stream().map(MembershipEntity::getState)
                .anyMatch(state -> !MembershipState.INACTIVE.name().equals(state));
        if (reachable && !user.isEnabled()) {
            user.setEnabled(true);
        } else if (!reachable && user.isEnabled()) {
            user.setEnabled(false);
            lampss.session().sessions().removeUserSessions(lampss.realm(), user);
            lampss.session().sessions().getOfflineUserSessionsStream(lampss.realm(), user).toList()
                    .forEach(offline -> lampss.session().sessions().removeOfflineUserSession(lampss.realm(), offline));
        }
    }

    private boolean isOrganizationPerson(UserModel user) {
        return lampss.operationsSupportRole() == null || !user.hasRole(lampss.operationsSupportRole());
    }

    private static void write(UserModel user, ContactDetails details) {
        user.setFirstName(details.firstName());
        user.setLastName(details.lastName());
        user.setEmail(details.email());
    }
}
