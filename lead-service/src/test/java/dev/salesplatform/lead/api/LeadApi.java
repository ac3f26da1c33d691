package dev.salesplatform.lead.api;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import dev.salesplatform.testkit.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The lead API as the tests call it, with the demo users' ids and real signed tokens. */
final class LeadApi {

    static final UUID SARA = UUID.fromString("00000000-0000-7000-8000-000000000001");
    static final UUID SAM = UUID.fromString("00000000-0000-7000-8000-000000000002");
    static final UUID ALEX_AE = UUID.fromString("00000000-0000-7000-8000-000000000003");
    static final UUID MORGAN = UUID.fromString("00000000-0000-7000-8000-000000000006");
    static final UUID INTEGRATION = UUID.fromString("00000000-0000-7000-8000-000000000100");
    static final String PROBLEM = "application/problem+json";

    private LeadApi() {
    }

    static String sdr(UUID id) {
        return TestTokens.bearer(id, "sdr");
    }

    static String manager() {
        return TestTokens.bearer(MORGAN, "sales-manager");
    }

    static String email(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@example.com";
    }

    static String leadJson(String email) {
        return """
                {"firstName": "Ada", "lastName": "Lovelace", "email": "%s", "title": "CTO",
                 "company": {"name": "Analytical Engines Ltd", "employees": 120}, "source": "WEB_FORM"}"""
                .formatted(email);
    }

    /** Creates a lead as {@code token} and answers its id. */
    static String create(String token, String json) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(json)
                .when().post("/api/v1/leads")
                .then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse post(String token, String path, String json) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(json == null ? "{}" : json)
                .when().post(path).then();
    }

    static ValidatableResponse get(String token, String path) {
        return given().header("Authorization", token).when().get(path).then();
    }

    static ValidatableResponse call(String token, String id) {
        return post(token, "/api/v1/leads/" + id + "/activities", "{\"type\": \"CALL\", \"outcome\": \"Connected\"}");
    }

    static ValidatableResponse qualify(String token, String id) {
        return post(token, "/api/v1/leads/" + id + "/qualify", """
                {"budget": {"amount": "50000.00", "currency": "EUR"}, "authority": "CFO signs",
                 "need": "Replace spreadsheets", "timeline": "2099-03-31"}""");
    }
}
