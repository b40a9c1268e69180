package ca.novascotia.lampss.upkeep;

import ca.novascotia.lampss.model.StandInUser;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Who a notice goes to or names, read for a whole batch in one query (the scheduled work must not
 * load people one by one), and given to the email templates as an address, not as an account.
 */
record Person(String id, String username, String email, String firstName, String lastName, boolean enabled) {

    /** Never to an account an identity admin (or LaMPSS) disabled, nor to one without an address. */
    boolean reachable() {
        return enabled && email != null && !email.isBlank();
    }

    static Map<String, Person> load(EntityManager em, Collection<String> ids) {
        Map<String, Person> people = new HashMap<>();
        List<String> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return people;
        }
        em.createQuery("select u.id, u.username, u.email, u.firstName, u.lastName, u.enabled from UserEntity u where u.id in :ids",
                        Object[].class)
                .setParameter("ids", wanted).getResultList()
                .forEach(row -> people.put((String) row[0], new Person((String) row[0], (String) row[1], (String) row[2],
                        (String) row[3], (String) row[4], Boolean.TRUE.equals(row[5]))));
        return people;
    }

    UserModel asUser(KeycloakSession session, RealmModel realm) {
        UserModel user = StandInUser.of(session, realm, id, "an address, not an account");
        user.setUsername(username);
        user.setEmail(email);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        return user;
    }
}
