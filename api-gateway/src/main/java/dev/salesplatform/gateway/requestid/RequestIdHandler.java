package dev.salesplatform.gateway.requestid;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request an {@code X-Request-Id}: the client's own if it is sane, a new UUID otherwise.
 * The id goes upstream with the request and back on every response, errors included, and into the
 * logging MDC ({@code requestId}) of the request's Vert.x context, for every line logged while serving it.
 */
public final class RequestIdHandler implements Handler<RoutingContext> {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    @Override
    public void handle(RoutingContext context) {
        String clientId = context.request().getHeader(HEADER);
        String id = clientId != null && SANE_ID.matcher(clientId).matches() ? clientId : UUID.randomUUID().toString();
        // The proxy copies the request's headers upstream, so rewriting it here forwards the chosen id.
        context.request().headers().set(HEADER, id);
        // Set when the headers are written, so that it also replaces any id an upstream answered with.
        context.addHeadersEndHandler(ignored -> context.response().headers().set(HEADER, id));
        MDC.put(MDC_KEY, id);
        context.addEndHandler(ended -> MDC.remove(MDC_KEY));
        context.next();
    }
}
