package dev.salesplatform.gateway.ratelimit;

import java.security.Principal;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.salesplatform.gateway.metrics.GatewayMetrics;
import dev.salesplatform.gateway.problem.Problem;
import dev.salesplatform.gateway.security.BearerTokenHandler;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Counts the request against its client's bucket: the token's subject after
 * {@link BearerTokenHandler}, the client IP for requests without a valid token (documentation, or a
 * 401 to come). Every answer carries the {@code RateLimit-Limit}, {@code RateLimit-Remaining} and
 * {@code RateLimit-Reset} headers (draft-ietf-httpapi-ratelimit-headers); a request over the limit
 * gets 429 with {@code Retry-After}. The client IP is the connection's peer: behind an ingress, let
 * Quarkus take it from the forwarding headers ({@code quarkus.http.proxy.*}) or all share one bucket.
 */
public final class RateLimitHandler implements Handler<RoutingContext> {

    private final RateLimitPolicies policies;
    private final RateLimiter limiter;
    private final GatewayMetrics metrics;

    public RateLimitHandler(RateLimitPolicies policies, RateLimiter limiter, GatewayMetrics metrics) {
        this.policies = policies;
        this.limiter = limiter;
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext context) {
        SecurityIdentity identity = context.get(BearerTokenHandler.IDENTITY);
        String client = identity != null
                ? "sub:" + subject(identity.getPrincipal())
                : "ip:" + context.request().remoteAddress().hostAddress();
        Set<String> roles = identity != null ? identity.getRoles() : Set.of();
        RateLimitPolicy policy = policies.policyFor(context.request().path(), roles);
        RateLimiter.Decision decision = limiter.tryConsume(client, policy);
        // Set when the headers are written, so that they also replace any an upstream answered with.
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set("RateLimit-Limit", Long.toString(decision.limit()));
            headers.set("RateLimit-Remaining", Long.toString(decision.remaining()));
            headers.set("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        });
        if (decision.allowed()) {
            context.next();
            return;
        }
        metrics.rateLimited(policy.name());
        context.response().putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
        Problem.tooManyRequests().send(context.response(), context.request().path());
    }

    private static String subject(Principal principal) {
        return principal instanceof JsonWebToken token && token.getSubject() != null
                ? token.getSubject()
                : principal.getName();
    }
}
