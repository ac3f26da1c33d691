package dev.salesplatform.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * CORS, trace context, the merged OpenAPI document, Swagger UI and readiness (on the management
 * interface), on the default settings.
 */
@QuarkusTest
@WithTestResource(EchoUpstreamResource.class)
class EdgeFeaturesTest {

    private static final String FRONTEND = "http://localhost:5173";
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "health/live", management = true)
    URL liveness;

    private static String sdr() {
        return TestTokens.bearer(UUID.randomUUID(), "sdr");
    }

    @Test
    void answersAPreflightFromAnAllowedOriginWithoutAToken() {
        given()
                .header("Origin", FRONTEND)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization, content-type, if-match")
                .when().options("/api/v1/leads/7")
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", FRONTEND)
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", allOf(containsString("Authorization"),
                        containsString("Content-Type"), containsString("Idempotency-Key"), containsString("If-Match"),
                        containsString("X-Request-Id")))
                .header("Access-Control-Max-Age", "600")
                .header("Vary", containsString("Origin"));
    }

    @Test
    void refusesAPreflightFromAnUnknownOriginWithoutCorsHeaders() {
        given()
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/leads")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue())
                .body("type", is("https://salesplatform.dev/problems/origin-not-allowed"));
    }

    @Test
    void putsCorsHeadersOnActualAnswersForAllowedOriginsOnly() {
        String exposed = "ETag, Location, X-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining, "
                + "RateLimit-Reset, Idempotent-Replayed";
        given().header("Authorization", sdr()).header("Origin", "http://127.0.0.1:8080")
                .when().get("/api/v1/leads")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://127.0.0.1:8080")
                .header("Access-Control-Expose-Headers", exposed)
                .header("RateLimit-Limit", "200");
        given().header("Authorization", sdr()).header("Origin", FRONTEND)
                .when().get(EchoUpstreamResource.VARY_PATH)
                .then()
                .statusCode(200)
                .header("Vary", "Accept-Encoding, Origin");
        given().header("Origin", FRONTEND)
                .when().get("/api/v1/leads")
                .then()
                .statusCode(401)
                .header("Access-Control-Allow-Origin", FRONTEND);
        given().header("Authorization", sdr()).header("Origin", "https://evil.example")
                .when().get("/api/v1/leads")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Expose-Headers", nullValue());
    }

    @Test
    void continuesAValidTraceparentWithItsTracestateAndSendsItsOwnSpanUpstream() {
        given().header("Authorization", sdr())
                .header("traceparent", TRACEPARENT)
                .header("tracestate", "vendor=opaque,other=1")
                .when().get("/api/v1/leads")
                .then()
                .statusCode(200)
                .body("headers.traceparent", allOf(startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-"),
                        matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), not(is(TRACEPARENT))))
                .body("headers.tracestate", is("vendor=opaque,other=1"));
    }

    @Test
    void startsATraceWhenNoneOrAnInvalidOneCame() {
        given().header("Authorization", sdr())
                .when().get("/api/v1/deals")
                .then()
                .statusCode(200)
                .body("headers.traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
        given().header("Authorization", sdr())
                .header("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01")
                .header("tracestate", "vendor=opaque")
                .when().get("/api/v1/deals")
                .then()
                .statusCode(200)
                .body("headers.traceparent", allOf(matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"),
                        not(containsString("00000000000000000000000000000000"))))
                .body("headers", not(hasKey("tracestate")));
    }

    @Test
    void servesTheMergedOpenApiDocumentOfTheReachableUpstreams() {
        for (String url : new String[] { "/q/openapi", "/q/openapi?format=json" }) {
            given().when().get(url)
                    .then()
                    .statusCode(200)
                    .contentType("application/json")
                    .body("paths", hasKey(FakeOpenApi.pathOf("lead")))
                    .body("paths", hasKey(FakeOpenApi.pathOf("deal")))
                    .body("paths", hasKey(FakeOpenApi.pathOf("customer-success")))
                    .body("info.title", is("Sales Platform API"))
                    .body("info.description", containsString("not included: analytics"))
                    .body("servers[0].url", is("/"))
                    .body("tags.name", hasItems("lead things", "deal things"))
                    .body("components.securitySchemes.keySet()", hasItems("oauth2", "bearer"))
                    .body("components.securitySchemes", not(hasKey("SecurityScheme")))
                    .body("components.securitySchemes.oauth2.flows.authorizationCode.authorizationUrl",
                            is("http://127.0.0.1:8180/realms/sales/protocol/openid-connect/auth"))
                    .body("components.securitySchemes.bearer.bearerFormat", is("JWT"))
                    .body("components.schemas.keySet()", hasItems("Problem", "LeadMoney", "DealMoney",
                            "CustomerSuccessMoney"))
                    .body("components.schemas", not(hasKey("Money")))
                    .body("paths.'/api/v1/deal-things'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                            is("#/components/schemas/DealMoney"))
                    .body("paths.'/api/v1/deal-things'.get.responses.'404'.content.'application/json'.schema.'$ref'",
                            is("#/components/schemas/Problem"))
                    .body("paths.'/api/v1/lead-things'.get.security.collect { it.keySet() }.flatten()",
                            hasItems("oauth2", "bearer"));
        }
    }

    @Test
    void servesSwaggerUiWiredToTheMergedDocumentAndKeycloakWithPkce() {
        given().redirects().follow(false).when().get("/q/swagger-ui")
                .then().statusCode(302).header("Location", "/q/swagger-ui/");
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("swagger-initializer.js"));
        given().when().get("/q/swagger-ui/swagger-initializer.js")
                .then().statusCode(200)
                .body(allOf(containsString("url: \"/q/openapi\""), containsString("clientId: \"sales-frontend\""),
                        containsString("usePkceWithAuthorizationCodeGrant: true"),
                        containsString("/q/swagger-ui/oauth2-redirect.html")));
        given().when().get("/q/swagger-ui/oauth2-redirect.html")
                .then().statusCode(200).body(not(emptyString()));
        given().when().get("/q/swagger-ui/swagger-ui-bundle.js")
                .then().statusCode(200);
    }

    @Test
    void reportsEveryUpstreamInReadinessAndStaysReadyWithOneDown() {
        String analytics = ConfigProvider.getConfig().getValue("gateway.upstreams.analytics.url", String.class);
        // As the readiness poll, started with the gateway, has found them.
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get(readiness)
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("upstream lead", "upstream deal", "upstream customer-success",
                        "upstream analytics"))
                .body("checks.find { it.name == 'upstream lead' }.data.upstream", is("UP"))
                .body("checks.find { it.name == 'upstream analytics' }.data.upstream", is("DOWN"))
                .body("checks.find { it.name == 'upstream analytics' }.data.'" + analytics + "'",
                        allOf(startsWith("DOWN (not reachable: "), containsString("circuit breaker"))));
        given().when().get(liveness)
                .then().statusCode(200).body("checks.name", not(hasItem("upstream analytics")));
    }
}
