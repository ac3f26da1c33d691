package dev.salesplatform.deal.api;

import static dev.salesplatform.deal.api.DealApi.dealJson;
import static dev.salesplatform.deal.api.DealApi.winJson;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestClock;
import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Every transactional request gets an answer, and one whose client goes away before the answer still
 * runs to its commit or rollback: no session closed under a running transaction ("No current
 * Mutiny.Session found", then HR000090 at close, both dropped, which the test kit's
 * {@code DroppedFailureWatch} fails on), no idempotency key left in flight. The pool is small and its
 * connections idle out at once, so that requests keep getting connections created, or last used, on
 * another event loop.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@TestProfile(TransactionContextTest.ChurningPool.class)
class TransactionContextTest {

    public static class ChurningPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.max-size", "4",
                    "quarkus.datasource.reactive.idle-timeout", "PT0.05S");
        }
    }

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);
    private static final String PROPOSAL = """
            {"lines": [{"product": "Seat", "quantity": "10", "unitPrice": {"amount": "1000.00", "currency": "EUR"},
                        "discountPercent": "10"}],
             "validUntil": "%s"}""";
    private static final Duration SETTLED_WITHIN = Duration.ofSeconds(15);
    /** Far less than {@code IdempotentRequests.ABANDONED_AFTER}: only the first request's own run may hold the key. */
    private static final Duration IN_FLIGHT_AT_MOST = Duration.ofSeconds(5);

    @TestHTTPResource("/")
    URL base;

    @Test
    void sequentialRequestsAllGetAnAnswer() throws Exception {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        HttpClient client = client();
        int requests = 0;
        for (int i = 0; i < 100; i++) {
            requests += closeADeal(client, i, i % 2 == 0, failures);
        }
        assertEquals(List.of(), failures, failures.size() + " of " + requests + " requests failed");
    }

    @Test
    void parallelRequestsOnEveryEventLoopAllGetAnAnswer() throws Exception {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(callers.submit(() -> {
                    // A client of its own: its own connections, accepted on the server's event loops in turn.
                    HttpClient client = client();
                    int sent = 0;
                    for (int i = 0; i < 25; i++) {
                        sent += closeADeal(client, i, i % 2 == 0, failures);
                    }
                    return sent;
                }));
            }
            int requests = 0;
            for (Future<Integer> result : results) {
                requests += result.get();
            }
            assertEquals(List.of(), failures, failures.size() + " of " + requests + " requests failed");
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aWinWhoseClientLeftBeforeTheAnswerStillCommits() throws Exception {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        HttpClient client = client();
        Random random = new Random(7);
        Map<String, String> deals = new LinkedHashMap<>();
        for (int i = 0; i < 120; i++) {
            String token = ae();
            String id = id(send(client, token, "POST", "/api/v1/deals", dealJson("Abandoned win"), null, 201, failures));
            if (id != null) {
                deals.put(id, token);
                abandon(token, "/api/v1/deals/" + id + "/win", winJson(), null, random.nextInt(15));
            }
        }
        Map<String, String> notWon = awaitStatus(client, deals, "WON");
        notWon.forEach((id, status) -> failures.add("deal " + id + " is " + status + " after its win was sent"));
        assertEquals(List.of(), failures, failures.size() + " of " + deals.size() + " abandoned wins did not commit");
    }

    @Test
    void anIdempotentCreateWhoseClientLeftIsReplayedToTheRetry() throws Exception {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        HttpClient client = client();
        Random random = new Random(11);
        int creates = 60;
        for (int i = 0; i < creates; i++) {
            UUID owner = UUID.randomUUID();
            String token = TestTokens.bearer(owner, "account-executive");
            String key = UUID.randomUUID().toString();
            String json = dealJson("Abandoned create");
            abandon(token, "/api/v1/deals", json, key, random.nextInt(15));
            HttpResponse<String> retry = retryWhileInFlight(client, token, json, key);
            if (retry.statusCode() != 201) {
                failures.add("retry of " + key + ": " + retry.statusCode() + " " + retry.body());
                continue;
            }
            String listed = send(client, token, "GET", "/api/v1/deals?owner=" + owner, null, null, 200, failures);
            int count = listed == null ? -1 : (int) ID.matcher(listed).results().count();
            if (count != 1) {
                failures.add("key " + key + " made " + count + " deals");
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + creates + " abandoned creates went wrong");
    }

    /**
     * Opens a deal and takes it through its stages to a win, in one of three ways by {@code variant}:
     * won over an open obstacle (with an override), through a resolved obstacle and an accepted
     * proposal, or plainly. Answers the number of requests sent.
     */
    private int closeADeal(HttpClient client, int variant, boolean idempotent, List<String> failures) {
        String token = ae();
        String id = id(send(client, token, "POST", "/api/v1/deals", dealJson("Deal"),
                idempotent ? UUID.randomUUID().toString() : null, 201, failures));
        if (id == null) {
            return 1;
        }
        String path = "/api/v1/deals/" + id;
        int sent = 1;
        String win = winJson();
        for (String stage : new String[] {"DEMO", "PROPOSAL"}) {
            send(client, token, "POST", path + "/stage", "{\"stage\": \"" + stage + "\"}", null, 200, failures);
            sent++;
        }
        if (variant % 3 != 2) {
            String obstacle = id(send(client, token, "POST", path + "/obstacles",
                    "{\"type\": \"LEGAL\", \"notes\": \"DPA\"}", null, 201, failures));
            sent++;
            if (variant % 3 == 0) {
                win = win.replaceFirst("}$", ", \"override\": {\"reason\": \"Signed despite the DPA\"}}");
            } else {
                send(client, token, "POST", path + "/obstacles/" + obstacle + "/resolve",
                        "{\"resolution\": \"DPA signed\"}", null, 200, failures);
                String proposal = id(send(client, token, "POST", path + "/proposals", PROPOSAL.formatted(
                        TestClock.current().today().plusDays(30)), null, 201, failures));
                send(client, token, "POST", path + "/proposals/" + proposal + "/send", "{}", null, 200, failures);
                send(client, token, "POST", path + "/proposals/" + proposal + "/accept", "{}", null, 200, failures);
                sent += 4;
            }
        }
        send(client, token, "POST", path + "/stage", "{\"stage\": \"NEGOTIATION\"}", null, 200, failures);
        send(client, token, "POST", path + "/win", win, null, 200, failures);
        return sent + 2;
    }

    /** Sends a POST and closes the connection within {@code millis}, before or at its answer, as a client that gave up. */
    private void abandon(String token, String path, String json, String idempotencyKey, int millis)
            throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
                + (idempotencyKey == null ? "" : "Idempotency-Key: " + idempotencyKey + "\r\n") + "\r\n";
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            socket.setSoTimeout(Math.max(1, millis));
            try {
                socket.getInputStream().read();
            } catch (SocketTimeoutException e) {
                // Gave up before the answer came.
            }
        }
    }

    /** Retries while the first request still holds the key (409), for at most {@link #IN_FLIGHT_AT_MOST}. */
    private HttpResponse<String> retryWhileInFlight(HttpClient client, String token, String json, String key) {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        try {
            await().atMost(IN_FLIGHT_AT_MOST).pollInterval(Duration.ofMillis(200)).until(() -> {
                last.set(client.send(request(token, "POST", "/api/v1/deals", json, key),
                        HttpResponse.BodyHandlers.ofString()));
                return last.get().statusCode() != 409;
            });
        } catch (ConditionTimeoutException e) {
            // The last answer, still 409, is the failure to report.
        }
        return last.get();
    }

    /** The status of each deal (id to its owner's token) still not {@code expected} when the others are, or time is up. */
    private Map<String, String> awaitStatus(HttpClient client, Map<String, String> deals, String expected) {
        Map<String, String> pending = new LinkedHashMap<>(deals);
        Map<String, String> statuses = new LinkedHashMap<>();
        try {
            await().atMost(SETTLED_WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> {
                statuses.clear();
                pending.forEach((id, token) -> {
                    String body = send(client, token, "GET", "/api/v1/deals/" + id, null, null, 200, new ArrayList<>());
                    Matcher status = STATUS.matcher(body == null ? "" : body);
                    String current = status.find() ? status.group(1) : String.valueOf(body);
                    if (!expected.equals(current)) {
                        statuses.put(id, current);
                    }
                });
                pending.keySet().retainAll(statuses.keySet());
                return pending.isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            // What is still pending is the failure to report.
        }
        return statuses;
    }

    private String send(HttpClient client, String token, String method, String path, String json, String idempotencyKey,
                        int expected, List<String> failures) {
        try {
            HttpResponse<String> response = client.send(request(token, method, path, json, idempotencyKey),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                failures.add(method + " " + path + ": " + response.statusCode() + " " + response.body());
                return null;
            }
            return response.body();
        } catch (IOException e) {
            failures.add(method + " " + path + ": no answer (" + e + ")");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String token, String method, String path, String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .timeout(ANSWER_WITHIN)
                .header("Authorization", token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.build();
    }

    private static String id(String body) {
        Matcher id = ID.matcher(body == null ? "" : body);
        return id.find() ? id.group(1) : null;
    }

    private static String ae() {
        return TestTokens.bearer(UUID.randomUUID(), "account-executive");
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(ANSWER_WITHIN).build();
    }
}
