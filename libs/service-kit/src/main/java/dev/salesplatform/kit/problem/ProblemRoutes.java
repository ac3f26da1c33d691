package dev.salesplatform.kit.problem;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.kit.http.LargeBodyRoute;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem details for what fails before the REST layer: a path no route serves, and failures of
 * the HTTP layer itself such as a body over the size limit (413).
 * <p>
 * Body limits: {@code salesplatform.http.max-body-size} everywhere, more on the paths of
 * {@link LargeBodyRoute} beans; {@code quarkus.http.limits.max-body-size} is only the ceiling above them all.
 */
@ApplicationScoped
public class ProblemRoutes {

    private final ObjectMapper mapper;

    @ConfigProperty(name = "salesplatform.http.max-body-size", defaultValue = "1M")
    MemorySize maxBodySize;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize transportMaxBodySize;

    private final Instance<LargeBodyRoute> largeBodyRoutes;

    @Inject
    public ProblemRoutes(ObjectMapper mapper, Instance<LargeBodyRoute> largeBodyRoutes) {
        this.mapper = mapper;
        this.largeBodyRoutes = largeBodyRoutes;
    }

    private List<LargeBodyRoute> largeBodies = List.of();

    void register(@Observes Router router) {
        largeBodies = largeBodyRoutes.stream().toList();
        for (LargeBodyRoute route : largeBodies) {
            if (route.maxBodySize() > transportMaxBodySize.asLongValue()) {
                throw new IllegalStateException("The body limit of " + route.path()
                        + " is above quarkus.http.limits.max-body-size; raise that ceiling");
            }
        }
        router.route().order(Integer.MIN_VALUE).handler(this::rejectNonCanonicalPath);
        router.route().order(Integer.MIN_VALUE).handler(this::rejectOversizedBody);
        // After Quarkus' own limit handler (order -2), which sets the transport ceiling for bodies without a length.
        router.route().order(-1).handler(this::limitUndeclaredBody);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        router.route().order(Integer.MAX_VALUE).handler(ctx -> write(ctx, 404));
    }

    /**
     * Routing matches the normalised path while the limits here read the raw one: a path that
     * normalises to something else ({@code /imports/../leads}, {@code %6c}, {@code //}) is refused, so
     * that both always see the same path.
     */
    private void rejectNonCanonicalPath(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path == null || !path.equals(ctx.normalizedPath()) || path.contains("//")) {
            write(ctx, 400, new Problem("bad-path", "Path not in normal form", 400,
                    "The path must be in normal form: no '.', '..' or empty segments, no encoded unreserved characters",
                    path, null, null));
            return;
        }
        ctx.next();
    }

    /** A declared length over the limit is refused before the body is read. */
    private void rejectOversizedBody(RoutingContext ctx) {
        if (declaredLength(ctx) > limitFor(ctx.request().path())) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            write(ctx, 413);
            return;
        }
        ctx.next();
    }

    /** A body without a declared length (chunked) is cut off by the REST layer's reader at the path's limit. */
    private void limitUndeclaredBody(RoutingContext ctx) {
        if (declaredLength(ctx) < 0) {
            ctx.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, limitFor(ctx.request().path()));
        }
        ctx.next();
    }

    private long limitFor(String path) {
        for (LargeBodyRoute route : largeBodies) {
            if (path != null && (path.equals(route.path()) || path.startsWith(route.path() + "/"))) {
                return route.maxBodySize();
            }
        }
        return maxBodySize.asLongValue();
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
        write(ctx, status, ProblemMappers.webProblem(status, ctx.request().path()));
    }

    private void write(RoutingContext ctx, int status, Problem problem) {
        try {
            ctx.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
