package ca.novascotia.lampss.realmconfig;

import ca.novascotia.lampss.realmconfig.CliOptions.Mode;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the parts applying one file to one existing realm share: the realm, the file (as written and as
 * typed), the mode, the change log and the lookups of client and client scope ids, which every part sees
 * the same copy of.
 */
abstract class RealmPart {

    /** Client and client scope ids by name, read when first needed and forgotten when they may have changed. */
    private static final class Lookups {
        Map<String, String> clientUuids;
        Map<String, String> scopeIds;
    }

    final String name;
    final RealmResource realm;
    final JsonNode json;
    final RealmRepresentation rep;
    final Mode mode;
    final ChangeLog log;
    final InPlaceUpdate inPlace;
    private final Lookups lookups;

    RealmPart(String name, RealmResource realm, JsonNode json, RealmRepresentation rep, Mode mode, ChangeLog log) {
        this.name = name;
        this.realm = realm;
        this.json = json;
        this.rep = rep;
        this.mode = mode;
        this.log = log;
        this.inPlace = new InPlaceUpdate(log, name, mode);
        this.lookups = new Lookups();
    }

    /** Another part of the same work, sharing {@code other}'s lookups. */
    RealmPart(RealmPart other) {
        this.name = other.name;
        this.realm = other.realm;
        this.json = other.json;
        this.rep = other.rep;
        this.mode = other.mode;
        this.log = other.log;
        this.inPlace = other.inPlace;
        this.lookups = other.lookups;
    }

    /** Runs a create call named {@code attempt}, checks its response and logs {@code what} as added. */
    void add(String what, String attempt, Supplier<Response> create) {
        try (Response response = call(attempt, create)) {
            ApplyException.check(response, attempt);
        }
        log.added(name, what);
    }

    // ---- lookups

    Map<String, String> clientUuids() {
        if (lookups.clientUuids == null) {
            Map<String, String> ids = new HashMap<>();
            call("list clients of " + name, () -> realm.clients().findAll())
                    .forEach(c -> ids.put(c.getClientId(), c.getId()));
            lookups.clientUuids = ids;
        }
        return lookups.clientUuids;
    }

    Map<String, String> scopeIds() {
        if (lookups.scopeIds == null) {
            Map<String, String> ids = new HashMap<>();
            call("list client scopes of " + name, () -> realm.clientScopes().findAll())
                    .forEach(s -> ids.put(s.getName(), s.getId()));
            lookups.scopeIds = ids;
        }
        return lookups.scopeIds;
    }

    void forgetClientUuids() {
        lookups.clientUuids = null;
    }

    void forgetScopeIds() {
        lookups.scopeIds = null;
    }

    // ---- helpers

    /** What the file asks of an item: its typed form restricted to the keys the file spells out, minus {@code skip}. */
    static JsonNode desired(Object typed, JsonNode file, String... skip) {
        return JsonTrees.restrictTo(JsonTrees.toTree(typed), JsonTrees.without(file, Set.of(skip)));
    }

    static <T> List<T> list(List<T> list) {
        return RealmApplier.list(list);
    }

    static <T> T call(String what, Supplier<T> action) {
        return RealmApplier.call(what, action);
    }
}
