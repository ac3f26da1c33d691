package dev.salesplatform.kit.logging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.testkit.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * What production logs look like: the JSON formatter of production's console, here on a file handler
 * that the test can read, with the request's trace id, span id and request id on each line logged while
 * serving it.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@TestProfile(JsonLogTest.JsonFile.class)
class JsonLogTest {

    static final Path LOG_FILE = Path.of("target", "json-log-test", "quarkus.log").toAbsolutePath();
    static final ObjectMapper JSON = new ObjectMapper();

    /** The console's production format on a file. */
    public static class JsonFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG_FILE.toString(),
                    "quarkus.log.file.json.enabled", "true");
        }
    }

    @Test
    void aLineLoggedWhileServingARequestNamesItsTraceSpanAndRequestId() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String clientSpanId = "00f067aa0ba902b7";
        String requestId = "req-" + UUID.randomUUID();
        String marker = UUID.randomUUID().toString();
        given().header("traceparent", "00-" + traceId + "-" + clientSpanId + "-01")
                .header(RequestIdLogging.HEADER, requestId)
                .when().get("/test/log-probe/" + marker).then().statusCode(200);

        JsonNode line = loggedLine(marker);
        assertEquals("INFO", line.path("level").asText());
        assertEquals("log probe " + marker, line.path("message").asText());
        JsonNode mdc = line.path("mdc");
        assertEquals(traceId, mdc.path("traceId").asText(), line.toString());
        assertTrue(mdc.path("spanId").asText().matches("[0-9a-f]{16}"), line.toString());
        assertNotEquals(clientSpanId, mdc.path("spanId").asText(), "the span is the service's own");
        assertEquals(requestId, mdc.path("requestId").asText(), line.toString());
    }

    @Test
    void aRequestIdThatIsNotAPlainTokenStaysOutOfTheLogs() {
        String marker = UUID.randomUUID().toString();
        given().header(RequestIdLogging.HEADER, "forged entry").when().get("/test/log-probe/" + marker)
                .then().statusCode(200);

        JsonNode mdc = loggedLine(marker).path("mdc");
        assertFalse(mdc.has("requestId"), mdc.toString());
        assertTrue(mdc.path("traceId").asText().matches("[0-9a-f]{32}"), "a trace of its own: " + mdc);
    }

    /** The JSON line whose message ends with {@code marker}, once the handler wrote it. */
    private static JsonNode loggedLine(String marker) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> find(marker), Optional::isPresent).orElseThrow();
    }

    private static Optional<JsonNode> find(String marker) {
        if (!Files.exists(LOG_FILE)) {
            return Optional.empty();
        }
        try (var lines = Files.lines(LOG_FILE)) {
            return lines.filter(line -> line.contains(marker)).findFirst().map(JsonLogTest::parse);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
