package ca.novascotia.lampss.realmconfig;

import ca.novascotia.lampss.realmconfig.CliOptions.Mode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Handles one item that already exists: in {@link Mode#UPDATE} it compares what the file asks for with what
 * Keycloak has and, when they differ, writes the current representation with the file's keys merged in;
 * otherwise it only reports the item as existing.
 */
final class InPlaceUpdate {

    private final ChangeLog log;
    private final String realmName;
    private final Mode mode;

    InPlaceUpdate(ChangeLog log, String realmName, Mode mode) {
        this.log = log;
        this.realmName = realmName;
        this.mode = mode;
    }

    /** Updates {@code what} in place (update mode) or logs it as existing; the admin call is named "update " + what. */
    <T> void apply(String what, Supplier<JsonNode> desired, Supplier<ObjectNode> reader, Class<T> type,
                   Consumer<T> writer) {
        apply(what, "update " + what, desired, reader, type, writer);
    }

    /** As {@link #apply(String, Supplier, Supplier, Class, Consumer)}, naming the admin call {@code updateCall}. */
    <T> void apply(String what, String updateCall, Supplier<JsonNode> desired, Supplier<ObjectNode> reader,
                   Class<T> type, Consumer<T> writer) {
        if (mode != Mode.UPDATE) {
            log.unchanged(realmName, what + " (exists)");
            return;
        }
        JsonNode wanted = desired.get();
        ObjectNode current = reader.get();
        List<String> diffs = JsonTrees.differences(wanted, current);
        if (diffs.isEmpty()) {
            log.unchanged(realmName, what + " (up to date)");
            return;
        }
        T merged = JsonTrees.fromTree(JsonTrees.merge(current, wanted), type);
        RealmApplier.call(updateCall, () -> {
            writer.accept(merged);
            return null;
        });
        log.updated(realmName, what + " (updated: " + String.join(", ", diffs) + ")");
    }
}
