package ca.novascotia.lampss.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.novascotia.lampss.console.ConsoleResource;
import ca.novascotia.lampss.domain.AccessChange;
import ca.novascotia.lampss.domain.Action;
import ca.novascotia.lampss.domain.ContactDetails;
import ca.novascotia.lampss.domain.MembershipState;
import ca.novascotia.lampss.domain.Module;
import ca.novascotia.lampss.domain.Organization;
import ca.novascotia.lampss.domain.Reason;
import ca.novascotia.lampss.domain.SecurityProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code openapi.yaml} honest: the operations it describes are exactly those the JAX-RS
 * resources serve, every error code the code can answer with is documented, and its enums and
 * limits are the domain's.
 */
class OpenApiDocumentTest {

    private static final Set<String> OPERATION_KEYS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /**
     * Error codes the REST layer raises by literal (ApiException calls in Api, Request, Bodies,
     * Paging, Inputs and the resources), besides the {@link Reason} names. Add a code here when a
     * new {@code ApiException} literal appears.
     */
    private static final Set<String> REST_LAYER_CODES = Set.of(
            "UNAUTHENTICATED", "NOT_CONFIGURED", "ORGANIZATION_NOT_FOUND", "CONTACT_NOT_FOUND",
            "MALFORMED_BODY", "UNKNOWN_FIELD", "WRONG_TYPE", "INVALID_PAGING", "READ_ONLY_FIELD",
            "EMAIL_IN_USE", "ORGANIZATION_NUMBER_IN_USE", "CONCURRENT_CHANGE", "INVITATION_NOT_SENT", "INVITATION_NOT_FOUND",
            "ALREADY_A_CONTACT", "NO_PRIMARY_CONTACT", "FIELD_TOO_LONG", "REQUIRED_FIELD_MISSING",
            "REALM_ADMINISTRATOR_ONLY", "IMPORT_INVALID", "IMPORT_UNRESOLVED", "IMPORT_TARGET_NOT_EMPTY", "CLIENT_NOT_ALLOWED",
            "FILE_EMPTY", "NOT_UTF8", "UNREADABLE_FILE", "MISSING_COLUMNS", "UNKNOWN_COLUMN", "REPEATED_COLUMN",
            "UNCLOSED_QUOTE", "MISPLACED_QUOTE", "LINE_TOO_LONG", "TOO_MANY_ROWS", "MALFORMED_JSON", "JOB_NOT_FOUND", "FILE_TOO_LARGE",
            "REQUEST_NOT_FOUND", "CAMPAIGN_NOT_FOUND", "INVALID_STATE_FILTER");

    /**
     * Codes no operation can answer with today, documented as such in the ErrorCode schema only:
     * non-members get a 404 before the policy's NOT_IN_ORGANIZATION, and the transfer's checks of
     * the one-primary-contact rule are preceded by the policy's.
     */
    private static final Set<String> NOT_REACHED_BY_ANY_OPERATION = Set.of(
            "NOT_IN_ORGANIZATION", "SEVERAL_PRIMARY_CONTACTS", "TARGET_NOT_IN_ORGANIZATION");

