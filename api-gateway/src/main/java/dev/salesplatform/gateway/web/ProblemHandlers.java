package dev.salesplatform.gateway.web;

import org.jboss.logging.Logger;

import dev.salesplatform.gateway.problem.Problem;
import dev.salesplatform.gateway.requestid.RequestIdHandler;
import io.vertx.ext.web.RoutingContext;

/** Answers what the HTTP layer raises itself (no matching route, a failed handler) as problem+json. */
final class ProblemHandlers {

    private static final Logger LOG = Logger.getLogger(ProblemHandlers.class);

    private ProblemHandlers() {
    }

    /** For {@code Router.errorHandler(...)} and {@code Route.failureHandler(...)} alike. */
    static void answer(RoutingContext context) {
        int status = context.statusCode();
        if (status >= 500) {
            LOG.errorf(context.failure(), "Request %s %s %s failed", context.request().getHeader(RequestIdHandler.HEADER),
                    context.request().method(), context.request().path());
        }
        Problem.ofStatus(status).send(context.response(), context.request().path());
    }
}
