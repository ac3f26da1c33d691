package dev.salesplatform.gateway.web;

import org.jboss.logging.Logger;

import dev.salesplatform.gateway.problem.Problem;
import dev.salesplatform.gateway.requestid.RequestIdHandler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers what the HTTP layer raises itself (no matching route, a failed handler, a write to a
 * resource that only reads) as problem+json.
 */
final class ProblemHandlers {

    private static final Logger LOG = Logger.getLogger(ProblemHandlers.class);
    private static final String READ_ONLY_METHODS = "GET, HEAD";

    private ProblemHandlers() {
    }

    /** For {@code Route.failureHandler(...)}: a handler failed, or the router failed the request. */
    static void answer(RoutingContext context) {
        int status = context.statusCode();
        if (status >= 500) {
            LOG.errorf(context.failure(), "Request %s %s %s failed", context.request().getHeader(RequestIdHandler.HEADER),
                    context.request().method(), context.request().path());
        }
        Problem.ofStatus(status).send(context.response(), context.request().path());
    }

    /** For the last route: no handler took the request. */
    static void notFound(RoutingContext context) {
        Problem.ofStatus(404).send(context.response(), context.request().path());
    }

    /** After the handlers of a resource that only reads: 405 for other methods, 404 for what they did not find. */
    static void readOnly(RoutingContext context) {
        HttpMethod method = context.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            context.next();
            return;
        }
        context.response().putHeader("Allow", READ_ONLY_METHODS);
        Problem.methodNotAllowed(READ_ONLY_METHODS).send(context.response(), context.request().path());
    }
}
