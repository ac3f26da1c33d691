package dev.salesplatform.kit.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem details for what fails before the REST layer: a path no route serves, and failures of
 * the HTTP layer itself such as a body over the size limit (413).
 */
@ApplicationScoped
public class ProblemRoutes {

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::rejectOversizedBody);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        router.route().order(Integer.MAX_VALUE).handler(ctx -> write(ctx, 404));
    }

    /** A declared length over the limit is refused before the body is read. */
    private void rejectOversizedBody(RoutingContext ctx) {
        if (declaredLength(ctx) > maxBodySize.asLongValue()) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            write(ctx, 413);
            return;
        }
        ctx.next();
    }

    private static long declaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void failure(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (ctx.response().headWritten() || status < 400 || status >= 500) {
            ctx.next();
            return;
        }
        write(ctx, status);
    }

    private void write(RoutingContext ctx, int status) {
        Problem problem = ProblemMappers.webProblem(status, ctx.request().path());
        try {
            ctx.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
