package dev.salesplatform.gateway.upstream;

import java.net.URI;
import java.time.Duration;

import jakarta.inject.Singleton;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.tracing.TracingPolicy;

/**
 * Small GETs the gateway makes to the upstreams on its own behalf (readiness, OpenAPI documents), on
 * a pool of their own so that they neither wait behind proxied traffic nor take its connections.
 * Untraced: readiness probes would otherwise start a trace each.
 */
@Singleton
public class UpstreamClient {

    private final HttpClient client;

    UpstreamClient(Vertx vertx) {
        client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(4).setTracingPolicy(TracingPolicy.IGNORE));
    }

    /** GETs {@code path} below the upstream's base URL; fails on no answer within {@code timeout}. */
    public Future<Answer> get(URI upstream, String path, Duration timeout) {
        String base = upstream.toString().replaceFirst("/$", "");
        return client.request(new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setAbsoluteURI(base + path)
                        .setTimeout(timeout.toMillis())
                        .putHeader("Accept", "application/json"))
                .compose(request -> request.send()
                        .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body))));
    }

    public record Answer(int status, Buffer body) {
    }
}
