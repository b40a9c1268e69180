package ca.novascotia.lampss.upkeep;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.contacts.Caller;
import ca.novascotia.lampss.contacts.Workspace;
import ca.novascotia.lampss.domain.Actor;
import ca.novascotia.lampss.model.LampssRealm;
import ca.novascotia.lampss.model.StandInUser;
import ca.novascotia.lampss.onboarding.BackgroundRequest;
import java.net.URI;
import java.util.Locale;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** What the scheduled work needs of a session: a stand-in request for emails, and a caller of its own. */
final class Upkeep {

    /** The audit trail's actor for what the scheduled work changes (campaigns opened, due dates applied). */
    static final String ACTOR = "lampss-upkeep";

    /**
     * Emails build their links from the current request, and scheduled work has none. Keycloak's
     * {@code --hostname} decides the public address (as for any request); without one, as in local
     * development, links name {@code http://localhost:8080}.
     */
    private static final URI BASE = URI.create("http://localhost:8080/");

    private Upkeep() {
    }

    static void background(KeycloakSession session, RealmModel realm) {
        BackgroundRequest.enter(session, realm, BASE);
    }

    /** Operations Support's reach, in the name of {@link #ACTOR}, audited on {@code channel}. */
    static Workspace workspace(KeycloakSession session, RealmModel realm, LampssSettings settings, String channel) {
        background(session, realm);
        UserModel actor = StandInUser.of(session, realm, ACTOR, "the scheduled work, not an account");
        actor.setUsername(ACTOR);
        actor.setFirstName("LaMPSS");
        return new Workspace(new LampssRealm(session, realm, settings), new Caller(actor, Actor.operationsSupport(ACTOR),
                BackgroundRequest.auth(realm, actor, settings), Locale.ENGLISH, channel));
    }
}
