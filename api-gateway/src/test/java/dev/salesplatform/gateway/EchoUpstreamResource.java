package dev.salesplatform.gateway;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Real HTTP upstreams on free ports, one each for lead, deal and customer-success, that answer with
 * JSON echoing the request they received (on the paths below, they behave as described there), serve
 * an OpenAPI document of their own and report ready; analytics points at a closed port.
 */
public class EchoUpstreamResource implements QuarkusTestResourceLifecycleManager {

    /** Answers only after {@link #SLOW_DELAY}, far beyond the gateway's upstream timeout in tests. */
    static final String SLOW_PATH = "/api/v1/deals/slow";
    /** Answers with hop-by-hop headers that must not reach the client. */
    static final String HOP_BY_HOP_PATH = "/api/v1/leads/hop-by-hop";
    /** Answers with a {@code Vary} header of its own. */
    static final String VARY_PATH = "/api/v1/leads/vary";
    /** Answers 409 with a problem of the upstream's own. */
    static final String CONFLICT_PATH = "/api/v1/renewals/conflict";
    /** Answers with the number of body bytes it received, without keeping them. */
    static final String COUNT_PATH = "/api/v1/lead-imports/count";
    /** Takes the whole body, then never answers. */
    static final String SILENT_PATH = "/api/v1/lead-imports/silent";
    /**
     * Reads none of the body, so that the connection to it fills up, and never answers; closes the
     * connection after {@link #SLOW_DELAY}, so that the gateway's side of it can close too.
     */
    static final String STALLED_PATH = "/api/v1/lead-imports/stalled";
    /** Sends the head and {@link #HALTING_FIRST_CHUNK} of a chunked answer, then nothing more. */
    static final String HALTING_PATH = "/api/v1/leads/halting";
    static final String HALTING_FIRST_CHUNK = "firstName,lastName\n";
    /** Answers {@link #LARGE_ANSWER_BYTES} zero bytes, as fast as the gateway takes them. */
    static final String LARGE_ANSWER_PATH = "/api/v1/leads/large-export";
    static final long LARGE_ANSWER_BYTES = 32L * 1024 * 1024;
    static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(1);
    static final List<String> ECHOING_UPSTREAMS = List.of("lead", "deal", "customer-success");

    private static final Duration SLOW_DELAY = Duration.ofSeconds(10);
    private static final Buffer ZEROS = Buffer.buffer(new byte[64 * 1024]);

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>(TestTokens.oidcConfig());
        for (String upstream : ECHOING_UPSTREAMS) {
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(request -> answer(upstream, request))
                    .listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().join();
            config.put("gateway.upstreams." + upstream + ".url", "http://127.0.0.1:" + server.actualPort());
            // Health on a port of its own, as a service's management interface: the API port has none.
            HttpServer management = vertx.createHttpServer()
                    .requestHandler(EchoUpstreamResource::answerHealth)
                    .listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().join();
            config.put("gateway.upstreams." + upstream + ".management-url", "http://127.0.0.1:" + management.actualPort());
        }
        int closed = Ports.closed();
        config.put("gateway.upstreams.analytics.url", "http://127.0.0.1:" + closed);
        config.put("gateway.upstreams.analytics.management-url", "http://127.0.0.1:" + closed);
        config.put("gateway.upstream-timeout", UPSTREAM_TIMEOUT.toString());
        return config;
    }

    @Override
    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private void answer(String upstream, HttpServerRequest request) {
        if (request.path().equals(COUNT_PATH)) {
            long[] bytes = { 0 };
            request.handler(chunk -> bytes[0] += chunk.length());
            request.endHandler(end -> sendJson(request, new JsonObject().put("bytes", bytes[0])));
            return;
        }
        if (request.path().equals(SILENT_PATH)) {
            request.handler(chunk -> { });
            return;
        }
        if (request.path().equals(STALLED_PATH)) {
            request.pause();
            vertx.setTimer(SLOW_DELAY.toMillis(), timer -> request.connection().close());
            return;
        }
        if (request.path().equals(HALTING_PATH)) {
            request.response().setChunked(true).putHeader("Content-Type", "text/csv").write(HALTING_FIRST_CHUNK);
            return;
        }
        if (request.path().equals(LARGE_ANSWER_PATH)) {
            request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
            sendZeros(request.response(), LARGE_ANSWER_BYTES / ZEROS.length());
            return;
        }
        if (request.path().equals("/q/openapi")) {
            sendJson(request, FakeOpenApi.of(upstream));
            return;
        }
        request.body().onSuccess(body -> {
            if (request.path().equals(VARY_PATH)) {
                request.response().putHeader("Vary", "Accept-Encoding")
                        .putHeader("Content-Type", "application/json").end("{\"ok\":true}");
                return;
            }
            if (request.path().equals(HOP_BY_HOP_PATH)) {
                request.response().putHeader("Connection", "close").putHeader("Keep-Alive", "timeout=5")
                        .putHeader("Content-Type", "application/json").end("{\"ok\":true}");
                return;
            }
            if (request.path().equals(CONFLICT_PATH)) {
                request.response().setStatusCode(409)
                        .putHeader("Content-Type", "application/problem+json")
                        .end("{\"type\":\"https://salesplatform.dev/problems/conflict\",\"title\":\"Conflict\","
                                + "\"status\":409,\"detail\":\"Renewal already closed.\",\"instance\":\"" + CONFLICT_PATH + "\"}");
                return;
            }
            JsonObject headers = new JsonObject();
            request.headers().names().forEach(name -> headers.put(name.toLowerCase(), request.headers().get(name)));
            JsonObject echo = new JsonObject()
                    .put("method", request.method().name())
                    .put("path", request.path())
                    .put("query", request.query())
                    .put("headers", headers)
                    .put("body", body.toString());
            if (request.path().equals(SLOW_PATH)) {
                vertx.setTimer(SLOW_DELAY.toMillis(), timer -> sendJson(request, echo));
            } else {
                sendJson(request, echo);
            }
        });
    }

    /** Writes {@code chunks} more chunks of zeros whenever the connection takes them, then ends. */
    private static void sendZeros(HttpServerResponse response, long chunks) {
        long left = chunks;
        while (left > 0 && !response.writeQueueFull()) {
            response.write(ZEROS);
            left--;
        }
        if (left == 0) {
            response.end();
        } else {
            long rest = left;
            response.drainHandler(drained -> sendZeros(response, rest));
        }
    }

    private static void answerHealth(HttpServerRequest request) {
        if (request.path().equals("/q/health/ready")) {
            sendJson(request, new JsonObject().put("status", "UP").put("checks", new JsonArray()));
        } else {
            request.response().setStatusCode(404).end();
        }
    }

    private static void sendJson(HttpServerRequest request, JsonObject json) {
        request.response().putHeader("Content-Type", "application/json").end(json.encode());
    }
}
