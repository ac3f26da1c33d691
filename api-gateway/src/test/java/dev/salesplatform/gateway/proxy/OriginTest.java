package dev.salesplatform.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.vertx.core.http.RequestOptions;

class OriginTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void takesHostAndPortFromTheUrl() {
        assertEquals(new Origin("lead", "127.0.0.1", 8081, false, "", TIMEOUT),
                Origin.of("lead", URI.create("http://127.0.0.1:8081"), TIMEOUT));
    }

    @Test
    void defaultsThePortAndKeepsABasePathWithoutTrailingSlash() {
        assertEquals(new Origin("deal", "deal.internal", 443, true, "/deal-service", TIMEOUT),
                Origin.of("deal", URI.create("https://deal.internal/deal-service/"), TIMEOUT));
        assertEquals(new Origin("deal", "deal.internal", 80, false, "", TIMEOUT),
                Origin.of("deal", URI.create("http://deal.internal/"), TIMEOUT));
    }

    @Test
    void timesOnlyGettingAConnectionNotTheWholeRequest() {
        RequestOptions options = Origin.of("lead", URI.create("http://127.0.0.1:8081"), TIMEOUT).requestOptions();

        assertEquals(TIMEOUT.toMillis(), options.getConnectTimeout());
        // Vert.x' idle timeout would count the time a client takes to send its body; UpstreamSilence times the rest.
        assertEquals(RequestOptions.DEFAULT_TIMEOUT, options.getTimeout());
        assertEquals(RequestOptions.DEFAULT_IDLE_TIMEOUT, options.getIdleTimeout());
    }

    @Test
    void rejectsAUrlThatIsNotHttp() {
        assertThrows(IllegalArgumentException.class,
                () -> Origin.of("lead", URI.create("ftp://127.0.0.1:8081"), TIMEOUT));
    }

    @Test
    void rejectsATimeoutThatIsNotPositive() {
        URI url = URI.create("http://127.0.0.1:8081");
        assertThrows(IllegalArgumentException.class, () -> Origin.of("lead", url, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Origin.of("lead", url, Duration.ofSeconds(-1)));
    }
}
