package ca.novascotia.lampss.it.api;

import java.util.HashMap;
import java.util.Map;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;

/** Sets realm attributes through Keycloak's admin REST API, as an identity admin would, keeping the others. */
public final class RealmAttributes {

    private RealmAttributes() {
    }

    public static void set(RealmResource realm, Map<String, String> values) {
        RealmRepresentation representation = realm.toRepresentation();
        Map<String, String> attributes = new HashMap<>(representation.getAttributes() == null ? Map.of() : representation.getAttributes());
        attributes.putAll(values);
        representation.setAttributes(attributes);
        realm.update(representation);
    }
}
