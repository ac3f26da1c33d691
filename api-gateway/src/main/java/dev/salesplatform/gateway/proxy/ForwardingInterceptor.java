package dev.salesplatform.gateway.proxy;

import java.net.ConnectException;
import java.net.UnknownHostException;
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
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Adds the {@code X-Forwarded-*} headers and the upstream's base path to the forwarded request,
 * counts a body without declared length against the route's limit (413), tells the upstream's
 * breaker how the call went, and answers a problem when the upstream cannot be reached (503), is too
 * slow (504) or breaks off (502).
 */
final class ForwardingInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);

    private static final List<String> HOP_BY_HOP = List.of("Connection", "Keep-Alive", "Proxy-Connection",
            "Proxy-Authenticate", "TE", "Trailer", "Upgrade");

    private final Origin origin;
    private final CircuitBreaker breaker;
    private final BodyLimits bodyLimits;
    private final GatewayMetrics metrics;

    ForwardingInterceptor(Origin origin, CircuitBreaker breaker, BodyLimits bodyLimits, GatewayMetrics metrics) {
        this.origin = origin;
        this.breaker = breaker;
        this.bodyLimits = bodyLimits;
        this.metrics = metrics;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest client = request.proxiedRequest();
        request.setURI(origin.basePath() + request.getURI());
        // The gateway is the edge: what a client claims in these headers is replaced, not trusted.
        request.putHeader("X-Forwarded-For", client.remoteAddress().hostAddress());
        request.putHeader("X-Forwarded-Proto", client.scheme());
        HostAndPort authority = client.authority();
        if (authority != null) {
            request.putHeader("X-Forwarded-Host", authority.toString());
        }
        LimitedReadStream limitedBody = limitUndeclaredBody(request);
        return context.sendRequest()
                .onSuccess(response -> breaker.onSuccess())
                .recover(failure -> Future.succeededFuture(limitedBody != null && limitedBody.exceeded()
                        ? tooLargeResponse(request, bodyLimits.maxBytesFor(client.path()))
                        : problemResponse(request, failure)));
    }

    /**
     * Hop-by-hop headers describe the upstream connection, not the answer: forwarding them breaks
     * HTTP/2 clients (a {@code connection} header is a protocol error there).
     */
    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        MultiMap headers = context.response().headers();
        HOP_BY_HOP.forEach(headers::remove);
        metrics.upstreamAnswered(origin.name(), context.response().getStatusCode());
        return context.sendResponse();
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
