package ca.novascotia.lampss.realmconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RoleRepresentation;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTreesTest {

    private static JsonNode json(String text) {
        try {
            return JsonTrees.MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void onlyWhatTheFileNamesIsCompared() {
        assertEquals(List.of(), JsonTrees.differences(json("{'a': 1}"), json("{'a': 1, 'b': 2}")));
        assertEquals(List.of("a"), JsonTrees.differences(json("{'a': 1}"), json("{'a': 2, 'b': 2}")));
        assertEquals(List.of("a"), JsonTrees.differences(json("{'a': 1}"), json("{}")));
    }

    @Test
    void scalarsCompareByText() {
        assertEquals(List.of(), JsonTrees.differences(json("{'port': '3025', 'on': 'true'}"), json("{'port': 3025, 'on': true}")));
    }

    @Test
    void anEmptyStringIsSatisfiedByAbsence() {
        assertEquals(List.of(), JsonTrees.differences(json("{'attributes': {'frontendUrl': ''}}"), json("{'attributes': {}}")));
        assertEquals(List.of(), JsonTrees.differences(json("{'attributes': {'frontendUrl': ''}}"), json("{}")));
    }

    @Test
    void nestedDifferencesHaveDottedPaths() {
        assertEquals(List.of("smtpServer.host", "config.x"), JsonTrees.differences(
                json("{'smtpServer': {'host': 'a', 'port': '1'}, 'config': {'x': 'y'}}"),
                json("{'smtpServer': {'host': 'b', 'port': '1'}, 'config': {'x': 'z'}}")));
    }

    @Test
    void arraysOfScalarsCompareAsSets() {
        assertEquals(List.of(), JsonTrees.differences(json("{'l': ['en', 'fr']}"), json("{'l': ['fr', 'en']}")));
        assertEquals(List.of("l"), JsonTrees.differences(json("{'l': ['en', 'fr']}"), json("{'l': ['en']}")));
    }

    @Test
    void aMaskedSecretCountsAsSatisfiedAndIsKeptOnMerge() {
        JsonNode desired = json("{'config': {'clientSecret': 'plain', 'a': 'new'}}");
        ObjectNode current = (ObjectNode) json("{'config': {'clientSecret': '**********', 'a': 'old'}}");
        assertEquals(List.of("config.a"), JsonTrees.differences(desired, current));
        ObjectNode merged = JsonTrees.merge(current, desired);
        assertEquals("**********", merged.path("config").path("clientSecret").asText());
        assertEquals("new", merged.path("config").path("a").asText());
    }

    @Test
    void mergeKeepsWhatOnlyTheServerHas() {
        ObjectNode current = (ObjectNode) json("{'id': '1', 'description': 'old', 'attributes': {'operator': ['keep'], 'label': ['old']}}");
        ObjectNode merged = JsonTrees.merge(current, json("{'description': 'new', 'attributes': {'label': ['new']}}"));
        assertEquals(json("{'id': '1', 'description': 'new', 'attributes': {'operator': ['keep'], 'label': ['new']}}"), merged);
        assertEquals("old", current.get("description").asText(), "merge must not modify its input");
    }

    @Test
    void restrictToDropsDefaultsTheFileDidNotSpellOut() {
        RoleRepresentation role = new RoleRepresentation("r", "d", false);
        JsonNode file = json("{'name': 'r', 'description': 'd'}");
        JsonNode restricted = JsonTrees.restrictTo(JsonTrees.toTree(role), file);
        assertEquals(json("{'name': 'r', 'description': 'd'}"), restricted);
        assertFalse(JsonTrees.toTree(role).path("composite").isMissingNode(), "the typed form has a default");
    }

    @Test
    void droppedFieldsAreThoseTheRepresentationDoesNotKnow() {
        JsonNode file = json("{'name': 'r', 'attributes': {'k': ['v']}, 'someNewField': 1}");
        RoleRepresentation role = JsonTrees.fromTree(file, RoleRepresentation.class);
        assertEquals(List.of("someNewField"), JsonTrees.droppedFields(file, JsonTrees.toTree(role)));
    }

    @Test
    void withoutRemovesTopLevelKeys() {
        ObjectNode out = JsonTrees.without(json("{'a': 1, 'b': 2}"), java.util.Set.of("b"));
        assertEquals(json("{'a': 1}"), out);
        assertTrue(JsonTrees.without(null, java.util.Set.of()).isEmpty());
    }
}
