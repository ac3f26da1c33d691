package dev.salesplatform.tokens;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The cache of verified bearer tokens ({@code SALESPLATFORM_VERIFIED_TOKENS_ENABLED},
 * {@code SALESPLATFORM_VERIFIED_TOKENS_MAX_AGE}, {@code SALESPLATFORM_VERIFIED_TOKENS_MAX_SIZE} as
 * environment variables).
 */
@ConfigMapping(prefix = "salesplatform.verified-tokens")
public interface VerifiedTokensConfig {

    /** Whether a verified token is remembered; off, quarkus-oidc verifies every request's token. */
    @WithDefault("true")
    boolean enabled();

    /**
     * The longest a token is answered from the cache, however much later its {@code exp}: the bound
     * on how long a revoked signing key or a disabled user still passes with a token already seen.
     */
    @WithDefault("5m")
    Duration maxAge();

    /** The most tokens remembered at once (the least used go first). */
    @WithDefault("10000")
    long maxSize();
}
