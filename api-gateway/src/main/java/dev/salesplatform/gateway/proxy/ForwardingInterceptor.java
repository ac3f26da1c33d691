package dev.salesplatform.gateway.proxy;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import dev.salesplatform.gateway.bodylimit.BodyLimits;
import dev.salesplatform.gateway.bodylimit.BodyTooLarge;
import dev.salesplatform.gateway.bodylimit.LimitedReadStream;
import dev.salesplatform.gateway.metrics.GatewayMetrics;
import dev.salesplatform.gateway.problem.Problem;
import dev.salesplatform.gateway.requestid.RequestIdHandler;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Sends each request to an instance of one upstream that its {@link UpstreamBalancer} picks, or answers
 * 503 at once when every instance's breaker refuses. Creates the request to the instance, with the
 * {@code X-Forwarded-*} headers and the instance's base path and without the client's trace context
 * headers (the proxy's client span writes its own), timed by {@link UpstreamSilence}; counts a body
 * without declared length against the route's limit (413), tells the instance's breaker how the call
 * went, and answers a problem when the upstream cannot be reached (503), is too slow (504) or breaks
 * off (502).
 *
 * <p>An instance that refuses the connection is marked not ready and the request goes once to the next
 * ready instance: nothing of it has been sent, whatever its method, since the proxy pipes the body
 * (held paused until then) only into a connected request. One interceptor and proxy serve all
 * instances of the upstream, the instance of each exchange being kept in its {@link ProxyContext},
 * because that retry moves an exchange the proxy already holds to another instance.
 */
final class ForwardingInterceptor implements ProxyInterceptor, OriginRequestProvider {

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);

    private static final List<String> HOP_BY_HOP = List.of("Connection", "Keep-Alive", "Proxy-Connection",
            "Proxy-Authenticate", "TE", "Trailer", "Upgrade");
    private static final String INSTANCE = UpstreamInstance.class.getName();

    private final UpstreamBalancer balancer;
    private final Duration timeout;
    private final BodyLimits bodyLimits;
    private final GatewayMetrics metrics;
    private final Vertx vertx;
    private final Collection<String> traceHeaders;

    /** {@code traceHeaders}: the headers the configured propagators write (traceparent, tracestate, baggage). */
    ForwardingInterceptor(UpstreamBalancer balancer, Duration timeout, BodyLimits bodyLimits, GatewayMetrics metrics,
            Vertx vertx, Collection<String> traceHeaders) {
        this.balancer = balancer;
        this.timeout = timeout;
        this.bodyLimits = bodyLimits;
        this.metrics = metrics;
        this.vertx = vertx;
        this.traceHeaders = List.copyOf(traceHeaders);
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest client = request.proxiedRequest();
        UpstreamSilence silence = UpstreamSilence.attach(context, vertx, balancer.upstream(), timeout);
        Optional<UpstreamInstance> instance = balancer.pick();
        if (instance.isEmpty()) {
            return Future.succeededFuture(response(request, Problem.upstreamCircuitOpen())
                    .putHeader("Retry-After", Long.toString(balancer.retryAfterSeconds())));
        }
        context.set(INSTANCE, instance.get());
        // The gateway is the edge: what a client claims in these headers is replaced, not trusted.
        request.putHeader("X-Forwarded-For", client.remoteAddress().hostAddress());
        request.putHeader("X-Forwarded-Proto", client.scheme());
        HostAndPort authority = client.authority();
        if (authority != null) {
            request.putHeader("X-Forwarded-Host", authority.toString());
        }
        // The client span adds its context to the headers: the client's would go first and win upstream.
        traceHeaders.forEach(request.headers()::remove);
        LimitedReadStream limitedBody = limitUndeclaredBody(request);
        return context.sendRequest()
                .onSuccess(response -> instanceOf(context).breaker().onSuccess())
                .recover(failure -> Future.succeededFuture(limitedBody != null && limitedBody.exceeded()
                        ? tooLargeResponse(context, bodyLimits.maxBytesFor(client.path()))
                        : problemResponse(context, silence.cause(failure))));
    }

    /**
     * The request to the instance, once the interceptors are through with the proxied one; timed by the
     * silence that {@link #handleProxyRequest} attached. An instance that refuses the connection is
     * replaced once by the next ready one; a connection timeout counts the same (nothing was sent
     * either), at the cost of a second wait.
     */
    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        UpstreamInstance first = instanceOf(context);
        return connect(context, first).recover(failure -> {
            if (!unreachable(failure)) {
                return Future.failedFuture(failure);
            }
            Optional<UpstreamInstance> next = balancer.retryAfter(first);
            if (next.isEmpty()) {
                // Answered (and reported to the breaker) as the exchange's failure.
                return Future.failedFuture(failure);
            }
            first.breaker().onFailure();
            first.refusedConnection(failure);
            HttpServerRequest client = context.request().proxiedRequest();
            LOG.warnf("Request %s %s %s: instance %s of upstream %s not reachable (%s), sent to %s instead",
                    client.getHeader(RequestIdHandler.HEADER), client.method(), client.path(), first.authority(),
                    balancer.upstream(), failure, next.get().authority());
            context.set(INSTANCE, next.get());
            return connect(context, next.get());
        });
    }

    private static Future<HttpClientRequest> connect(ProxyContext context, UpstreamInstance instance) {
        Origin origin = instance.origin();
        return context.client().request(origin.requestOptions()).map(upstreamRequest -> {
            ProxyRequest request = context.request();
            HttpServerRequest client = request.proxiedRequest();
            // Exactly the path and query that the limits saw, canonical behind RequestHeadHandler.
            String query = client.query();
            request.setURI(origin.basePath() + client.path() + (query == null ? "" : "?" + query));
            UpstreamSilence.of(context).watch(upstreamRequest, request);
            // Failures reach the proxy through the response, which answers and logs them; without a
            // handler Vert.x would log each again as unhandled (a reset for a body over its limit, say).
            return upstreamRequest.exceptionHandler(alreadyAnswered -> { });
        });
    }

    /**
     * Hop-by-hop headers describe the upstream connection, not the answer: forwarding them breaks
     * HTTP/2 clients (a {@code connection} header is a protocol error there). The instance's answer
     * is timed until its end; broken off because the instance fell silent, it counts as a failure.
     */
    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        MultiMap headers = response.headers();
        HOP_BY_HOP.forEach(headers::remove);
        metrics.upstreamAnswered(balancer.upstream(), response.getStatusCode());
        UpstreamSilence silence = UpstreamSilence.of(context);
        silence.watch(response);
        return context.sendResponse().onFailure(failure -> {
            if (silence.brokeOffAnswer()) {
                UpstreamInstance instance = instanceOf(context);
                instance.breaker().onFailure();
                HttpServerRequest client = context.request().proxiedRequest();
                LOG.warnf("Request %s %s %s: instance %s of upstream %s fell silent in the middle of its answer (%s), "
                        + "broken off", client.getHeader(RequestIdHandler.HEADER), client.method(), client.path(),
                        instance.authority(), balancer.upstream(), silence.cause(failure));
            }
        });
    }

    /** A declared length was checked before the proxy; a body without one is counted as it streams. */
    private LimitedReadStream limitUndeclaredBody(ProxyRequest request) {
        Body body = request.getBody();
        if (body == null || body.length() >= 0) {
            return null;
        }
        LimitedReadStream limited = new LimitedReadStream(body.stream(),
                bodyLimits.maxBytesFor(request.proxiedRequest().path()));
        request.setBody(Body.body(limited, -1));
        return limited;
    }

    private ProxyResponse tooLargeResponse(ProxyContext context, long maxBytes) {
        instanceOf(context).breaker().onIgnored();
        ProxyRequest request = context.request();
        BodyTooLarge.closeAfterAnswer(request.proxiedRequest());
        return response(request, Problem.payloadTooLarge(maxBytes));
    }

    private ProxyResponse problemResponse(ProxyContext context, Throwable failure) {
        UpstreamInstance instance = instanceOf(context);
        Problem problem = problemFor(failure);
        if (problem.status() == 502) {
            instance.breaker().onIgnored();
        } else {
            instance.breaker().onFailure();
        }
        if (unreachable(failure)) {
            instance.refusedConnection(failure);
        }
        ProxyRequest request = context.request();
        HttpServerRequest client = request.proxiedRequest();
        LOG.warnf("Request %s %s %s: instance %s of upstream %s failed (%s), answering %d",
                client.getHeader(RequestIdHandler.HEADER), client.method(), client.path(), instance.authority(),
                balancer.upstream(), failure, problem.status());
        return response(request, problem);
    }

    private static UpstreamInstance instanceOf(ProxyContext context) {
        return context.get(INSTANCE, UpstreamInstance.class);
    }

    private static ProxyResponse response(ProxyRequest request, Problem problem) {
        return request.release().response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .setBody(Body.body(problem.toJson(request.proxiedRequest().path())));
    }

    /** No connection to the instance could be had: nothing of the request was sent. */
    private static boolean unreachable(Throwable failure) {
        return failure instanceof ConnectException || failure instanceof UnknownHostException;
    }

    private static Problem problemFor(Throwable failure) {
        if (unreachable(failure)) {
            return Problem.upstreamUnavailable();
        }
        if (failure instanceof TimeoutException) {
            return Problem.upstreamTimeout();
        }
        return Problem.badGateway();
    }
}
