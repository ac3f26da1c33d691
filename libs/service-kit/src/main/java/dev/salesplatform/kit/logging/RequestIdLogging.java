package dev.salesplatform.kit.logging;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Puts the request's {@code X-Request-Id} (which the gateway sets on every request it forwards) into
 * the logging MDC as {@code requestId}, beside OpenTelemetry's {@code traceId} and {@code spanId}, so
 * that every line logged while serving the request names it. The MDC lives in the request's Vert.x
 * context, so the id follows the request onto worker threads. An id that is not a plain token (a caller
 * that bypassed the gateway) is left out rather than written into the logs.
 */
@ApplicationScoped
public class RequestIdLogging {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** The gateway's own rule for the ids it accepts from clients. */
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(RequestIdLogging::putRequestId);
    }

    static void putRequestId(RoutingContext context) {
        String id = context.request().getHeader(HEADER);
        if (id != null && SANE_ID.matcher(id).matches()) {
            MDC.put(MDC_KEY, id);
            context.addEndHandler(ended -> MDC.remove(MDC_KEY));
        }
        context.next();
    }
}
