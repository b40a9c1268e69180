package ca.novascotia.lampss.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A JSON request body, read strictly: an object, only the fields the endpoint knows, each of the
 * right type. Anything else is a 400 naming the field, before anything is written.
 */
final class Bodies {

    /** Bodies larger than this are refused unread; the largest valid body is far smaller. */
    static final int MAX_BODY_LENGTH = 64 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Only a plain name is echoed back in an error; anything else (markup, quotes, huge) is not repeated. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    private final ObjectNode json;

    private Bodies(ObjectNode json) {
        this.json = json;
    }

    /** As {@link #parse}, where the whole body is optional: no body reads as an empty object. */
    static Bodies parseOptional(String body, Set<String> knownFields) {
        return body == null || body.isBlank() ? new Bodies(MAPPER.createObjectNode()) : parse(body, knownFields);
    }

    static Bodies parse(String body, Set<String> knownFields) {
        if (body == null || body.isBlank() || body.length() > MAX_BODY_LENGTH) {
            throw ApiException.badRequest("MALFORMED_BODY", null);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("MALFORMED_BODY", null);
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.badRequest("MALFORMED_BODY", null);
        }
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!knownFields.contains(name)) {
                throw ApiException.badRequest("UNKNOWN_FIELD", SAFE_NAME.matcher(name).matches() ? name : null);
            }
        }
        return new Bodies(object);
    }

    /** The text, or null when absent or null; domain records check presence and length. */
    String text(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("WRONG_TYPE", field);
        }
        return value.textValue();
    }

    boolean has(String field) {
        return json.has(field) && !json.get(field).isNull();
    }

    /** A list of strings, or null when absent. */
    List<String> texts(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray() || value.size() > 100) {
            throw ApiException.badRequest("WRONG_TYPE", field);
        }
        List<String> result = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw ApiException.badRequest("WRONG_TYPE", field);
            }
            result.add(item.textValue());
        }
        return result;
    }
}
