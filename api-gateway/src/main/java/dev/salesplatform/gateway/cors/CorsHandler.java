package dev.salesplatform.gateway.cors;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.salesplatform.gateway.problem.Problem;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * CORS for the configured browser origins. A preflight is answered here, before the bearer check
 * (browsers send it without the token); a request from an allowed origin gets the CORS headers on
 * whatever answer it gets, errors included; an unknown origin gets none, so the browser keeps the
 * answer from the page. Tokens travel in {@code Authorization}, never in cookies: no credentials mode.
 *
 * <p>Written here rather than using {@code quarkus.http.cors}, which answers every request from an
 * unknown origin with an empty 403 instead of problem+json.
 */
public final class CorsHandler implements Handler<RoutingContext> {

    static final String ALLOW_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    static final String ALLOW_HEADERS = "Authorization, Content-Type, Idempotency-Key, If-Match, If-None-Match, "
            + "X-Request-Id, traceparent, tracestate";
    static final String EXPOSE_HEADERS = "ETag, Location, X-Request-Id, Retry-After, RateLimit-Limit, "
            + "RateLimit-Remaining, RateLimit-Reset, Idempotent-Replayed";

    private final Set<String> origins;
    private final String maxAgeSeconds;

    public CorsHandler(List<String> origins, long maxAgeSeconds) {
        this.origins = Set.copyOf(origins);
        this.maxAgeSeconds = Long.toString(maxAgeSeconds);
    }

    @Override
    public void handle(RoutingContext context) {
        String origin = context.request().getHeader("Origin");
        boolean preflight = context.request().method() == HttpMethod.OPTIONS
                && context.request().getHeader("Access-Control-Request-Method") != null;
        boolean allowed = origin != null && origins.contains(origin);
        if (preflight && origin != null) {
            if (allowed) {
                MultiMap headers = context.response().headers();
                allowOrigin(headers, origin);
                headers.set("Access-Control-Allow-Methods", ALLOW_METHODS)
                        .set("Access-Control-Allow-Headers", ALLOW_HEADERS)
                        .set("Access-Control-Max-Age", maxAgeSeconds);
                context.response().setStatusCode(204).end();
            } else {
                Problem.originNotAllowed().send(context.response(), context.request().path());
            }
            return;
        }
        if (allowed) {
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                allowOrigin(headers, origin);
                headers.set("Access-Control-Expose-Headers", EXPOSE_HEADERS);
            });
        } else if (origin != null) {
            // Caches must not hand an answer without CORS headers to an allowed origin later, nor the reverse.
            context.addHeadersEndHandler(ignored -> varyByOrigin(context.response().headers()));
        }
        context.next();
    }

    private static void allowOrigin(MultiMap headers, String origin) {
        headers.set("Access-Control-Allow-Origin", origin);
        varyByOrigin(headers);
    }

    /** Adds to what an upstream varies by (e.g. {@code Accept-Encoding}) rather than replacing it. */
    private static void varyByOrigin(MultiMap headers) {
        String vary = headers.get("Vary");
        if (vary == null || vary.isBlank()) {
            headers.set("Vary", "Origin");
        } else if (!vary.toLowerCase(Locale.ROOT).contains("origin") && !vary.trim().equals("*")) {
            headers.set("Vary", vary + ", Origin");
        }
    }
}
