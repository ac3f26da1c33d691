package dev.salesplatform.gateway.bodylimit;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request whose declared {@code Content-Length} exceeds its route's limit before a byte
 * of the body is read. Bodies without a length (chunked) are counted while they stream to the
 * upstream, see {@link LimitedReadStream}.
 */
public final class BodyLimitHandler implements Handler<RoutingContext> {

    private final BodyLimits limits;

    public BodyLimitHandler(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    public void handle(RoutingContext context) {
        long maxBytes = limits.maxBytesFor(context.request().path());
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && isOver(declared, maxBytes)) {
            BodyTooLarge.answer(context.request(), maxBytes);
        } else {
            context.next();
        }
    }

    private static boolean isOver(String declared, long maxBytes) {
        try {
            return Long.parseLong(declared.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            // Vert.x' HTTP codec rejects a malformed length itself; never the gateway's call here.
            return false;
        }
    }
}
