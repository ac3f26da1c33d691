package dev.salesplatform.gateway.bodylimit;

import java.util.concurrent.atomic.AtomicLong;

import dev.salesplatform.gateway.problem.Problem;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;

/** Answers 413 for a body over the limit, then closes the connection. */
public final class BodyTooLarge {

    private BodyTooLarge() {
    }

    /** How much of the rest of a refused body is read and dropped before the connection closes. */
    static final long LINGER_BYTES = 8L * 1024 * 1024;
    /** How long that may take at most. */
    static final long LINGER_MILLIS = 2_000;

    /**
     * Closing the connection once the answer is out keeps a client from streaming gigabytes into a
     * connection that cannot serve its next request. It closes with a linger: closing while the
     * client's bytes are still arriving makes the kernel reset the connection, and a reset can destroy
     * the answer before the client reads it. So the rest of the body is read and dropped, up to
     * {@link #LINGER_BYTES} or {@link #LINGER_MILLIS}, whichever comes first, and then it closes.
     */
    public static void closeAfterAnswer(HttpServerRequest request) {
        request.response().bodyEndHandler(ignored -> linger(request));
    }

    private static void linger(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        if (request.isEnded()) {
            connection.close();
            return;
        }
        Vertx vertx = Vertx.currentContext().owner();
        long timer = vertx.setTimer(LINGER_MILLIS, ignored -> connection.close());
        AtomicLong left = new AtomicLong(LINGER_BYTES);
        Runnable close = () -> {
            vertx.cancelTimer(timer);
            connection.close();
        };
        request.handler(chunk -> {
            if (left.addAndGet(-chunk.length()) < 0) {
                close.run();
            }
        });
        request.endHandler(ignored -> close.run());
        request.exceptionHandler(ignored -> close.run());
        request.resume();
    }

    public static void answer(HttpServerRequest request, long maxBytes) {
        closeAfterAnswer(request);
        Problem.payloadTooLarge(maxBytes).send(request.response(), request.path());
    }
}
