package ca.novascotia.lampss.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.RealmConfigBuilder;
import org.keycloak.util.JsonSerialization;

/**
 * Loads a realm from the shipped {@code realm-config/} folder, so the suite tests what we ship.
 * Placeholders {@code ${VAR:default}} take their defaults, as {@code --import-realm} does when the
 * variables are unset (the local stack's situation).
 */
abstract class ShippedRealmConfig implements RealmConfig {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(?::([^}]*))?}");

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

    private static String withDefaults(String json) {
        Matcher m = PLACEHOLDER.matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (m.group(2) == null) {
                throw new IllegalStateException("Placeholder ${" + m.group(1) + "} has no default");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2)));
        }
        return m.appendTail(out).toString();
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
