package dev.salesplatform.gateway.security;

import dev.salesplatform.gateway.problem.Problem;
import io.quarkus.security.AuthenticationException;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets a request through only with a valid bearer token, validated by quarkus-oidc; answers 401 as
 * problem+json otherwise. The token stays in the request: the services validate it again.
 *
 * <p>Two steps, so that the rate limit can sit between them and count requests without a valid
 * token against their client IP: {@link #handle} validates and records the outcome,
 * {@link #requireIdentity} answers 401 for a request that has none.
 *
 * <p>Needs {@code quarkus.http.auth.proactive=false}: proactive authentication would answer
 * invalid tokens itself, before any route runs, and on every path, the documentation included.
 */
public final class BearerTokenHandler implements Handler<RoutingContext> {

    /** Where the validated identity is kept for the handlers after this one. */
    public static final String IDENTITY = BearerTokenHandler.class.getName() + ".identity";

    private static final String REJECTION = BearerTokenHandler.class.getName() + ".rejection";
    private static final String CHALLENGE = "Bearer realm=\"sales\"";

    @Override
    public void handle(RoutingContext context) {
        // Quarkus' own lazy-authentication failure handler would end the response with an empty 401.
        context.remove(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
        QuarkusHttpUser.getSecurityIdentity(context, null).subscribe().with(
                identity -> {
                    if (identity == null || identity.isAnonymous()) {
                        context.put(REJECTION, new Rejection(CHALLENGE, "A valid bearer token is required."));
                    } else {
                        context.put(IDENTITY, identity);
                    }
                    context.next();
                },
                failure -> {
                    if (DefaultAuthFailureHandler.extractRootCause(failure) instanceof AuthenticationException) {
                        context.put(REJECTION, new Rejection(CHALLENGE + ", error=\"invalid_token\"",
                                "The bearer token is malformed, expired or not trusted."));
                        context.next();
                    } else {
                        context.fail(failure);
                    }
                });
    }

    /** Answers 401 for a request that {@link #handle} found without a valid token. */
    public static void requireIdentity(RoutingContext context) {
        Rejection rejection = context.get(REJECTION);
        if (rejection == null) {
            context.next();
            return;
        }
        context.response().putHeader("WWW-Authenticate", rejection.challenge());
        Problem.unauthorized(rejection.detail()).send(context.response(), context.request().path());
    }

    private record Rejection(String challenge, String detail) {
    }
}
