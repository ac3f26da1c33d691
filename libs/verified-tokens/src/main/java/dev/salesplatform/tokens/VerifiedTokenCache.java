package dev.salesplatform.tokens;

import java.security.Permission;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.OidcProviderClient;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The identities of bearer tokens that quarkus-oidc verified, by the SHA-256 of the token: each is
 * remembered until the token's {@code exp} (the instant quarkus-oidc refuses it from, without the
 * clock skew it may allow on top), and never longer than {@code maxAge} after it was verified (nor
 * beyond {@code iat} plus {@code quarkus.oidc.token.age} where that is set). At most {@code maxSize}
 * tokens; a failed verification is never remembered: only {@link #remember} adds, with an identity.
 *
 * <p>An entry keeps what belongs to the token, never to the request it came with: the principal (the
 * parsed, immutable JWT), roles, possessed permissions (the token's scopes), and the attributes
 * quarkus-oidc derives from the token or the tenant. The request's own (its {@code RoutingContext}
 * and blocking context) are left out; {@link CachedTokenIdentityProvider} gives each identity the
 * current request's.
 *
 * <p>Time is the {@link Clock}'s, for the entries' lifetimes as for Caffeine's expiry.
 */
public final class VerifiedTokenCache {

    /** The meter counting lookups, tagged {@code result} = {@code hit} or {@code miss}. */
    public static final String METER = "verified.tokens.cache";

    /** The identity attribute quarkus-oidc sets to the token's {@code exp} (epoch seconds). */
    static final String EXPIRE_TIME = "quarkus.identity.expire-time";

    /**
     * Attributes of a verified identity that depend on the token or the tenant only, as quarkus-oidc
     * sets them ({@code OidcUtils.validateAndCreateIdentity}); every other one is left out.
     */
    private static final List<String> TOKEN_ATTRIBUTES = List.of("tenant-id", "configuration-metadata",
            OidcProviderClient.class.getName(), "userinfo", "introspection");

    private final Cache<TokenDigest, CachedIdentity> entries;
    private final Duration maxAge;
    private final Optional<Duration> tokenAge;
    private final Clock clock;
    private final Counter hits;
    private final Counter misses;

    /**
     * @param tokenAge {@code quarkus.oidc.token.age}: how long after its {@code iat} quarkus-oidc
     *            accepts a token, if it is set
     */
    public VerifiedTokenCache(Duration maxAge, long maxSize, Optional<Duration> tokenAge, Clock clock,
            MeterRegistry registry) {
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("salesplatform.verified-tokens.max-age must be positive, not " + maxAge);
        }
        if (maxSize < 0) {
            throw new IllegalArgumentException("salesplatform.verified-tokens.max-size must not be negative, not " + maxSize);
        }
        this.maxAge = maxAge;
        this.tokenAge = tokenAge;
        this.clock = clock;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(new UntilDeadline())
                .ticker(() -> epochNanos(clock.instant()))
                .build();
        this.hits = counter("hit", registry);
        this.misses = counter("miss", registry);
    }

    /** The identity remembered for the token, if any and its time has not run out; counted as a hit or a miss. */
    CachedIdentity lookup(TokenDigest digest) {
        CachedIdentity cached = entries.getIfPresent(digest);
        if (cached != null && clock.instant().isBefore(cached.until())) {
            hits.increment();
            return cached;
        }
        misses.increment();
        return null;
    }

    /**
     * Remembers the identity that quarkus-oidc verified for the token, unless it has no principal with
     * an {@code exp} (nothing would bound its lifetime) or its time has already run out.
     *
     * @return whether it is remembered
     */
    boolean remember(TokenDigest digest, SecurityIdentity verified) {
        if (verified.isAnonymous() || !(verified.getPrincipal() instanceof JsonWebToken token)
                || token.getExpirationTime() <= 0) {
            return false;
        }
        Instant now = clock.instant();
        Instant until = earliest(Instant.ofEpochSecond(token.getExpirationTime()), now.plus(maxAge));
        if (tokenAge.isPresent() && token.getIssuedAtTime() > 0) {
            until = earliest(until, Instant.ofEpochSecond(token.getIssuedAtTime()).plus(tokenAge.get()));
        }
        if (!now.isBefore(until)) {
            return false;
        }
        Map<String, Object> attributes = new HashMap<>();
        for (String name : TOKEN_ATTRIBUTES) {
            Object value = verified.getAttribute(name);
            if (value != null) {
                attributes.put(name, value);
            }
        }
        attributes.put(EXPIRE_TIME, token.getExpirationTime());
        entries.put(digest, new CachedIdentity(token, Set.copyOf(verified.getRoles()),
                Set.copyOf(verified.getPermissions()), Map.copyOf(attributes), until));
        return true;
    }

    /** The number of tokens remembered, after pending evictions (for tests). */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private static Counter counter(String result, MeterRegistry registry) {
        return Counter.builder(METER)
                .description("Bearer tokens answered from the cache of verified tokens (hit) or left to quarkus-oidc (miss)")
                .tag("result", result)
                .register(registry);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The clock's time on Caffeine's scale (nanoseconds), so that its expiry and {@link #lookup} agree. */
    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** What is remembered of a verified token: its identity without the request it came with. */
    record CachedIdentity(Principal principal, Set<String> roles, Set<Permission> permissions,
            Map<String, Object> attributes, Instant until) {
    }

    /** Each entry lives until its own deadline, whatever reads or writes happen meanwhile. */
    private static final class UntilDeadline implements Expiry<TokenDigest, CachedIdentity> {

        @Override
        public long expireAfterCreate(TokenDigest key, CachedIdentity value, long currentTime) {
            return Math.max(0, epochNanos(value.until()) - currentTime);
        }

        @Override
        public long expireAfterUpdate(TokenDigest key, CachedIdentity value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(TokenDigest key, CachedIdentity value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
