package ca.novascotia.lampss.realmconfig;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Pure helpers on Jackson trees: conversion, comparison and merging of representations. */
public final class JsonTrees {

    /** Lenient on unknown fields (the 26.0 representations are older than the 26.5 server), omits nulls. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

    /** How Keycloak masks a secret it returns (ComponentRepresentation.SECRET_VALUE). */
    public static final String MASKED_SECRET = "**********";

    private JsonTrees() {
    }

    public static ObjectNode toTree(Object representation) {
        return MAPPER.valueToTree(representation);
    }

    public static <T> T fromTree(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Keeps from {@code typed} (a representation serialized back to a tree) only what {@code file}
     * spelled out, so defaults of the representation class do not count as wishes of the file.
     */
    public static JsonNode restrictTo(JsonNode typed, JsonNode file) {
        if (typed == null || file == null) {
            return typed;
        }
        if (typed.isObject() && file.isObject()) {
            ObjectNode out = MAPPER.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = file.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = typed.get(field.getKey());
                if (value != null && !value.isNull()) {
                    out.set(field.getKey(), restrictTo(value, field.getValue()));
                }
            }
            return out;
        }
        if (typed.isArray() && file.isArray() && typed.size() == file.size()) {
            ArrayNode out = MAPPER.createArrayNode();
            for (int i = 0; i < typed.size(); i++) {
                out.add(restrictTo(typed.get(i), file.get(i)));
            }
            return out;
        }
        return typed;
    }

    /** Paths present (non-null) in {@code file} but lost in {@code typed}: fields the representation class does not know. */
    public static List<String> droppedFields(JsonNode file, JsonNode typed) {
        List<String> out = new ArrayList<>();
        dropped(file, typed, "", out);
        return out;
    }

    private static void dropped(JsonNode file, JsonNode typed, String path, List<String> out) {
        if (file == null || file.isNull()) {
            return;
        }
        if (typed == null || typed.isNull()) {
            out.add(path.isEmpty() ? "(root)" : path);
            return;
        }
        if (file.isObject() && typed.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = file.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                dropped(field.getValue(), typed.get(field.getKey()), join(path, field.getKey()), out);
            }
        } else if (file.isArray() && typed.isArray() && file.size() == typed.size()) {
            for (int i = 0; i < file.size(); i++) {
                dropped(file.get(i), typed.get(i), path + "[" + i + "]", out);
            }
        }
    }

    /**
     * Where {@code current} does not yet satisfy {@code desired}. Only what {@code desired} names is
     * compared. Scalars compare by text (3025 equals "3025"), a desired "" is satisfied by an absent
     * value, arrays of scalars compare as sets, objects compare field by field. A current value the
     * server masks ({@value #MASKED_SECRET}) cannot be compared and counts as satisfied.
     *
     * @return dotted paths of the differing values, empty when nothing differs
     */
    public static List<String> differences(JsonNode desired, JsonNode current) {
        List<String> out = new ArrayList<>();
        diff(desired, current, "", out);
        return out;
    }

    private static void diff(JsonNode desired, JsonNode current, String path, List<String> out) {
        if (desired == null || desired.isNull()) {
            return;
        }
        boolean currentAbsent = current == null || current.isNull() || current.isMissingNode();
        if (desired.isObject()) {
            if (currentAbsent) {
                if (desired.size() > 0 && !allEmpty(desired)) {
                    out.add(path);
                }
                return;
            }
            if (!current.isObject()) {
                out.add(path);
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = desired.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                diff(field.getValue(), current.get(field.getKey()), join(path, field.getKey()), out);
            }
            return;
        }
        if (desired.isArray()) {
            if (currentAbsent) {
                if (desired.size() > 0) {
                    out.add(path);
                }
                return;
            }
            if (!current.isArray() || !sameArray(desired, current)) {
                out.add(path);
            }
            return;
        }
        // scalar
        if (currentAbsent) {
            if (!desired.asText().isEmpty()) {
                out.add(path);
            }
            return;
        }
        if (current.isTextual() && MASKED_SECRET.equals(current.asText())) {
            return;
        }
        if (current.isContainerNode() || !desired.asText().equals(current.asText())) {
            out.add(path);
        }
    }

    private static boolean allEmpty(JsonNode object) {
        for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
            JsonNode value = it.next();
            if (!(value.isNull() || (value.isValueNode() && value.asText().isEmpty())
                    || (value.isContainerNode() && value.size() == 0))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameArray(JsonNode desired, JsonNode current) {
        if (desired.size() != current.size()) {
            return false;
        }
        if (allScalars(desired) && allScalars(current)) {
            Set<String> a = new HashSet<>();
            Set<String> b = new HashSet<>();
            desired.forEach(n -> a.add(n.asText()));
            current.forEach(n -> b.add(n.asText()));
            return a.equals(b);
        }
        // arrays of objects: each desired element must be satisfied by some current element
        List<JsonNode> remaining = new ArrayList<>();
        current.forEach(remaining::add);
        for (JsonNode want : desired) {
            boolean found = false;
            for (Iterator<JsonNode> it = remaining.iterator(); it.hasNext(); ) {
                if (differences(want, it.next()).isEmpty()) {
                    it.remove();
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode n : array) {
            if (n.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A copy of {@code current} with {@code desired} laid over it: objects merge key by key (so keys
     * only the server has, such as attributes added by an operator, are kept); arrays and scalars
     * from {@code desired} replace the current ones, except a masked secret, which is kept so the
     * server keeps the secret it has.
     */
    public static ObjectNode merge(ObjectNode current, JsonNode desired) {
        ObjectNode out = current.deepCopy();
        if (desired == null || !desired.isObject()) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = desired.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode want = field.getValue();
            if (want == null || want.isNull()) {
                continue;
            }
            JsonNode have = out.get(field.getKey());
            if (have != null && have.isTextual() && MASKED_SECRET.equals(have.asText())) {
                continue;
            }
            if (want.isObject() && have != null && have.isObject()) {
                out.set(field.getKey(), merge((ObjectNode) have, want));
            } else {
                out.set(field.getKey(), want.deepCopy());
            }
        }
        return out;
    }

    /** A copy of {@code node} without the given top-level keys. */
    public static ObjectNode without(JsonNode node, Set<String> keys) {
        ObjectNode out = node == null || !node.isObject() ? MAPPER.createObjectNode() : ((ObjectNode) node).deepCopy();
        out.remove(keys);
        return out;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
