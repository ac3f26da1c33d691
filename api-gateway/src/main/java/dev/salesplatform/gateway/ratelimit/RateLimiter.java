package dev.salesplatform.gateway.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Token buckets (bucket4j) per client and policy, held in memory. Idle buckets expire: a bucket
 * unused for longer than it takes to refill completely is full again, so forgetting it changes
 * nothing; the size bound protects memory against a flood of distinct clients (which would then
 * start over with a full bucket, the lesser evil).
 */
public final class RateLimiter {

    private final Cache<BucketKey, Bucket> buckets;
    private final TimeMeter clock;

    public RateLimiter(Duration idleExpiry, long maxBuckets, TimeMeter clock) {
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(idleExpiry)
                .maximumSize(maxBuckets)
                .ticker(clock::currentTimeNanos)
                .build();
        this.clock = clock;
    }

    /** Takes one token from the client's bucket under the policy. */
    public Decision tryConsume(String client, RateLimitPolicy policy) {
        Bucket bucket = buckets.get(new BucketKey(client, policy.name()), key -> newBucket(policy));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), policy.capacity(), probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()),
                probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket(RateLimitPolicy policy) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(policy.capacity())
                        .refillGreedy(policy.refillPerSecond(), Duration.ofSeconds(1)))
                .withCustomTimePrecision(clock)
                .build();
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999) / 1_000_000_000;
    }

    private record BucketKey(String client, String policy) {
    }

    /**
     * The outcome, with what the {@code RateLimit-*} headers say: the bucket size, the tokens left and
     * the seconds until the bucket is full again; and, when refused, the seconds until one token is back.
     */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }
}
