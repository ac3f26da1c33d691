package dev.salesplatform.deal.api;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import dev.salesplatform.testkit.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The deal API as the tests call it, with real signed tokens; each test uses fresh user ids. */
public final class DealApi {

    public static final String PROBLEM = "application/problem+json";
    public static final String DEFAULT_PIPELINE = "01930000-0000-7000-8000-000000000001";

    private DealApi() {
    }

    public static String ae(UUID id) {
        return TestTokens.bearer(id, "account-executive");
    }

    public static String manager() {
        return TestTokens.bearer(UUID.randomUUID(), "sales-manager");
    }

    public static String admin() {
        return TestTokens.bearer(UUID.randomUUID(), "admin");
    }

    public static String dealJson(String name) {
        return """
                {"name": "%s", "companyName": "Analytical Engines Ltd",
                 "contact": {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com"},
                 "amount": {"amount": "48000.00", "currency": "EUR"}, "expectedCloseDate": "2027-03-31"}"""
                .formatted(name);
    }

    public static String winJson() {
        return """
                {"finalAmount": {"amount": "45000.00", "currency": "EUR"},
                 "contract": {"startDate": "2027-04-01", "termMonths": 12,
                              "monthlyRecurringRevenue": {"amount": "3750.00", "currency": "EUR"}}}""";
    }

    /** Opens a deal as {@code token} and answers its id. */
    public static String create(String token, String json) {
        return post(token, "/api/v1/deals", json).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse post(String token, String path, String json) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(json == null ? "{}" : json)
                .when().post(path).then();
    }

    public static ValidatableResponse get(String token, String path) {
        return given().header("Authorization", token).when().get(path).then();
    }

    public static ValidatableResponse patch(String token, String id, String ifMatch, String json) {
        var request = given().header("Authorization", token).contentType("application/merge-patch+json").body(json);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().patch("/api/v1/deals/" + id).then();
    }

    public static ValidatableResponse stage(String token, String id, String stage) {
        return post(token, "/api/v1/deals/" + id + "/stage", "{\"stage\": \"" + stage + "\"}");
    }
}
