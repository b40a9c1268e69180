package ca.novascotia.lampss.realmconfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Function;

/** One realm-config file, placeholders substituted and parsed. */
public final class ConfigFile {

    /** What a file holds. */
    public enum Kind {
        /** A realm representation: created whole if the realm is missing, else merged. */
        REALM,
        /** {"realm": X, "users": [...]}: users to add to realm X. */
        USERS
    }

    /** The file cannot be used (unreadable, not JSON, wrong shape, unresolved placeholder). */
    public static final class InvalidFileException extends RuntimeException {
        public InvalidFileException(String message) {
            super(message);
        }
    }

    private final String source;
    private final Kind kind;
    private final String realm;
    private final ObjectNode json;

    private ConfigFile(String source, Kind kind, String realm, ObjectNode json) {
        this.source = source;
        this.kind = kind;
        this.realm = realm;
        this.json = json;
    }

    public String source() {
        return source;
    }

    public Kind kind() {
        return kind;
    }

    public String realm() {
        return realm;
    }

    public ObjectNode json() {
        return json;
    }

    /** Reads, substitutes and parses {@code path}. */
    public static ConfigFile load(Path path, Function<String, String> env) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidFileException(path + ": cannot read: " + e.getMessage());
        }
        return parse(path.toString(), text, env);
    }

    /** Substitutes placeholders in {@code text}, parses it and classifies it. */
    public static ConfigFile parse(String source, String text, Function<String, String> env) {
        String substituted;
        try {
            substituted = Placeholders.substitute(text, env);
        } catch (Placeholders.UnresolvedPlaceholderException e) {
            throw new InvalidFileException(source + ": " + e.getMessage());
        }
        JsonNode root;
        try {
            root = JsonTrees.MAPPER.readTree(substituted);
        } catch (JsonProcessingException e) {
            throw new InvalidFileException(source + ": not valid JSON after placeholder substitution: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")");
        }
        Kind kind = classify(root, source);
        return new ConfigFile(source, kind, root.get("realm").asText(), (ObjectNode) root);
    }

    /**
     * A file whose only keys are "realm" and "users" (an array) is a users file; any other object
     * with a non-empty "realm" string is a realm file.
     */
    public static Kind classify(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new InvalidFileException(source + ": expected a JSON object with a \"realm\" key");
        }
        JsonNode realm = root.get("realm");
        if (realm == null || !realm.isTextual() || realm.asText().isBlank()) {
            throw new InvalidFileException(source + ": missing or empty \"realm\" (the realm name)");
        }
        Set<String> keys = new HashSet<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        if (keys.equals(Set.of("realm", "users"))) {
            if (!root.get("users").isArray()) {
                throw new InvalidFileException(source + ": \"users\" must be an array");
            }
            return Kind.USERS;
        }
        return Kind.REALM;
    }
}
