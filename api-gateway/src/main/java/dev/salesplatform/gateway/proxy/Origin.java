package dev.salesplatform.gateway.proxy;

import java.net.URI;
import java.time.Duration;

import io.vertx.core.http.RequestOptions;

/** Where one upstream lives and how long the gateway waits for it. */
record Origin(String name, String host, int port, boolean ssl, String basePath, Duration timeout) {

    static Origin of(String name, URI url, Duration timeout) {
        boolean ssl = switch (url.getScheme()) {
            case "http" -> false;
            case "https" -> true;
            default -> throw new IllegalArgumentException("Upstream " + name + ": URL must be http(s): " + url);
        };
        int port = url.getPort() != -1 ? url.getPort() : ssl ? 443 : 80;
        String basePath = url.getRawPath() == null ? "" : url.getRawPath().replaceFirst("/$", "");
        return new Origin(name, url.getHost(), port, ssl, basePath, timeout);
    }

    RequestOptions requestOptions() {
        // One timeout for both waiting on a pooled connection and waiting on data from the upstream.
        return new RequestOptions().setHost(host).setPort(port).setSsl(ssl).setTimeout(timeout.toMillis());
    }
}
