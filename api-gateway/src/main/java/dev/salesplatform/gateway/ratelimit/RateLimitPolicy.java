package dev.salesplatform.gateway.ratelimit;

/** One token bucket shape; requests under the same policy and client share a bucket. */
public record RateLimitPolicy(String name, long capacity, long refillPerSecond) {

    public RateLimitPolicy {
        if (capacity < 1 || refillPerSecond < 1) {
            throw new IllegalArgumentException("Rate limit " + name + ": capacity and refill-per-second must be >= 1");
        }
    }
}
