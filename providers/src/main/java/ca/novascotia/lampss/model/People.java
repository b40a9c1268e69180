package ca.novascotia.lampss.model;

import ca.novascotia.lampss.domain.ContactDetails;
import ca.novascotia.lampss.domain.MembershipState;
import ca.novascotia.lampss.domain.SharedPerson;
import ca.novascotia.lampss.domain.SharedPerson.SignIn;
import ca.novascotia.lampss.store.MembershipEntity;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Keycloak users as contacts. A person is one user of the realm, whichever organizations they are a
 * contact of, recognised by email; the username is the email they were first added with.
 */
public final class People {

    /**
     * User attribute set while the account is disabled because LaMPSS turned its sign-in off: only
     * then does LaMPSS turn it back on (an identity admin's or a lockout's disabling stands).
     */
    public static final String SIGN_IN_OFF = "lampss.signInOff";

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

    /** The account found by this email or by the username it would become, if any. */
    public Optional<UserModel> byEmailOrUsername(String email) {
        return byEmail(email).or(() -> Optional.ofNullable(lampss.session().users().getUserByUsername(lampss.realm(), email)));
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

    /** The account as {@link SharedPerson} sees it: a member somewhere, and holding nothing LaMPSS does not give. */
    public SharedPerson.Account account(UserModel user) {
        return account(user, memberships.ofUser(user.getId()));
    }

    public SharedPerson.Account account(UserModel user, List<MembershipEntity> rows) {
        return new SharedPerson.Account(user.getId(), !rows.isEmpty(), hasOtherPower(user));
    }

    /**
     * Anything LaMPSS does not give: a service account, Operations Support, a role mapped onto the
     * user (beyond the realm's default roles), or a group outside the organizations (which is where
     * administrator roles usually come from).
     */
    private boolean hasOtherPower(UserModel user) {
        RoleModel operationsSupport = lampss.operationsSupportRole();
        RoleModel defaults = lampss.realm().getDefaultRole();
        GroupModel root = lampss.organizationsRoot();
        return user.getServiceAccountClientLink() != null
                || (operationsSupport != null && user.hasRole(operationsSupport))
                || user.getRoleMappingsStream().anyMatch(role -> defaults == null || !role.getId().equals(defaults.getId()))
                || user.getGroupsStream().anyMatch(group -> !root.getId().equals(topLevel(group).getId()));
    }

    private static GroupModel topLevel(GroupModel group) {
        GroupModel top = group;
        while (top.getParent() != null) {
            top = top.getParent();
        }
        return top;
    }

    /** Whether LaMPSS turned this account's sign-in off (and so may turn it on again); an admin's disabling is not marked. */
    public static boolean signInOffByLampss(UserModel user) {
        return user.getFirstAttribute(SIGN_IN_OFF) != null;
    }

    /**
     * A person with no active or pending membership left cannot sign in (rule 6): the account is
     * disabled and its sessions end. LaMPSS touches only the people it manages, and enables only an
     * account it disabled itself.
     */
    public void syncSignIn(UserModel user) {
        List<MembershipEntity> rows = memberships.ofUser(user.getId());
        boolean reachable = rows.stream().map(MembershipEntity::getState)
                .anyMatch(state -> !MembershipState.INACTIVE.name().equals(state));
        boolean offByLampss = signInOffByLampss(user);
        if (user.isEnabled() && offByLampss) {
            user.removeAttribute(SIGN_IN_OFF);
            offByLampss = false;
        }
        SignIn change = SharedPerson.signIn(account(user, rows), reachable, user.isEnabled(), offByLampss);
        if (change == SignIn.ENABLE) {
            user.removeAttribute(SIGN_IN_OFF);
            user.setEnabled(true);
        } else if (change == SignIn.DISABLE) {
            user.setSingleAttribute(SIGN_IN_OFF, "true");
            user.setEnabled(false);
            lampss.session().sessions().removeUserSessions(lampss.realm(), user);
            lampss.session().sessions().getOfflineUserSessionsStream(lampss.realm(), user).toList()
                    .forEach(offline -> lampss.session().sessions().removeOfflineUserSession(lampss.realm(), offline));
        }
    }

    private static void write(UserModel user, ContactDetails details) {
        user.setFirstName(details.firstName());
        user.setLastName(details.lastName());
        user.setEmail(details.email());
    }
}
