package dev.salesplatform.gateway;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * A real HTTP upstream on a free port that answers with JSON echoing the request it received. The
 * lead, deal and customer-success upstreams point at it; analytics points at a closed port.
 */
public class EchoUpstreamResource implements QuarkusTestResourceLifecycleManager {

    /** Answers only after {@link #SLOW_DELAY}, far beyond the gateway's upstream timeout in tests. */
    static final String SLOW_PATH = "/api/v1/deals/slow";
    /** Answers with hop-by-hop headers that must not reach the client. */
    static final String HOP_BY_HOP_PATH = "/api/v1/leads/hop-by-hop";
    /** Answers 409 with a problem of the upstream's own. */
    static final String CONFLICT_PATH = "/api/v1/renewals/conflict";
    static final String UPSTREAM_TIMEOUT = "1s";

    private static final Duration SLOW_DELAY = Duration.ofSeconds(10);

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer()
                .requestHandler(this::answer)
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
        String echoUrl = "http://127.0.0.1:" + server.actualPort();
        Map<String, String> config = new HashMap<>(TestTokens.oidcConfig());
        config.put("gateway.upstreams.lead.url", echoUrl);
        config.put("gateway.upstreams.deal.url", echoUrl);
        config.put("gateway.upstreams.customer-success.url", echoUrl);
        config.put("gateway.upstreams.analytics.url", "http://127.0.0.1:" + Ports.closed());
        config.put("gateway.upstream-timeout", UPSTREAM_TIMEOUT);
        return config;
    }

    @Override
    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private void answer(HttpServerRequest request) {
        request.body().onSuccess(body -> {
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

    private static void sendJson(HttpServerRequest request, JsonObject json) {
        request.response().putHeader("Content-Type", "application/json").end(json.encode());
    }
}
