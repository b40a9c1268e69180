package ca.novascotia.lampss.contacts;

import ca.novascotia.lampss.domain.Actor;
import java.util.Locale;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;

/**
 * Who causes a change, as every use case needs them: the account (named in the audit trail), the
 * person as the delegation policy sees them, the authentication Keycloak's admin events record, and
 * their language.
 */
public record Caller(UserModel user, Actor actor, AdminAuth auth, Locale locale) {

    public String id() {
        return user.getId();
    }
}
