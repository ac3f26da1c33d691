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
 * <p>Needs {@code quarkus.http.auth.proactive=false}: proactive authentication would answer
 * invalid tokens itself, before any route runs, and on every path, health checks included.
 */
public final class BearerTokenHandler implements Handler<RoutingContext> {

    /** Where the validated identity is kept for the handlers after this one. */
    public static final String IDENTITY = BearerTokenHandler.class.getName() + ".identity";

    private static final String CHALLENGE = "Bearer realm=\"sales\"";

    @Override
    public void handle(RoutingContext context) {
        // Quarkus' own lazy-authentication failure handler would end the response with an empty 401.
        context.remove(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
        QuarkusHttpUser.getSecurityIdentity(context, null).subscribe().with(
                identity -> {
                    if (identity == null || identity.isAnonymous()) {
                        reject(context, CHALLENGE, "A valid bearer token is required.");
                    } else {
                        context.put(IDENTITY, identity);
                        context.next();
                    }
                },
                failure -> {
                    if (DefaultAuthFailureHandler.extractRootCause(failure) instanceof AuthenticationException) {
                        reject(context, CHALLENGE + ", error=\"invalid_token\"",
                                "The bearer token is malformed, expired or not trusted.");
                    } else {
                        context.fail(failure);
                    }
                });
    }

    private static void reject(RoutingContext context, String challenge, String detail) {
        context.response().putHeader("WWW-Authenticate", challenge);
        Problem.unauthorized(detail).send(context.response(), context.request().path());
    }
}
