package dev.salesplatform.gateway.requesthead;

import java.util.Map;
import java.util.Optional;

import dev.salesplatform.gateway.config.GatewayConfig;
import dev.salesplatform.gateway.problem.Problem;
import dev.salesplatform.gateway.routing.RequestTarget;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks the request line and headers before CORS, token, limits and routing look at them: within
 * the gateway's bounds (414, 431) and the request-target in its one canonical form (400, see
 * {@link RequestTarget}). Behind this handler {@code request.path()} is that canonical path, and every
 * limit, the router and the forwarded request use it as it is.
 *
 * <p>Vert.x refuses a request line or headers beyond {@code quarkus.http.limits.*} itself, with an
 * empty body (and 414 in HTTP/1.0); those outer bounds are set above this handler's, so that it is the
 * one to answer.
 */
public final class RequestHeadHandler implements Handler<RoutingContext> {

    /** Each header counts as {@code name: value}, as the HTTP codec counts it. */
    private static final int HEADER_SEPARATOR_LENGTH = 2;

    private final int maxUriLength;
    private final long maxHeaderBytes;

    public RequestHeadHandler(GatewayConfig.RequestLimits limits) {
        this.maxUriLength = limits.maxUriLength();
        this.maxHeaderBytes = limits.maxHeaderSize().asLongValue();
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        Optional<Problem> problem = problemWith(request);
        if (problem.isEmpty()) {
            context.next();
            return;
        }
        // Whatever body follows is never read: the connection cannot serve another request after it.
        request.response().putHeader("Connection", "close")
                .bodyEndHandler(ignored -> request.connection().close());
        problem.get().send(request.response(), request.path());
    }

    private Optional<Problem> problemWith(HttpServerRequest request) {
        if (request.uri().length() > maxUriLength) {
            return Optional.of(Problem.uriTooLong(maxUriLength));
        }
        if (headerBytes(request.headers()) > maxHeaderBytes) {
            return Optional.of(Problem.headerFieldsTooLarge(maxHeaderBytes));
        }
        return RequestTarget.check(request.uri());
    }

    private static long headerBytes(MultiMap headers) {
        long bytes = 0;
        for (Map.Entry<String, String> header : headers) {
            bytes += header.getKey().length() + HEADER_SEPARATOR_LENGTH + header.getValue().length();
        }
        return bytes;
    }
}
