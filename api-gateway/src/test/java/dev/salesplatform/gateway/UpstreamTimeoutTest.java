package dev.salesplatform.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.salesplatform.gateway.PacedClient.Exchange;
import dev.salesplatform.gateway.PacedClient.Pace;
import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The upstream timeout counts only the upstream's silence while it owes the gateway something,
 * never the time a client takes to send its body or to read the answer. The clients keep a pace of
 * their own, so that every test takes the same course on a fast machine as on a loaded one.
 */
@QuarkusTest
@WithTestResource(EchoUpstreamResource.class)
class UpstreamTimeoutTest {

    private static final Duration TIMEOUT = EchoUpstreamResource.UPSTREAM_TIMEOUT;
    /** What the gateway may take beyond the timeout to notice it and answer, on a loaded machine. */
    private static final Duration MARGIN = Duration.ofSeconds(5);
    /** For exchanges that must not time out: only against hanging. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int KILOBYTE = 1024;
    private static final int MEGABYTE = 1024 * KILOBYTE;

    private static String integration() {
        return TestTokens.bearer(UUID.randomUUID(), "integration");
    }

    @ParameterizedTest(name = "{0} chunks, one every {1} ms")
    @CsvSource({ "12, 250", "2, 1500" })
    void forwardsAnUploadThatTakesLongerThanTheTimeoutAndRelaysTheAnswer(int chunks, long intervalMillis) {
        Pace pace = new Pace(chunks, 16 * KILOBYTE, Duration.ofMillis(intervalMillis));
        try (PacedClient client = new PacedClient()) {
            Exchange exchange = client.upload(EchoUpstreamResource.COUNT_PATH, integration(), pace, PATIENCE);

            assertEquals(200, exchange.status(), exchange.body());
            assertEquals(pace.bytes(), JsonPath.from(exchange.body()).getLong("bytes"));
            assertNotNull(exchange.bodySent(), "The answer came before the whole body was sent");
            assertTrue(exchange.bodySent().compareTo(TIMEOUT.multipliedBy(3)) >= 0,
                    "Sending took only " + exchange.bodySent());
        }
    }

    @Test
    void answersGatewayTimeoutWhenTheUpstreamTakesTheBodyAndNeverAnswers() {
        Pace pace = new Pace(6, 16 * KILOBYTE, Duration.ofMillis(500));
        try (PacedClient client = new PacedClient()) {
            Exchange exchange = client.upload(EchoUpstreamResource.SILENT_PATH, integration(), pace,
                    TIMEOUT.plus(MARGIN));

            assertGatewayTimeout(exchange);
            assertNotNull(exchange.bodySent(),
                    "Answered while the client was still sending, after " + exchange.answered());
            assertTrue(exchange.answerAfterBody().compareTo(TIMEOUT) >= 0,
                    "Answered " + exchange.answerAfterBody() + " after the body, before the timeout");
        }
    }

    @Test
    void answersGatewayTimeoutWhenTheUpstreamStopsTakingTheBody() {
        // Far more than the connections between client, gateway and upstream can hold.
        Pace pace = new Pace(48, MEGABYTE, Duration.ofMillis(1));
        try (PacedClient client = new PacedClient()) {
            Exchange exchange = client.upload(EchoUpstreamResource.STALLED_PATH, integration(), pace, PATIENCE);

            assertGatewayTimeout(exchange);
            assertNull(exchange.bodySent(), "The gateway took the whole body from the client");
        }
    }

    @Test
    void cutsAnAnswerOffWhenTheUpstreamFallsSilentInTheMiddle() {
        try (PacedClient client = new PacedClient()) {
            Exchange exchange = client.download(EchoUpstreamResource.HALTING_PATH, integration(), Duration.ZERO,
                    TIMEOUT.plus(MARGIN));

            assertEquals(200, exchange.status());
            assertEquals(EchoUpstreamResource.HALTING_FIRST_CHUNK, exchange.body());
            assertNotNull(exchange.failure(), "The answer ended as if complete");
        }
    }

    @Test
    void letsAClientLeaveALargeAnswerUnreadForLongerThanTheTimeout() {
        try (PacedClient client = new PacedClient()) {
            Exchange exchange = client.download(EchoUpstreamResource.LARGE_ANSWER_PATH, integration(),
                    TIMEOUT.multipliedBy(3), PATIENCE);

            assertNull(exchange.failure(), () -> "The answer broke off: " + exchange.failure());
            assertEquals(200, exchange.status());
            assertEquals(EchoUpstreamResource.LARGE_ANSWER_BYTES, exchange.bodyBytes());
        }
    }

    private static void assertGatewayTimeout(Exchange exchange) {
        assertEquals(504, exchange.status(), exchange.body());
        assertEquals("application/problem+json", exchange.contentType());
        assertEquals("https://salesplatform.dev/problems/upstream-timeout",
                JsonPath.from(exchange.body()).getString("type"));
    }
}
