package dev.salesplatform.gateway.proxy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Times one upstream request against {@code gateway.upstream-timeout}, counting only the upstream's
 * silence while it owes the gateway something: to take more of the request body while the gateway
 * holds chunks that the connection cannot take yet, the response head once the body is sent, the
 * next chunk of the response body while the client takes them as they come. The time a client
 * takes to send its body or to read the answer never counts: a 64 MB import over a slow link takes
 * what it takes. When the upstream stays silent for the timeout, its request is reset: before the
 * head the gateway answers 504; after it the answer breaks off.
 *
 * <p>One per proxied request, attached to its {@link ProxyContext}. Not thread-safe: all of it runs
 * on the request's event loop, as do the proxy's streams, the upstream request and the timers set
 * from there.
 */
final class UpstreamSilence {

    private enum Phase {
        /** Until the request body ends; the upstream owes something only while it takes no more of it. */
        SENDING("room for more of the request body"),
        AWAITING_HEAD("the response head"),
        /** The upstream owes the next chunk while the client takes them. */
        ANSWERING("the rest of the response body"),
        /** The exchange is complete, or failed. */
        OVER("nothing");

        private final String owed;

        Phase(String owed) {
            this.owed = owed;
        }
    }

    private static final String ATTACHMENT = UpstreamSilence.class.getName();
    private static final long NO_TIMER = -1;

    private final Vertx vertx;
    private final String upstream;
    private final Duration timeout;
    private Phase phase = Phase.SENDING;
    private HttpClientRequest request;
    /** Set exactly while the upstream owes the gateway something. */
    private long timer = NO_TIMER;
    private long lastHeard;
    private TimeoutException silence;
    private Phase silentIn;

    private UpstreamSilence(Vertx vertx, String upstream, Duration timeout) {
        this.vertx = vertx;
        this.upstream = upstream;
        this.timeout = timeout;
    }

    /** A new timing for the proxied request of {@code context}, attached to it for {@link #of}. */
    static UpstreamSilence attach(ProxyContext context, Vertx vertx, String upstream, Duration timeout) {
        UpstreamSilence silence = new UpstreamSilence(vertx, upstream, timeout);
        context.set(ATTACHMENT, silence);
        return silence;
    }

    static UpstreamSilence of(ProxyContext context) {
        return context.get(ATTACHMENT, UpstreamSilence.class);
    }

    /** Times {@code request} to the upstream, which the proxy is about to send with the body of {@code proxied}. */
    void watch(HttpClientRequest request, ProxyRequest proxied) {
        this.request = request;
        request.response().onComplete(head -> {
            settle();
            phase = head.succeeded() && phase != Phase.OVER ? Phase.ANSWERING : Phase.OVER;
        });
        Body body = proxied.getBody();
        if (body == null) {
            // The proxy ends the request at once.
            phase = Phase.AWAITING_HEAD;
            owe();
        } else {
            proxied.setBody(Body.body(new SentBody(body.stream()), body.length()));
        }
    }

    /** Times the body of {@code response} if it is the upstream's, not a problem that the gateway answers itself. */
    void watch(ProxyResponse response) {
        Body body = response.getBody();
        if (phase == Phase.ANSWERING && body != null) {
            response.setBody(Body.body(new ReceivedBody(body.stream()), body.length()));
        }
    }

    /** Whether the upstream fell silent for the timeout in the middle of its answer, which broke the answer off. */
    boolean brokeOffAnswer() {
        return silentIn == Phase.ANSWERING;
    }

    /**
     * Why the upstream request failed: its silence if that ran out (Vert.x reports just a reset),
     * else {@code reported}.
     */
    Throwable cause(Throwable reported) {
        return silence != null ? silence : reported;
    }

    /** The upstream owes the gateway something from now on, unless it already did. */
    private void owe() {
        if (timer == NO_TIMER && phase != Phase.OVER) {
            lastHeard = System.nanoTime();
            timer = vertx.setTimer(timeout.toMillis(), this::check);
        }
    }

    /** The upstream sent something: its silence starts anew. */
    private void heard() {
        lastHeard = System.nanoTime();
    }

    /** The upstream owes nothing now: the gateway waits for the client, or the exchange is over. */
    private void settle() {
        if (timer != NO_TIMER) {
            vertx.cancelTimer(timer);
            timer = NO_TIMER;
        }
    }

    private void over() {
        settle();
        phase = Phase.OVER;
    }

    private void check(long firedTimer) {
        long left = timeout.toNanos() - (System.nanoTime() - lastHeard);
        if (left > 0) {
            timer = vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)), this::check);
            return;
        }
        timer = NO_TIMER;
        silence = new TimeoutException("Upstream " + upstream + " silent for " + timeout.toMillis()
                + " ms while it owed " + phase.owed);
        silentIn = phase;
        phase = Phase.OVER;
        request.reset(0, silence);
    }

    /**
     * The request body on its way to the upstream. The proxy's pipe pauses it only while the upstream
     * connection takes no more, and resumes it when the connection has drained. Once the silence has
     * run out, the rest of the body is read and dropped: the connection to the upstream may stay
     * full until it closes (Vert.x flushes before closing), and the client must be able to finish
     * its request and read the answer.
     */
    private final class SentBody implements ReadStream<Buffer> {

        private final ReadStream<Buffer> source;

        SentBody(ReadStream<Buffer> source) {
            this.source = source;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            source.exceptionHandler(handler);
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            source.handler(handler == null ? null : chunk -> {
                if (silence == null) {
                    handler.handle(chunk);
                }
            });
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            source.pause();
            if (phase == Phase.SENDING) {
                owe();
            }
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            if (phase == Phase.SENDING) {
                settle();
            }
            source.resume();
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            if (phase == Phase.SENDING) {
                settle();
            }
            source.fetch(amount);
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
            source.endHandler(endHandler == null ? null : end -> {
                if (phase == Phase.SENDING) {
                    settle();
                    phase = Phase.AWAITING_HEAD;
                    owe();
                }
                endHandler.handle(end);
            });
            return this;
        }
    }

    /** The response body on its way to the client: the upstream owes a chunk whenever the proxy wants one. */
    private final class ReceivedBody implements ReadStream<Buffer> {

        private final ReadStream<Buffer> source;
        /** Chunks the proxy wants, {@link Long#MAX_VALUE} while it takes all. */
        private long demand;

        ReceivedBody(ReadStream<Buffer> source) {
            this.source = source;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            source.exceptionHandler(handler == null ? null : failure -> {
                over();
                handler.handle(failure);
            });
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            source.handler(handler == null ? null : chunk -> {
                heard();
                if (demand != Long.MAX_VALUE && --demand == 0) {
                    settle();
                }
                handler.handle(chunk);
            });
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            demand = 0;
            settle();
            source.pause();
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            demand = Long.MAX_VALUE;
            owe();
            source.resume();
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            demand = amount > Long.MAX_VALUE - demand ? Long.MAX_VALUE : demand + amount;
            if (demand > 0) {
                owe();
            }
            source.fetch(amount);
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
            source.endHandler(endHandler == null ? null : end -> {
                over();
                endHandler.handle(end);
            });
            return this;
        }
    }
}
