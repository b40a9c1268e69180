package ca.novascotia.lampss.contacts;

import ca.novascotia.lampss.domain.Actor;
import java.util.Locale;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;

/**
 * Who causes a change, as every use case needs them: the account (named in the audit trail), the
 * person as the delegation policy sees them, the authentication Keycloak's admin events record,
 * their language, and the channel the change came through when it is not LaMPSS's own (null for the
 * API and the invitation gate; {@link #KEYCLOAK_ADMIN} for Keycloak's admin console and admin REST API,
 * {@link #DRIFT_REPAIR} for the drift repair).
 */
public record Caller(UserModel user, Actor actor, AdminAuth auth, Locale locale, String channel) {

    /** The channel of a change an identity admin made in Keycloak's admin console or admin REST API. */
    public static final String KEYCLOAK_ADMIN = "Keycloak admin";

    /** The channel of a change the drift repair made ({@code POST /consistency/repair}). */
    public static final String DRIFT_REPAIR = "drift repair";

    public Caller(UserModel user, Actor actor, AdminAuth auth, Locale locale) {
        this(user, actor, auth, locale, null);
    }

    public String id() {
        return user.getId();
    }
}
