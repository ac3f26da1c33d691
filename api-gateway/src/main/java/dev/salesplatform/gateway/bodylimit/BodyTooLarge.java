package dev.salesplatform.gateway.bodylimit;

import dev.salesplatform.gateway.problem.Problem;
import io.vertx.core.http.HttpServerRequest;

/** Answers 413 for a body over the limit, then closes the connection. */
public final class BodyTooLarge {

    private BodyTooLarge() {
    }

    /**
     * The rest of the body is never read: closing the connection once the answer is out is what
     * keeps a client from streaming gigabytes into a connection that cannot serve its next request.
     */
    public static void closeAfterAnswer(HttpServerRequest request) {
        request.response().bodyEndHandler(ignored -> request.connection().close());
    }

    public static void answer(HttpServerRequest request, long maxBytes) {
        closeAfterAnswer(request);
        Problem.payloadTooLarge(maxBytes).send(request.response(), request.path());
    }
}
