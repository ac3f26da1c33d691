package dev.salesplatform.gateway;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The request line and headers, which the gateway checks before anything else reads them: one
 * canonical path, bounded sizes, and problem+json in HTTP/1.1 for each refusal. Written on a raw
 * socket, since HTTP clients normalise or refuse such requests before sending them.
 */
@QuarkusTest
@WithTestResource(EchoUpstreamResource.class)
class RequestHeadTest {

    private static String sdr() {
        return "Authorization: " + TestTokens.bearer(UUID.randomUUID(), "sdr");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/leads/../deals", "/api/v1/leads/./7", "/api/v1/leads/..", "/api/v1/leads/%2e%2e/7",
            "/api/v1/leads/.%2E", "/api/v1//leads", "//api/v1/leads", "/api/v1/leads//", "/api/v1/%6ceads", "/api/v1/lead%73",
            "/api/v1/leads/%41", "/api/v1/leads/%7E", "/api/v1/leads/%5F", "/api/v1/leads/%2D", "/api/v1/leads/%39",
            "/api/v1/leads/a%2Fb", "/api/v1/leads/a%2fb", "/api/v1/leads/a%5Cb", "/api/v1/leads/a\\b", "/api/v1/leads/%00",
            "/api/v1/leads/%1F", "/api/v1/leads/%7F", "/api/v1/leads/%zz", "/api/v1/leads/%4", "/api/v1/leads/%",
            "/api/v1/leads/a|b", "/api/v1/leads/caf\u00e9", "http://127.0.0.1/api/v1/leads" })
    void refusesAPathNotInNormalFormBeforeTheTokenIsChecked(String target) {
        RawHttp.Answer answer = RawHttp.get(target);

        assertProblem(answer, 400, "bad-path");
        assertThat(answer.json().getString("detail"), startsWith("The path must be in normal form (RFC 3986): "));
    }

    @ParameterizedTest
    @CsvSource({ "POST, /api/v1/leads/../activities", "PATCH, /api/v1/leads/7/.", "DELETE, /api/v1//deals/7",
            "PUT, /nope/../api/v1/leads" })
    void refusesAPathNotInNormalFormWhateverTheMethod(String method, String target) {
        assertProblem(RawHttp.request(method, target, "{}", sdr(), "Content-Type: application/json"), 400, "bad-path");
    }

    @ParameterizedTest
    @ValueSource(strings = { "q=%zz", "q=%4", "q=%", "q=a|b", "q=\"a\"", "q=a{b}" })
    void refusesAMalformedQueryAsProblem(String query) {
        RawHttp.Answer answer = RawHttp.get("/api/v1/leads?" + query, sdr());

        assertProblem(answer, 400, "bad-query");
        assertEquals("/api/v1/leads", answer.json().getString("instance"));
    }

    @Test
    void forwardsACanonicalPathAndQueryCharacterForCharacter() {
        String path = "/api/v1/leads/caf%C3%A9%20x;v=1,2/a-b_c.d~e!$&'()*+=:@/...x/%25";
        String query = "filter[stage]=DEMO&q=a%2Fb%25&next=/a?b:c@d";

        RawHttp.Answer answer = RawHttp.get(path + "?" + query, sdr());

        assertEquals(200, answer.status(), answer.body());
        assertEquals(path, answer.json().getString("path"));
        assertEquals(query, answer.json().getString("query"));
    }

    @Test
    void keepsATrailingSlashAsSent() {
        RawHttp.Answer answer = RawHttp.get("/api/v1/leads/", sdr());

        assertEquals(200, answer.status(), answer.body());
        assertEquals("/api/v1/leads/", answer.json().getString("path"));
    }

    @Test
    void answersAnOverlongRequestTargetWithUriTooLongProblem() {
        RawHttp.Answer answer = RawHttp.get("/api/v1/leads?q=" + "a".repeat(5_000), sdr());

        assertProblem(answer, 414, "uri-too-long");
        assertEquals("/api/v1/leads", answer.json().getString("instance"));
        assertThat(answer.json().getString("detail"), containsString("4000 characters"));
    }

    @Test
    void answersOverlargeHeadersWithHeaderFieldsTooLargeProblem() {
        RawHttp.Answer answer = RawHttp.get("/api/v1/leads", sdr(), "X-Padding: " + "p".repeat(20_000));

        assertProblem(answer, 431, "header-fields-too-large");
        assertThat(answer.json().getString("detail"), containsString("16384 bytes"));
    }

    @ParameterizedTest
    @CsvSource({ "POST, /nope", "PUT, /nope", "DELETE, /api/v1/nope", "PATCH, /q/nope", "POST, /q/health" })
    void answersAnyMethodOnAnUnknownPathWithNotFoundProblem(String method, String path) {
        RawHttp.Answer answer = RawHttp.request(method, path, "{}", sdr(), "Content-Type: application/json");

        assertProblem(answer, 404, "not-found");
        assertNull(answer.header("Allow"));
    }

    @ParameterizedTest
    @CsvSource({ "POST, /q/openapi", "PUT, /q/swagger-ui/", "DELETE, /q/swagger-ui/index.html" })
    void answersAWriteToTheDocumentationWithMethodNotAllowedProblem(String method, String path) {
        RawHttp.Answer answer = RawHttp.request(method, path, "{}", "Content-Type: application/json");

        assertProblem(answer, 405, "method-not-allowed");
        assertEquals("GET, HEAD", answer.header("Allow"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/openapi", "/q/swagger-ui/" })
    void answersHeadOnTheDocumentationLikeGetWithoutABody(String path) {
        RawHttp.Answer answer = RawHttp.send("HEAD " + path + " HTTP/1.1\r\nHost: 127.0.0.1", "");

        assertEquals(200, answer.status());
        assertEquals("", answer.body());
    }

    private static void assertProblem(RawHttp.Answer answer, int status, String slug) {
        assertThat(answer.statusLine(), startsWith("HTTP/1.1 " + status + " "));
        assertEquals("application/problem+json", answer.header("Content-Type"), answer.body());
        assertThat(answer.header("X-Request-Id"), matchesPattern("[0-9a-f-]{36}"));
        JsonPath problem = answer.json();
        assertEquals("https://salesplatform.dev/problems/" + slug, problem.getString("type"));
        assertNotNull(problem.getString("title"));
        assertEquals(status, problem.getInt("status"));
        assertNotNull(problem.getString("detail"));
        assertNotNull(problem.getString("instance"));
        assertThat(answer.body(), not(containsString("Exception")));
    }
}
