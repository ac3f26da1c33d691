package dev.salesplatform.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * A client of the gateway with a pace of its own, set by Vert.x timers rather than by how fast the
 * machine is: it sends a body one chunk per tick, or leaves an answer unread for a while. However
 * fast the machine, sending takes at least a tick per chunk; a slow one only makes it longer.
 */
final class PacedClient implements AutoCloseable {

    /** Only so that a gateway holding a client back for good fails the test instead of hanging it. */
    private static final Duration GUARD = Duration.ofMinutes(2);
    /** How much of an answer's body an exchange keeps; it counts all of it. */
    private static final int KEPT_BYTES = 64 * 1024;

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = vertx.createHttpClient();

    /**
     * {@code chunks} chunks of {@code chunkSize} zero bytes, one per tick of {@code interval}, none on
     * a tick while the connection pushes back; the end of the body on the tick after the last chunk.
     */
    record Pace(int chunks, int chunkSize, Duration interval) {

        long bytes() {
            return (long) chunks * chunkSize;
        }
    }

    /**
     * What came back. Times count from the start of the exchange: {@code bodySent} when the client
     * ended its body (null if the answer came first, which stops the sending), {@code answered} when
     * the answer's head came. {@code failure} is what broke the answer off, null if it is complete.
     * {@code body} is the start of the answer's body, {@code bodyBytes} all of it.
     */
    record Exchange(int status, String contentType, String body, long bodyBytes, Duration bodySent,
            Duration answered, Throwable failure) {

        /** From the end of the client's body to the answer's head. */
        Duration answerAfterBody() {
            return answered.minus(bodySent);
        }
    }

    /** POSTs a chunked body at {@code pace}; the exchange must be over within {@code patience} of the body's end. */
    Exchange upload(String path, String authorization, Pace pace, Duration patience) {
        Recorder recorder = new Recorder(Duration.ZERO, patience);
        Buffer chunk = Buffer.buffer(new byte[pace.chunkSize()]);
        return recorder.run(HttpMethod.POST, path, authorization, request -> {
            request.setChunked(true).putHeader("Content-Type", "text/csv");
            int[] sent = { 0 };
            vertx.setPeriodic(pace.interval().toMillis(), tick -> {
                if (recorder.answered != null) {
                    vertx.cancelTimer(tick);
                } else if (sent[0] < pace.chunks()) {
                    if (!request.writeQueueFull()) {
                        request.write(chunk);
                        sent[0]++;
                    }
                } else {
                    vertx.cancelTimer(tick);
                    recorder.endBody(request);
                }
            });
        });
    }

    /**
     * GETs {@code path} and leaves the answer unread for {@code unreadFor} once its head has come; the
     * exchange must be over within {@code patience} of sending the request.
     */
    Exchange download(String path, String authorization, Duration unreadFor, Duration patience) {
        Recorder recorder = new Recorder(unreadFor, patience);
        return recorder.run(HttpMethod.GET, path, authorization, recorder::endBody);
    }

    /** Closes the client's connections; one that the gateway neither reads from nor closes would hold this up. */
    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(GUARD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("Closing the client failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("The client's connections did not close within " + GUARD, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** One exchange; after {@link #run} starts it, all of it runs on the event loop of its request. */
    private final class Recorder {

        private final long start = System.nanoTime();
        private final CompletableFuture<Exchange> done = new CompletableFuture<>();
        private final Duration unreadFor;
        private final Duration patience;
        private final Buffer kept = Buffer.buffer();
        private long bodyBytes;
        private Duration bodySent;
        private Duration answered;

        Recorder(Duration unreadFor, Duration patience) {
            this.unreadFor = unreadFor;
            this.patience = patience;
        }

        Exchange run(HttpMethod method, String path, String authorization, Consumer<HttpClientRequest> send) {
            http.request(new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(RestAssured.port)
                            .setURI(path).putHeader("Authorization", authorization))
                    .onSuccess(request -> {
                        // What goes wrong with the request shows in its response.
                        request.exceptionHandler(shownInTheResponse -> { });
                        request.response().onSuccess(response -> answer(request, response))
                                .onFailure(done::completeExceptionally);
                        send.accept(request);
                    })
                    .onFailure(done::completeExceptionally);
            try {
                return done.get(GUARD.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new AssertionError("Exchange with " + path + " failed", e.getCause());
            } catch (TimeoutException e) {
                throw new AssertionError("Exchange with " + path + " not over within " + GUARD, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        void endBody(HttpClientRequest request) {
            bodySent = elapsed();
            request.end();
            vertx.setTimer(patience.toMillis(), deadline -> {
                if (done.completeExceptionally(new AssertionError("Exchange not over within " + patience
                        + " of the end of the request body"))) {
                    request.reset();
                }
            });
        }

        private void answer(HttpClientRequest request, HttpClientResponse response) {
            answered = elapsed();
            response.handler(chunk -> {
                bodyBytes += chunk.length();
                int keep = Math.min(chunk.length(), KEPT_BYTES - kept.length());
                if (keep > 0) {
                    kept.appendBuffer(chunk, 0, keep);
                }
            });
            response.exceptionHandler(failure -> over(request, response, failure));
            response.endHandler(end -> over(request, response, null));
            if (unreadFor.isPositive()) {
                response.pause();
                vertx.setTimer(unreadFor.toMillis(), unread -> response.resume());
            }
        }

        private void over(HttpClientRequest request, HttpClientResponse response, Throwable failure) {
            if (bodySent == null) {
                // Answered before the body was sent: the rest of it is of no use.
                request.reset();
            }
            done.complete(new Exchange(response.statusCode(), response.getHeader("Content-Type"),
                    kept.toString(StandardCharsets.UTF_8), bodyBytes, bodySent, answered, failure));
        }

        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }
}
