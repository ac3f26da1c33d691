package dev.salesplatform.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

class OpenApiMergerOperationIdsTest {

    private final OpenApiMerger merger = new OpenApiMerger("Sales", "1.0", "/", URI.create("http://kc/realms/sales/"));
    private final Logger log = Logger.getLogger(OpenApiMerger.class.getName());
    private final List<LogRecord> warnings = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureWarnings() {
        log.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        log.removeHandler(capture);
    }

    @Test
    void aLaterUpstreamsClashingOperationIdGetsItsNameInFrontAndAWarning() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        documents.put("lead", document("""
                {"/leads/{id}/history": {"get": {"operationId": "listHistory"}},
                 "/leads": {"post": {"operationId": "createLead"}}}"""));
        documents.put("deal", document("""
                {"/deals/{id}/history": {"get": {"operationId": "listHistory"}},
                 "/deals": {"post": {"operationId": "createDeal"}}}"""));
        documents.put("customer-success", document("""
                {"/customers/{id}/history": {"get": {"operationId": "listHistory"}}}"""));

        JsonObject paths = merger.merge(documents, List.of()).getJsonObject("paths");

        assertEquals("listHistory", operationId(paths, "/leads/{id}/history", "get"));
        assertEquals("dealListHistory", operationId(paths, "/deals/{id}/history", "get"));
        assertEquals("customerSuccessListHistory", operationId(paths, "/customers/{id}/history", "get"));
        assertEquals("createLead", operationId(paths, "/leads", "post"));
        assertEquals("createDeal", operationId(paths, "/deals", "post"));
        assertEquals(2, warnings.size(), messages());
        String warning = message(warnings.getFirst());
        for (String part : List.of("listHistory", "GET /deals/{id}/history of deal", "GET /leads/{id}/history of lead",
                "dealListHistory")) {
            assertTrue(warning.contains(part), "'" + part + "' in: " + warning);
        }
    }

    @Test
    void theSamePathOfSeveralUpstreamsIsKeptOnceWithItsOperationIdAsItIs() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        documents.put("lead", document("""
                {"/dead-letters/{service}": {"get": {"operationId": "listDeadLetters", "description": "lead"}}}"""));
        documents.put("deal", document("""
                {"/dead-letters/{service}": {"get": {"operationId": "listDeadLetters", "description": "deal"}}}"""));

        JsonObject paths = merger.merge(documents, List.of()).getJsonObject("paths");

        JsonObject get = paths.getJsonObject("/dead-letters/{service}").getJsonObject("get");
        assertEquals("listDeadLetters", get.getString("operationId"));
        assertEquals("lead", get.getString("description"));
        assertEquals(List.of(), warnings, messages());
    }

    @Test
    void anOperationWithoutOperationIdIsKeptWithoutOne() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        documents.put("lead", document("""
                {"/leads": {"get": {"summary": "no id"}, "post": {"operationId": ""}}}"""));
        documents.put("deal", document("""
                {"/deals": {"get": {"summary": "no id either"}}}"""));

        JsonObject paths = merger.merge(documents, List.of()).getJsonObject("paths");

        assertNull(operationId(paths, "/leads", "get"));
        assertEquals("", operationId(paths, "/leads", "post"));
        assertNull(operationId(paths, "/deals", "get"));
        assertEquals(List.of(), warnings, messages());
    }

    @Test
    void aPrefixedNameThatIsTakenAlreadyStillEndsUnique() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        documents.put("lead", document("""
                {"/leads/{id}/history": {"get": {"operationId": "listHistory"}}}"""));
        documents.put("deal", document("""
                {"/deals/{id}/history": {"get": {"operationId": "listHistory"}},
                 "/deals/{id}/stage-history": {"get": {"operationId": "dealListHistory"}}}"""));

        JsonObject paths = merger.merge(documents, List.of()).getJsonObject("paths");

        assertEquals("listHistory", operationId(paths, "/leads/{id}/history", "get"));
        assertEquals("dealListHistory2", operationId(paths, "/deals/{id}/history", "get"));
        assertEquals("dealListHistory", operationId(paths, "/deals/{id}/stage-history", "get"));
    }

    private static JsonObject document(String paths) {
        return new JsonObject().put("openapi", "3.1.0").put("paths", new JsonObject(paths));
    }

    private static String operationId(JsonObject paths, String path, String method) {
        return paths.getJsonObject(path).getJsonObject(method).getString("operationId");
    }

    private String messages() {
        return warnings.stream().map(OpenApiMergerOperationIdsTest::message).toList().toString();
    }

    /** The message with its parameters, whichever logging backend formatted (or did not format) it. */
    private static String message(LogRecord record) {
        String message = record.getMessage();
        Object[] parameters = record.getParameters();
        return parameters == null || parameters.length == 0 ? message : String.format(message, parameters);
    }
}
