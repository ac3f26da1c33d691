package dev.salesplatform.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

class VerifiedTokenCacheTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(START);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final VerifiedTokenCache cache = new VerifiedTokenCache(MAX_AGE, 100, Optional.empty(), clock, registry);

    @Test
    void answersATokenUntilItsExpiryAndNotAnInstantLonger() {
        TokenDigest digest = remember(START.plusSeconds(60));

        clock.advance(Duration.ofSeconds(59));
        assertNotNull(cache.lookup(digest));
        clock.advance(Duration.ofMillis(999));
        assertNotNull(cache.lookup(digest));
        clock.advance(Duration.ofMillis(1));
        assertNull(cache.lookup(digest), "quarkus-oidc refuses a token from its exp on");
        assertEquals(0, cache.size());
    }

    @Test
    void answersATokenNoLongerThanMaxAgeAfterItWasVerified() {
        TokenDigest digest = remember(START.plus(Duration.ofHours(8)));

        clock.advance(MAX_AGE.minusMillis(1));
        assertNotNull(cache.lookup(digest));
        clock.advance(Duration.ofMillis(1));
        assertNull(cache.lookup(digest));
    }

    @Test
    void answersATokenNoLongerThanTheTokenAgeQuarkusOidcAllowsAfterItsIssue() {
        VerifiedTokenCache aged = new VerifiedTokenCache(MAX_AGE, 100, Optional.of(Duration.ofMinutes(2)), clock, registry);
        String token = Identities.token();
        TokenDigest digest = TokenDigest.of(token);
        assertTrue(aged.remember(digest, Identities.verified(token, UUID.randomUUID(), START.minusSeconds(60),
                START.plus(Duration.ofHours(1)), Identities.request(), "sdr")));

        clock.advance(Duration.ofSeconds(59));
        assertNotNull(aged.lookup(digest));
        clock.advance(Duration.ofSeconds(1));
        assertNull(aged.lookup(digest));
    }

    @Test
    void remembersNoTokenWhoseTimeHasRunOutOrThatHasNoExpiry() {
        String expired = Identities.token();
        assertFalse(cache.remember(TokenDigest.of(expired),
                Identities.verified(expired, UUID.randomUUID(), START.minusSeconds(900), START, Identities.request())));
        String endless = Identities.token();
        assertFalse(cache.remember(TokenDigest.of(endless),
                Identities.verified(endless, UUID.randomUUID(), START, null, Identities.request())));
        assertFalse(cache.remember(TokenDigest.of(Identities.token()),
                QuarkusSecurityIdentity.builder().setAnonymous(true).build()));

        assertNull(cache.lookup(TokenDigest.of(expired)));
        assertNull(cache.lookup(TokenDigest.of(endless)));
        assertEquals(0, cache.size());
    }

    @Test
    void holdsAtMostMaxSizeTokens() {
        VerifiedTokenCache small = new VerifiedTokenCache(MAX_AGE, 3, Optional.empty(), clock, registry);
        for (int i = 0; i < 10; i++) {
            String token = Identities.token();
            small.remember(TokenDigest.of(token),
                    Identities.verified(token, UUID.randomUUID(), START, START.plusSeconds(900), Identities.request()));
        }
        assertEquals(3, small.size());
    }

    @Test
    void keepsWhatBelongsToTheTokenAndNothingOfItsRequest() {
        String token = Identities.token();
        RoutingContext request = Identities.request();
        SecurityIdentity verified = Identities.verified(token, UUID.randomUUID(), START, START.plusSeconds(900), request,
                "sdr", "admin");
        TokenDigest digest = TokenDigest.of(token);
        cache.remember(digest, verified);

        VerifiedTokenCache.CachedIdentity cached = cache.lookup(digest);
        assertSame(verified.getPrincipal(), cached.principal());
        assertEquals(verified.getRoles(), cached.roles());
        assertEquals(verified.getPermissions(), cached.permissions());
        assertEquals("Default", cached.attributes().get("tenant-id"));
        assertEquals(START.plusSeconds(900).getEpochSecond(), cached.attributes().get(VerifiedTokenCache.EXPIRE_TIME));
        assertFalse(cached.attributes().containsKey(RoutingContext.class.getName()));
        assertFalse(cached.attributes().containsValue(request));
    }

    @Test
    void countsHitsAndMissesOnOneMeterRegisteredOnce() {
        TokenDigest digest = remember(START.plusSeconds(900));
        cache.lookup(digest);
        cache.lookup(digest);
        cache.lookup(TokenDigest.of(Identities.token()));

        assertEquals(2, registry.get(VerifiedTokenCache.METER).tag("result", "hit").counter().count());
        assertEquals(1, registry.get(VerifiedTokenCache.METER).tag("result", "miss").counter().count());
        assertEquals(2, registry.find(VerifiedTokenCache.METER).counters().size());
    }

    @Test
    void refusesAMaxAgeThatIsNotPositive() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new VerifiedTokenCache(Duration.ZERO, 100, Optional.empty(), clock, registry));
    }

    private TokenDigest remember(Instant expiresAt) {
        String token = Identities.token();
        TokenDigest digest = TokenDigest.of(token);
        assertTrue(cache.remember(digest,
                Identities.verified(token, UUID.randomUUID(), START, expiresAt, Identities.request(), "sdr")));
        return digest;
    }
}
