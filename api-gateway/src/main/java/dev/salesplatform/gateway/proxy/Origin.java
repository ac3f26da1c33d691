package dev.salesplatform.gateway.proxy;

import java.net.URI;
import java.time.Duration;

import io.vertx.core.http.RequestOptions;

/** Where one instance of an upstream lives and how long it may keep the gateway waiting. */
record Origin(String name, String host, int port, boolean ssl, String basePath, Duration timeout) {

    static Origin of(String name, URI url, Duration timeout) {
        boolean ssl = switch (url.getScheme()) {
            case "http" -> false;
            case "https" -> true;
            default -> throw new IllegalArgumentException("Upstream " + name + ": URL must be http(s): " + url);
        };
        if (!timeout.isPositive()) {
            throw new IllegalArgumentException("Upstream " + name + ": timeout must be positive: " + timeout);
        }
        int port = url.getPort() != -1 ? url.getPort() : ssl ? 443 : 80;
        String basePath = url.getRawPath() == null ? "" : url.getRawPath().replaceFirst("/$", "");
        return new Origin(name, url.getHost(), port, ssl, basePath, timeout);
    }

    /** Host and port, which identify the instance among those of its upstream. */
    String authority() {
        return host + ":" + port;
    }

    /**
     * Only getting a connection (a pooled one, or a new one) is timed here; {@link UpstreamSilence}
     * times the rest. Not Vert.x' idle timeout ({@code setTimeout}, {@code setIdleTimeout}): it counts
     * from the start of the request and resets only on data from the upstream, so it would run out
     * while a client is still uploading.
     */
    RequestOptions requestOptions() {
        return new RequestOptions().setHost(host).setPort(port).setSsl(ssl).setConnectTimeout(timeout.toMillis());
    }
}
