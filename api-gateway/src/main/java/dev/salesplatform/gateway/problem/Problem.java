package dev.salesplatform.gateway.problem;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** An RFC 9457 problem the gateway answers with itself (upstream problems pass through as they are). */
public record Problem(int status, String slug, String title, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final String TYPE_BASE = "https://salesplatform.dev/problems/";

    public static Problem unauthorized(String detail) {
        return new Problem(401, "unauthorized", "Unauthorized", detail);
    }

    public static Problem upstreamUnavailable() {
        return new Problem(503, "upstream-unavailable", "Upstream Unavailable",
                "The service behind this route is not reachable; try again later.");
    }

    public static Problem upstreamCircuitOpen() {
        return new Problem(503, "upstream-unavailable", "Upstream Unavailable",
                "The service behind this route failed repeatedly and is given a rest; try again later.");
    }

    public static Problem tooManyRequests() {
        return new Problem(429, "too-many-requests", "Too Many Requests",
                "The rate limit for this route is used up; retry after the time in Retry-After.");
    }

    public static Problem payloadTooLarge(long maxBytes) {
        return new Problem(413, "payload-too-large", "Payload Too Large",
                "The request body exceeds the limit of " + maxBytes + " bytes for this route.");
    }

    /** {@code reason} says what in the path is not in normal form, see {@code RequestTarget}. */
    public static Problem badPath(String reason) {
        return new Problem(400, "bad-path", "Bad Path",
                "The path must be in normal form (RFC 3986): " + reason + ".");
    }

    public static Problem badQuery(String reason) {
        return new Problem(400, "bad-query", "Bad Query", "The query must be well-formed (RFC 3986): " + reason + ".");
    }

    public static Problem uriTooLong(int maxLength) {
        return new Problem(414, "uri-too-long", "URI Too Long",
                "The request-target (path and query) exceeds the limit of " + maxLength + " characters.");
    }

    public static Problem headerFieldsTooLarge(long maxBytes) {
        return new Problem(431, "header-fields-too-large", "Request Header Fields Too Large",
                "The request's header fields exceed the limit of " + maxBytes + " bytes in total.");
    }

    public static Problem methodNotAllowed(String allowed) {
        return new Problem(405, "method-not-allowed", "Method Not Allowed",
                "This resource answers " + allowed + " only.");
    }

    public static Problem originNotAllowed() {
        return new Problem(403, "origin-not-allowed", "Forbidden",
                "Cross-origin requests from this origin are not allowed.");
    }

    public static Problem upstreamTimeout() {
        return new Problem(504, "upstream-timeout", "Upstream Timeout",
                "The service behind this route did not answer in time.");
    }

    public static Problem badGateway() {
        return new Problem(502, "bad-gateway", "Bad Gateway",
                "The service behind this route failed to answer properly.");
    }

    /** The problem for a status raised by the HTTP layer itself (no matching route, a failure). */
    public static Problem ofStatus(int status) {
        return switch (status) {
            case 404 -> new Problem(404, "not-found", "Not Found", "No resource exists at this path.");
            case 500 -> new Problem(500, "internal-error", "Internal Server Error",
                    "The gateway failed to handle the request.");
            default -> {
                String title = HttpResponseStatus.valueOf(status).reasonPhrase();
                yield new Problem(status, title.toLowerCase().replace(' ', '-'), title, title + ".");
            }
        };
    }

    public Buffer toJson(String instance) {
        return new JsonObject()
                .put("type", TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance)
                .toBuffer();
    }

    /** Ends the response with this problem about the resource at {@code instance}. */
    public void send(HttpServerResponse response, String instance) {
        response.setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .end(toJson(instance));
    }
}
