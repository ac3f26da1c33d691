package dev.salesplatform.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

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
    void rejectsAUrlThatIsNotHttp() {
        assertThrows(IllegalArgumentException.class,
                () -> Origin.of("lead", URI.create("ftp://127.0.0.1:8081"), TIMEOUT));
    }
}
