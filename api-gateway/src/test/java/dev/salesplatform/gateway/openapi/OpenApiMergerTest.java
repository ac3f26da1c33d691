package dev.salesplatform.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

class OpenApiMergerTest {

    private final OpenApiMerger merger = new OpenApiMerger("Sales", "1.0", "/", URI.create("http://kc/realms/sales/"));

    @Test
    void renamesClashingComponentsOfEveryKindAndTheirReferencesDeepInsideTheDocument() {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        documents.put("lead", document("lead"));
        documents.put("customer-success", document("customer-success"));

        JsonObject merged = merger.merge(documents, List.of());

        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertEquals(List.of("Shared", "LeadMoney", "LeadDeal", "CustomerSuccessMoney", "CustomerSuccessDeal"),
                List.copyOf(schemas.fieldNames()));
        assertEquals("#/components/schemas/CustomerSuccessMoney",
                schemas.getJsonObject("CustomerSuccessDeal").getJsonArray("allOf").getJsonObject(1).getString("$ref"));
        assertTrue(merged.getJsonObject("components").getJsonObject("parameters").containsKey("CustomerSuccessLimit"));
        assertEquals("#/components/parameters/LeadLimit", merged.getJsonObject("paths").getJsonObject("/lead")
                .getJsonObject("get").getJsonArray("parameters").getJsonObject(0).getString("$ref"));
    }

    @Test
    void keepsAnOperationThatIsOpenToAllOpenAndGivesTheOthersTheGatewaysSchemes() {
        JsonObject merged = merger.merge(Map.of("lead", document("lead")), List.of("deal"));

        JsonObject get = merged.getJsonObject("paths").getJsonObject("/lead").getJsonObject("get");
        JsonObject post = merged.getJsonObject("paths").getJsonObject("/lead").getJsonObject("post");
        assertEquals(new JsonArray(), get.getJsonArray("security"));
        assertEquals(new JsonArray().add(new JsonObject().put("oauth2", new JsonArray()))
                .add(new JsonObject().put("bearer", new JsonArray())), post.getJsonArray("security"));
        assertEquals("http://kc/realms/sales/protocol/openid-connect/token", merged.getJsonObject("components")
                .getJsonObject("securitySchemes").getJsonObject("oauth2").getJsonObject("flows")
                .getJsonObject("authorizationCode").getString("tokenUrl"));
        assertFalse(merged.getJsonObject("components").getJsonObject("securitySchemes").containsKey("jwt"));
        assertTrue(merged.getJsonObject("info").getString("description").endsWith("not included: deal."));
    }

    private static JsonObject document(String upstream) {
        return new JsonObject("""
                {"openapi": "3.1.0",
                 "paths": {"/%1$s": {
                   "get": {"security": [], "parameters": [{"$ref": "#/components/parameters/Limit"}]},
                   "post": {"security": [{"jwt": ["sdr"]}]}}},
                 "components": {
                   "schemas": {
                     "Shared": {"type": "string"},
                     "Money": {"description": "%1$s"},
                     "Deal": {"allOf": [{"$ref": "#/components/schemas/Shared"}, {"$ref": "#/components/schemas/Money"}],
                              "description": "%1$s"}},
                   "parameters": {"Limit": {"name": "limit", "in": "query", "description": "%1$s"}},
                   "securitySchemes": {"jwt": {"type": "http", "scheme": "bearer"}}}}
                """.formatted(upstream));
    }
}
