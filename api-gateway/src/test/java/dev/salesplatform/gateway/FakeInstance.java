package dev.salesplatform.gateway;

import java.net.URI;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One instance of a service behind the gateway, on fixed ports: its API answers with its name, the method,
 * path and body it received; its management port serves {@code /q/health/ready}, UP or DOWN as the test
 * says. Either port can be closed and opened again, as when the instance is stopped and started.
 */
final class FakeInstance {

    private final Vertx vertx;
    private final String name;
    private final URI url;
    private final URI managementUrl;
    private final boolean servesOpenApi;
    private volatile boolean ready = true;
    private HttpServer api;
    private HttpServer management;

    /** {@code servesOpenApi}: whether it serves an OpenAPI document, else it answers 503 for it. */
    FakeInstance(Vertx vertx, String name, URI url, URI managementUrl, boolean servesOpenApi) {
        this.vertx = vertx;
        this.name = name;
        this.url = url;
        this.managementUrl = managementUrl;
        this.servesOpenApi = servesOpenApi;
    }

    String name() {
        return name;
    }

    URI url() {
        return url;
    }

    /** Both ports open, readiness UP. */
    void startReady() {
        ready = true;
        startManagement();
        if (api == null) {
            api = listen(url, this::answer);
        }
    }

    /** Only the management port open, as if the API had gone while the readiness still says UP. */
    void startManagement() {
        if (management == null) {
            management = listen(managementUrl, this::answerHealth);
        }
    }

    /** Both ports closed: connections to either are refused. */
    void stop() {
        if (api != null) {
            close(api);
            api = null;
        }
        if (management != null) {
            close(management);
            management = null;
        }
    }

    /** Whether its readiness answers 200 UP or 503 DOWN from now on. */
    void ready(boolean ready) {
        this.ready = ready;
    }

    private HttpServer listen(URI address, Handler<HttpServerRequest> handler) {
        return vertx.createHttpServer().requestHandler(handler)
                .listen(address.getPort(), address.getHost())
                .toCompletionStage().toCompletableFuture().join();
    }

    private static void close(HttpServer server) {
        server.close().toCompletionStage().toCompletableFuture().join();
    }

    private void answer(HttpServerRequest request) {
        // No connection kept open for the gateway's pool: once stopped, the instance refuses a new
        // connection rather than failing a request on an old one.
        request.response().putHeader("Connection", "close");
        if (request.path().equals("/q/openapi")) {
            if (servesOpenApi) {
                sendJson(request, 200, FakeOpenApi.of("lead"));
            } else {
                sendJson(request, 503, new JsonObject().put("status", 503));
            }
            return;
        }
        request.body().onSuccess(body -> sendJson(request, 200, new JsonObject()
                .put("instance", name)
                .put("method", request.method().name())
                .put("path", request.path())
                .put("body", body.toString())));
    }

    private void answerHealth(HttpServerRequest request) {
        if (!request.path().equals("/q/health/ready")) {
            request.response().setStatusCode(404).end();
            return;
        }
        sendJson(request, ready ? 200 : 503, new JsonObject().put("status", ready ? "UP" : "DOWN")
                .put("checks", new JsonArray()));
    }

    private static void sendJson(HttpServerRequest request, int status, JsonObject json) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json.encode());
    }
}
