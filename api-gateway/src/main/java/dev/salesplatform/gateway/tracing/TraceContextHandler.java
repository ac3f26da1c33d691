package dev.salesplatform.gateway.tracing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * W3C Trace Context at the edge: a valid {@code traceparent} goes upstream untouched, with its
 * {@code tracestate}; a missing or invalid one is replaced by a new trace (sampled, the gateway being
 * its root), and a {@code tracestate} that came with an invalid parent is dropped, as the
 * specification asks. So every request reaches the services with a trace id.
 */
public final class TraceContextHandler implements Handler<RoutingContext> {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    /** Version 00 exactly; a later version may append fields after the four that 00 defines. */
    private static final Pattern TRACEPARENT_FORMAT =
            Pattern.compile("(?:00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}|(?!00|ff)[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}(?:-.*)?)");
    private static final String ZERO_TRACE_ID = "0".repeat(32);
    private static final String ZERO_PARENT_ID = "0".repeat(16);

    @Override
    public void handle(RoutingContext context) {
        MultiMap headers = context.request().headers();
        if (!isValid(headers.getAll(TRACEPARENT).size() == 1 ? headers.get(TRACEPARENT) : null)) {
            headers.set(TRACEPARENT, newTraceparent());
            headers.remove(TRACESTATE);
        }
        context.next();
    }

    static boolean isValid(String traceparent) {
        return traceparent != null
                && TRACEPARENT_FORMAT.matcher(traceparent).matches()
                && !traceparent.substring(3, 35).equals(ZERO_TRACE_ID)
                && !traceparent.substring(36, 52).equals(ZERO_PARENT_ID);
    }

    static String newTraceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        String traceId;
        do {
            traceId = hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong());
        } while (traceId.equals(ZERO_TRACE_ID));
        String parentId;
        do {
            parentId = hex.toHexDigits(random.nextLong());
        } while (parentId.equals(ZERO_PARENT_ID));
        return "00-" + traceId + "-" + parentId + "-01";
    }
}
