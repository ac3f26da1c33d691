package dev.salesplatform.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(EchoUpstreamResource.class)
class GatewayTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String CHALLENGE = "Bearer realm=\"sales\"";

    /** Health and metrics are on the management interface, below its root path {@code /q}. */
    @TestHTTPResource(value = "health", management = true)
    URL health;

    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    private static String sdr() {
        return TestTokens.bearer(UUID.randomUUID(), "sdr");
    }

    @Test
    void proxiesTheRequestIntactWithForwardingHeadersAndARequestId() {
        String authorization = sdr();

        Response response = given()
                .header("Authorization", authorization)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Ada\"}")
                .when().post("/api/v1/leads/123/history?page=2&sort=-createdAt");

        response.then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .body("method", is("POST"))
                .body("path", is("/api/v1/leads/123/history"))
                .body("query", is("page=2&sort=-createdAt"))
                .body("body", is("{\"name\":\"Ada\"}"))
                .body("headers.authorization", is(authorization))
                .body("headers.'content-type'", containsString("application/json"))
                .body("headers.'x-request-id'", is(response.header("X-Request-Id")))
                .body("headers.'x-forwarded-for'", is("127.0.0.1"))
                .body("headers.'x-forwarded-proto'", is("http"))
                .body("headers.'x-forwarded-host'", is(URI.create(RestAssured.baseURI).getHost() + ":" + RestAssured.port));
    }

    @Test
    void routesEveryConfiguredPrefixIncludingTheExactPath() {
        Stream.of("/api/v1/leads", "/api/v1/lead-imports/7", "/api/v1/pipelines", "/api/v1/deals/1/win",
                "/api/v1/customers/9", "/api/v1/renewals").forEach(path -> given()
                        .header("Authorization", sdr())
                        .when().get(path)
                        .then().statusCode(200).body("path", is(path)));
    }

    @Test
    void passesASaneClientRequestIdThrough() {
        given()
                .header("Authorization", sdr())
                .header("X-Request-Id", "client-42.A_b")
                .when().get("/api/v1/deals")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "client-42.A_b")
                .body("headers.'x-request-id'", is("client-42.A_b"));
    }

    @ParameterizedTest
    @MethodSource("insaneRequestIds")
    void replacesAnInsaneClientRequestId(String clientId) {
        Response response = given()
                .header("Authorization", sdr())
                .header("X-Request-Id", clientId)
                .when().get("/api/v1/deals");

        response.then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .body("headers.'x-request-id'", is(response.header("X-Request-Id")));
    }

    static Stream<String> insaneRequestIds() {
        return Stream.of("", "has space", "semi;colon", "x".repeat(129));
    }

    @Test
    void rejectsARequestWithoutTokenAsProblem() {
        assertProblem(given().when().get("/api/v1/leads").then(), 401, "unauthorized", "/api/v1/leads")
                .header("WWW-Authenticate", CHALLENGE);
    }

    @ParameterizedTest
    @MethodSource("invalidTokens")
    void rejectsAnInvalidTokenAsProblem(String authorization) {
        assertProblem(given().header("Authorization", authorization).when().post("/api/v1/leads").then(),
                401, "unauthorized", "/api/v1/leads")
                .header("WWW-Authenticate", CHALLENGE + ", error=\"invalid_token\"");
    }

    static Stream<Arguments> invalidTokens() {
        UUID user = UUID.randomUUID();
        return Stream.of(
                Arguments.of("Bearer " + TestTokens.expired(user, "sdr")),
                Arguments.of("Bearer " + TestTokens.forged(user, "sdr")),
                Arguments.of("Bearer not-a-jwt"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/leadsX", "/api/v1/unknown", "/api", "/nothing-here" })
    void answersAnUnknownRouteWithNotFoundProblem(String path) {
        assertProblem(given().header("Authorization", sdr()).when().get(path).then(), 404, "not-found", path);
    }

    @Test
    void answersAnUnreachableUpstreamWithServiceUnavailableProblem() {
        assertProblem(given().header("Authorization", sdr()).when().get("/api/v1/analytics/pipeline").then(),
                503, "upstream-unavailable", "/api/v1/analytics/pipeline");
    }

    @Test
    void answersASlowUpstreamWithGatewayTimeoutProblem() {
        assertProblem(given().header("Authorization", sdr()).when().get(EchoUpstreamResource.SLOW_PATH).then(),
                504, "upstream-timeout", EchoUpstreamResource.SLOW_PATH);
    }

    @Test
    void passesAnUpstreamProblemThroughUntouched() {
        given()
                .header("Authorization", sdr())
                .when().post(EchoUpstreamResource.CONFLICT_PATH)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .body("type", is("https://salesplatform.dev/problems/conflict"))
                .body("detail", is("Renewal already closed."));
    }

    @Test
    void dropsTheUpstreamsHopByHopHeadersSoHttp2ClientsCanReadTheAnswer() throws Exception {
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> response = http2.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + RestAssured.port + EchoUpstreamResource.HOP_BY_HOP_PATH))
                        .header("Authorization", TestTokens.bearer(UUID.randomUUID(), "sdr")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("{\"ok\":true}", response.body());
        assertTrue(response.headers().firstValue("keep-alive").isEmpty());
    }

    @Test
    void forwardsAStreamedBodyEvenWhenTheClientOffersACleartextHttp2Upgrade() throws Exception {
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        String csv = "firstName,lastName\nAda,Lovelace\n";
        HttpResponse<String> response = http2.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + RestAssured.port + "/api/v1/lead-imports"))
                        .header("Authorization", TestTokens.bearer(UUID.randomUUID(), "integration"))
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals(csv, JsonPath.from(response.body()).getString("body"));
    }

    @Test
    void servesHealthOnTheManagementPortWithoutToken() {
        given().when().get(readiness).then().statusCode(200).body("status", is("UP"));
        given().header("Authorization", "Bearer not-a-jwt").when().get(health).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/health", "/q/health/ready", "/q/health/live", "/q/metrics" })
    void answersHealthAndMetricsOnThePublicPortWithNotFoundProblem(String path) {
        assertProblem(given().when().get(path).then(), 404, "not-found", path);
    }

    @Test
    void servesMetricsOnTheManagementPortWithoutTokenAndTagsProxiedRequestsByRouteNotById() {
        String id = UUID.randomUUID().toString();
        given().header("Authorization", sdr()).when().get("/api/v1/customers/" + id).then().statusCode(200);

        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given()
                .when().get(metrics)
                .then()
                .statusCode(200)
                .body(containsString("uri=\"/api/v1/customers/*\""))
                .body(not(containsString(id))));
    }

    private static ValidatableResponse assertProblem(ValidatableResponse response, int status, String slug,
            String instance) {
        return response
                .statusCode(status)
                .contentType("application/problem+json")
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .body("type", is("https://salesplatform.dev/problems/" + slug))
                .body("title", notNullValue())
                .body("status", equalTo(status))
                .body("detail", notNullValue())
                .body("instance", is(instance))
                .body(not(containsString("Exception")));
    }
}
