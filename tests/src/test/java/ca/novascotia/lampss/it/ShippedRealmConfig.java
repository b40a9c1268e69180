package ca.novascotia.lampss.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.RealmConfigBuilder;
import org.keycloak.util.JsonSerialization;

import ca.novascotia.lampss.realmconfig.Placeholders;

/**
 * Loads a realm from the shipped {@code realm-config/} folder, so the suite tests what we ship.
 * Placeholders {@code ${VAR:default}} take their defaults, as {@code --import-realm} does when the
 * variables are unset (the local stack's situation).
 */
public abstract class ShippedRealmConfig implements RealmConfig {

    private final String resource;

    ShippedRealmConfig(String resource) {
        this.resource = resource;
    }

    @Override
    public RealmConfigBuilder configure(RealmConfigBuilder ignored) {
        return RealmConfigBuilder.update(load(resource));
    }

    static RealmRepresentation load(String resource) {
        try (InputStream in = ShippedRealmConfig.class.getResourceAsStream("/realm-config/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("realm-config/" + resource + " is not on the test classpath");
            }
            String json = withDefaults(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return JsonSerialization.readValue(json, RealmRepresentation.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read realm-config/" + resource, e);
        }
    }

    /** Same substitution as the applier's, with every variable unset so the defaults apply. */
    private static String withDefaults(String json) {
        return Placeholders.substitute(json, variable -> null);
    }

    /** The product realm {@code lampss}. */
    public static class Lampss extends ShippedRealmConfig {
        public Lampss() {
            super("realms/lampss-realm.json");
        }
    }

    /** The stand-in for My NS Account, realm {@code mynsaccount}. */
    public static class MyNsAccount extends ShippedRealmConfig {
        public MyNsAccount() {
            super("stand-in/mynsaccount-realm.json");
        }
    }
}
