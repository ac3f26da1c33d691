package dev.salesplatform.gateway.proxy;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
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
 * Creates the request to the upstream, with the {@code X-Forwarded-*} headers and the upstream's
 * base path and without the client's trace context headers (the proxy's client span writes its own),
 * timed by {@link UpstreamSilence}; counts a body without declared length against the
 * route's limit (413), tells the upstream's breaker how the call went, and answers a problem when
 * the upstream cannot be reached (503), is too slow (504) or breaks off (502).
 */
final class ForwardingInterceptor implements ProxyInterceptor, OriginRequestProvider {

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);

    private static final List<String> HOP_BY_HOP = List.of("Connection", "Keep-Alive", "Proxy-Connection",
            "Proxy-Authenticate", "TE", "Trailer", "Upgrade");

    private final Origin origin;
    private final CircuitBreaker breaker;
    private final BodyLimits bodyLimits;
    private final GatewayMetrics metrics;
    private final Vertx vertx;
    private final Collection<String> traceHeaders;

    /** {@code traceHeaders}: the headers the configured propagators write (traceparent, tracestate, baggage). */
    ForwardingInterceptor(Origin origin, CircuitBreaker breaker, BodyLimits bodyLimits, GatewayMetrics metrics,
            Vertx vertx, Collection<String> traceHeaders) {
        this.origin = origin;
        this.breaker = breaker;
        this.bodyLimits = bodyLimits;
        this.metrics = metrics;
        this.vertx = vertx;
        this.traceHeaders = List.copyOf(traceHeaders);
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest client = request.proxiedRequest();
        // Exactly the path and query that the limits saw, canonical behind RequestHeadHandler.
        String query = client.query();
        request.setURI(origin.basePath() + client.path() + (query == null ? "" : "?" + query));
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
        UpstreamSilence silence = UpstreamSilence.attach(context, vertx, origin);
        return context.sendRequest()
                .onSuccess(response -> breaker.onSuccess())
                .recover(failure -> Future.succeededFuture(limitedBody != null && limitedBody.exceeded()
                        ? tooLargeResponse(request, bodyLimits.maxBytesFor(client.path()))
                        : problemResponse(request, silence.cause(failure))));
    }

    /**
     * The request to the upstream, once the interceptors are through with the proxied one; timed by
     * the silence that {@link #handleProxyRequest} attached.
     */
    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        return context.client().request(origin.requestOptions()).map(upstreamRequest -> {
            UpstreamSilence.of(context).watch(upstreamRequest, context.request());
            // Failures reach the proxy through the response, which answers and logs them; without a
            // handler Vert.x would log each again as unhandled (a reset for a body over its limit, say).
            return upstreamRequest.exceptionHandler(alreadyAnswered -> { });
        });
    }

    /**
     * Hop-by-hop headers describe the upstream connection, not the answer: forwarding them breaks
     * HTTP/2 clients (a {@code connection} header is a protocol error there). The upstream's answer
     * is timed until its end; broken off because the upstream fell silent, it counts as a failure.
     */
    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        MultiMap headers = response.headers();
        HOP_BY_HOP.forEach(headers::remove);
        metrics.upstreamAnswered(origin.name(), response.getStatusCode());
        UpstreamSilence silence = UpstreamSilence.of(context);
        silence.watch(response);
        return context.sendResponse().onFailure(failure -> {
            if (silence.brokeOffAnswer()) {
                breaker.onFailure();
                HttpServerRequest client = context.request().proxiedRequest();
                LOG.warnf("Request %s %s %s: upstream %s fell silent in the middle of its answer (%s), broken off",
                        client.getHeader(RequestIdHandler.HEADER), client.method(), client.path(), origin.name(),
                        silence.cause(failure));
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

    private ProxyResponse tooLargeResponse(ProxyRequest request, long maxBytes) {
        breaker.onIgnored();
        HttpServerRequest client = request.proxiedRequest();
        BodyTooLarge.closeAfterAnswer(client);
        return response(request, Problem.payloadTooLarge(maxBytes));
    }

    private ProxyResponse problemResponse(ProxyRequest request, Throwable failure) {
        Problem problem = problemFor(failure);
        if (problem.status() == 502) {
            breaker.onIgnored();
        } else {
            breaker.onFailure();
        }
        HttpServerRequest client = request.proxiedRequest();
        LOG.warnf("Request %s %s %s: upstream %s failed (%s), answering %d", client.getHeader(RequestIdHandler.HEADER),
                client.method(), client.path(), origin.name(), failure, problem.status());
        return response(request, problem);
    }

    private static ProxyResponse response(ProxyRequest request, Problem problem) {
        return request.release().response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .setBody(Body.body(problem.toJson(request.proxiedRequest().path())));
    }

    private static Problem problemFor(Throwable failure) {
        if (failure instanceof ConnectException || failure instanceof UnknownHostException) {
            return Problem.upstreamUnavailable();
        }
        if (failure instanceof TimeoutException) {
            return Problem.upstreamTimeout();
        }
        return Problem.badGateway();
    }
}
