package dev.salesplatform.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;

class RateLimiterTest {

    private static final RateLimitPolicy POLICY = new RateLimitPolicy("default", 3, 1);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(Duration.ofMinutes(10), 1_000, new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return now.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    });

    @Test
    void allowsTheBurstThenRefusesWithTheTimeUntilTheNextToken() {
        RateLimiter.Decision first = limiter.tryConsume("sub:ada", POLICY);
        assertTrue(first.allowed());
        assertEquals(3, first.limit());
        assertEquals(2, first.remaining());
        assertEquals(1, first.resetSeconds());
        limiter.tryConsume("sub:ada", POLICY);
        RateLimiter.Decision third = limiter.tryConsume("sub:ada", POLICY);
        assertTrue(third.allowed());
        assertEquals(0, third.remaining());
        assertEquals(3, third.resetSeconds());

        RateLimiter.Decision refused = limiter.tryConsume("sub:ada", POLICY);
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(1, refused.retryAfterSeconds());
    }

    @Test
    void refillsOverTime() {
        for (int i = 0; i < 3; i++) {
            limiter.tryConsume("sub:ada", POLICY);
        }
        now.addAndGet(Duration.ofSeconds(2).toNanos());

        assertTrue(limiter.tryConsume("sub:ada", POLICY).allowed());
        assertTrue(limiter.tryConsume("sub:ada", POLICY).allowed());
        assertFalse(limiter.tryConsume("sub:ada", POLICY).allowed());
    }

    @Test
    void keepsOneBucketPerClientAndPolicy() {
        RateLimitPolicy imports = new RateLimitPolicy("route:imports", 1, 1);
        for (int i = 0; i < 3; i++) {
            limiter.tryConsume("sub:ada", POLICY);
        }

        assertFalse(limiter.tryConsume("sub:ada", POLICY).allowed());
        assertTrue(limiter.tryConsume("sub:grace", POLICY).allowed());
        assertTrue(limiter.tryConsume("sub:ada", imports).allowed());
        assertFalse(limiter.tryConsume("sub:ada", imports).allowed());
    }

    @Test
    void forgetsIdleBuckets() {
        limiter.tryConsume("sub:ada", POLICY);
        limiter.tryConsume("ip:10.0.0.1", POLICY);
        assertEquals(2, limiter.size());

        now.addAndGet(Duration.ofMinutes(11).toNanos());

        assertEquals(0, limiter.size());
    }
}