    private static JsonNode document;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getClassLoader().getResourceAsStream(OpenApiResource.LOCATION)) {
            assertNotNull(in, OpenApiResource.LOCATION + " is on the classpath where OpenApiResource serves it from");
            document = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void isAnOpenApi303Document() {
        assertEquals("3.0.3", document.path("openapi").asText());
        assertTrue(document.path("paths").isObject(), "has paths");
        assertEquals("{server}/realms/{realm}/lampss", document.path("servers").path(0).path("url").asText());
        assertEquals("http", document.at("/components/securitySchemes/bearerAuth/type").asText());
        assertEquals("bearer", document.at("/components/securitySchemes/bearerAuth/scheme").asText());
    }

    @Test
    void describesExactlyTheOperationsTheResourcesServe() {
        Set<String> served = new TreeSet<>();
        collect(LampssRealmResource.class, "", served, 0);
        Set<String> described = describedOperations();

        assertFalse(served.isEmpty(), "the resources serve operations");
        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(described);
        Set<String> invented = new TreeSet<>(described);
        invented.removeAll(served);
        assertTrue(undocumented.isEmpty(), "served but missing from openapi.yaml: " + undocumented);
        assertTrue(invented.isEmpty(), "in openapi.yaml but not served: " + invented);
    }

    @Test
    void everyOperationButTheDescriptionItselfNeedsTheBearerToken() {
        assertEquals("[{\"bearerAuth\":[]}]", document.path("security").toString());
        eachOperation((key, operation) -> {
            JsonNode security = operation.get("security");
            if (key.equals("GET /openapi.yaml")) {
                assertNotNull(security, key + " is open");
                assertTrue(security.isArray() && security.isEmpty(), key + " is open");
            } else {
                assertTrue(security == null, key + " keeps the document's bearerAuth requirement");
            }
        });
    }

    @Test
    void everyOperationHasASummaryAnIdAndResponses() {
        Set<String> ids = new TreeSet<>();
        eachOperation((key, operation) -> {
            assertFalse(operation.path("summary").asText().isBlank(), key + " has a summary");
            assertTrue(ids.add(operation.path("operationId").asText()), key + " has a unique operationId");
            assertTrue(operation.path("responses").isObject() && !operation.path("responses").isEmpty(), key + " has responses");
            if (!key.equals("GET /openapi.yaml")) {
                assertTrue(operation.path("description").asText().contains("Who may call it"), key + " says who may call it");
            }
        });
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        refs(document, refs);
        assertFalse(refs.isEmpty());
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/"), ref + " is local");
            assertFalse(document.at(ref.substring(1)).isMissingNode(), ref + " resolves");
        }
    }

    @Test
    void everyErrorCodeTheCodeRaisesIsDocumented() {
        Set<String> raised = raisedCodes();
        Set<String> documented = enumOf("ErrorCode");
        assertEquals(raised, documented, "the ErrorCode enum lists exactly the codes the code raises");

        String operationsText = text(document.path("paths")) + text(document.at("/components/responses"));
        for (String code : raised) {
            if (!NOT_REACHED_BY_ANY_OPERATION.contains(code)) {
                assertTrue(operationsText.contains("`" + code + "`"), code + " is listed in the responses of an operation");
            }
        }
    }

    @Test
    void everyErrorCodeTheCodeRaisesHasAnEnglishMessage() {
        ResourceBundle english = ErrorMessages.bundle(Locale.ENGLISH);
        for (String code : raisedCodes()) {
            assertTrue(english.containsKey(code), code + " has a message in messages_en.properties");
        }
    }

    @Test
    void enumsAreTheDomains() {
        assertEquals(Arrays.stream(Module.values()).map(Module::code).toList(), enumList("ModuleCode"));
        assertEquals(names(MembershipState.values()), enumList("ContactState"));
        assertEquals(names(AccessChange.values()), enumList("AuditAction"));
        assertEquals(Arrays.stream(SecurityProfile.values()).map(SecurityProfile::roleName).toList(), enumList("ProfileName"));
        assertEquals(Arrays.stream(Action.values()).filter(action -> action.needs() == Action.Needs.ORGANIZATION)
                .map(Action::name).toList(), enumList("OrganizationAction"));
    }

    @Test
    void limitsAreTheCodes() {
        Map<String, Integer> limits = Map.of(
                "NewOrganization/properties/nameEn", Organization.MAX_NAME_LENGTH,
                "NewOrganization/properties/nameFr", Organization.MAX_NAME_LENGTH,
                "NewOrganization/properties/externalNumber", Organization.MAX_EXTERNAL_NUMBER_LENGTH,
                "OrganizationUpdate/properties/nameEn", Organization.MAX_NAME_LENGTH,
                "NewContact/properties/firstName", ContactDetails.MAX_NAME_LENGTH,
                "NewContact/properties/lastName", ContactDetails.MAX_NAME_LENGTH,
                "NewContact/properties/email", ContactDetails.MAX_EMAIL_LENGTH,
                "NewContact/properties/invitationMessage", ca.novascotia.lampss.domain.Invitation.MAX_MESSAGE_LENGTH,
                "ContactUpdate/properties/firstName", ContactDetails.MAX_NAME_LENGTH,
                "ContactUpdate/properties/email", ContactDetails.MAX_EMAIL_LENGTH);
        limits.forEach((schema, limit) ->
                assertEquals(limit.intValue(), document.at("/components/schemas/" + schema + "/maxLength").asInt(-1), schema));
        assertEquals(Paging.DEFAULT_MAX, document.at("/components/parameters/Max/schema/default").asInt(-1));
        assertEquals(Paging.LARGEST_MAX, document.at("/components/parameters/Max/schema/maximum").asInt(-1));
        assertEquals(0, document.at("/components/parameters/First/schema/default").asInt(-1));
        assertTrue(document.at("/components/parameters/ActiveOnly/schema/default").asBoolean(false));
    }

    @Test
    void requestBodiesRefuseUnknownFields() {
        eachOperation((key, operation) -> {
            JsonNode body = operation.at("/requestBody/content/application~1json/schema/$ref");
            if (!body.isMissingNode()) {
                JsonNode schema = document.at(body.asText().substring(1));
                assertFalse(schema.path("additionalProperties").asBoolean(true), key + " body has additionalProperties: false");
            }
        });
    }

    @Test
    void mentionsTheQueryCountHeaderAndItsOption() {
        assertTrue(document.at("/components/headers/QueryCount/description").asText()
                .contains("--spi-realm-restapi-extension--lampss--query-count-header=true"));
        assertTrue(text(document.path("paths")).contains(Api.QUERY_COUNT_HEADER));
    }

    // --- the resources, by reflection ---

    /** Adds "METHOD /path" for each resource method reachable from {@code resource} under {@code prefix}. */
    private static void collect(Class<?> resource, String prefix, Set<String> into, int depth) {
        assertTrue(depth < 10, "sub-resource locators do not loop: " + prefix);
        for (Method method : resource.getMethods()) {
            // The console's files are a web page, not an operation of the API.
            if (method.isBridge() || method.isSynthetic() || method.getReturnType() == ConsoleResource.class) {
                continue;
            }
            Path path = method.getAnnotation(Path.class);
            String full = path == null ? prefix : prefix + "/" + normalize(path.value());
            String httpMethod = httpMethod(method);
            if (httpMethod != null) {
                into.add(httpMethod + " " + (full.isEmpty() ? "/" : full));
            } else if (path != null) {
                collect(method.getReturnType(), full, into, depth + 1);
            }
        }
    }

    /** The HTTP method of a resource method: any annotation meta-annotated with {@link HttpMethod}. */
    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** Strips slashes at both ends and writes {@code {name: regex}} as {@code {name}}. */
    private static String normalize(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}");
    }

    // --- the document ---

    private static Set<String> describedOperations() {
        Set<String> operations = new TreeSet<>();
        eachOperation((key, operation) -> operations.add(key));
        return operations;
    }

    private interface OperationVisitor {
        void visit(String key, JsonNode operation);
    }

    private static void eachOperation(OperationVisitor visitor) {
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> members = path.getValue().fields();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                if (OPERATION_KEYS.contains(member.getKey())) {
                    visitor.visit(member.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), member.getValue());
                }
            }
        }
    }

    private static Set<String> raisedCodes() {
        Set<String> codes = new TreeSet<>(REST_LAYER_CODES);
        Arrays.stream(Reason.values()).map(Reason::name).forEach(codes::add);
        return codes;
    }

    private static List<String> enumList(String schema) {
        JsonNode values = document.at("/components/schemas/" + schema + "/enum");
        assertTrue(values.isArray(), schema + " is an enum");
        List<String> result = new ArrayList<>();
        values.forEach(value -> result.add(value.asText()));
        return result;
    }

    private static Set<String> enumOf(String schema) {
        List<String> values = enumList(schema);
        Set<String> result = new TreeSet<>(values);
        assertEquals(values.size(), result.size(), schema + " lists each value once");
        return result;
    }

    private static List<String> names(Enum<?>[] values) {
        return Stream.of(values).map(Enum::name).collect(Collectors.toList());
    }

    private static void refs(JsonNode node, List<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref")) {
                    into.add(field.getValue().asText());
                } else {
                    refs(field.getValue(), into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> refs(item, into));
        }
    }

    /** Every scalar under the node, concatenated: the text a reader of the document sees. */
    private static String text(JsonNode node) {
        StringBuilder out = new StringBuilder();
        text(node, out);
        return out.toString();
    }

    private static void text(JsonNode node, StringBuilder out) {
        if (node.isContainerNode()) {
            node.fieldNames().forEachRemaining(name -> out.append(name).append('\n'));
            node.forEach(child -> text(child, out));
        } else {
            out.append(node.asText()).append('\n');
        }
    }
}
