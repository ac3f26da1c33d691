package dev.salesplatform.kit.http;

/**
 * An endpoint that takes request bodies larger than {@code salesplatform.http.max-body-size}, such as a
 * bulk upload. A CDI bean of this type raises the limit for its path (and the paths below it) only;
 * every other path keeps the default. The limit may not exceed {@code quarkus.http.limits.max-body-size},
 * the transport's ceiling, which the service checks at startup.
 */
public interface LargeBodyRoute {

    /** The request path, e.g. {@code /api/v1/lead-imports}. */
    String path();

    /** The largest body accepted on {@link #path()}, in bytes. */
    long maxBodySize();
}
