package dev.salesplatform.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.StringPermission;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;

/**
 * The provider and the recorder as Quarkus' identity provider manager chains them around quarkus-oidc:
 * the provider first, quarkus-oidc (here: the test) when the provider answers null, the recorder on
 * the identity that came out of it.
 */
class CachedTokenIdentityProviderTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final VerifiedTokenCache cache = new VerifiedTokenCache(Duration.ofMinutes(5), 100, Optional.empty(), clock,
            registry);
    private final CachedTokenIdentityProvider provider = new CachedTokenIdentityProvider(cache, true);
    private final VerifiedTokenRecorder recorder = new VerifiedTokenRecorder(cache);

    @Test
    void isAskedBeforeQuarkusOidc() {
        assertTrue(provider.priority() > IdentityProvider.SYSTEM_FIRST + 1);
    }

    @Test
    void leavesATokenToQuarkusOidcOnceThenAnswersItWithAnIdentityOfTheNewRequest() {
        String token = Identities.token();
        UUID user = UUID.randomUUID();
        RoutingContext firstRequest = Identities.request();
        TokenAuthenticationRequest first = request(token, firstRequest);
        assertNull(authenticate(first), "left to quarkus-oidc");
        SecurityIdentity verified = Identities.verified(token, user, START, START.plusSeconds(900), firstRequest,
                "sdr");
        assertSame(verified, recorder.augment(verified, null, first.getAttributes()).await().indefinitely());

        RoutingContext secondRequest = Identities.request();
        TokenAuthenticationRequest second = request(token, secondRequest);
        SecurityIdentity cached = authenticate(second);

        assertNotNull(cached);
        assertSame(verified.getPrincipal(), cached.getPrincipal());
        assertEquals(user.toString(), cached.getPrincipal().getName());
        assertEquals(verified.getRoles(), cached.getRoles());
        assertSame(second.getToken(), cached.getCredential(AccessTokenCredential.class));
        assertTrue(cached.checkPermissionBlocking(new StringPermission("openid")));
        assertSame(secondRequest, HttpSecurityUtils.getRoutingContextAttribute(cached));
        assertEquals("Default", cached.getAttribute("tenant-id"));
        assertEquals(1.0, counted("hit"));
        assertEquals(1.0, counted("miss"));
    }

    @Test
    void neverAnswersATokenWhoseVerificationFailed() {
        String token = Identities.token();
        TokenAuthenticationRequest first = request(token, Identities.request());
        assertNull(authenticate(first));
        // quarkus-oidc fails: the manager ends the chain with the failure, no augmentor runs
        assertTrue(first.getAttributes().containsKey(CachedTokenIdentityProvider.DIGEST));

        assertNull(authenticate(request(token, Identities.request())), "still left to quarkus-oidc");
        assertEquals(0.0, counted("hit"));
        assertEquals(2.0, counted("miss"));
        assertEquals(0, cache.size());
    }

    @Test
    void doesNotRememberAnIdentityItAnsweredItself() {
        String token = Identities.token();
        TokenAuthenticationRequest first = request(token, Identities.request());
        authenticate(first);
        recorder.augment(Identities.verified(token, UUID.randomUUID(), START, START.plusSeconds(60), null, "sdr"), null,
                first.getAttributes());
        clock.advance(Duration.ofSeconds(30));
        TokenAuthenticationRequest second = request(token, Identities.request());
        SecurityIdentity cached = authenticate(second);
        recorder.augment(cached, null, second.getAttributes());

        clock.advance(Duration.ofSeconds(30));
        assertNull(authenticate(request(token, Identities.request())), "the entry still ends at the token's exp");
    }

    @Test
    void leavesOpaqueTokensAndOtherCredentialsToQuarkusOidc() {
        TokenAuthenticationRequest opaque = request("2YotnFZFEjr1zCsicMWpAA", Identities.request());
        assertNull(authenticate(opaque));
        assertNull(opaque.getAttribute(CachedTokenIdentityProvider.DIGEST));

        TokenAuthenticationRequest other = new TokenAuthenticationRequest(new TokenCredential(Identities.token(), "bearer"));
        assertNull(authenticate(other));
        assertNull(other.getAttribute(CachedTokenIdentityProvider.DIGEST));
        assertEquals(0.0, counted("miss"));
    }

    @Test
    void leavesEveryTokenToQuarkusOidcWhenInactive() {
        CachedTokenIdentityProvider inactive = new CachedTokenIdentityProvider(cache, false);
        String token = Identities.token();
        cache.remember(TokenDigest.of(token),
                Identities.verified(token, UUID.randomUUID(), START, START.plusSeconds(900), null, "sdr"));

        TokenAuthenticationRequest request = request(token, Identities.request());
        assertNull(inactive.authenticate(request, null).await().indefinitely());
        assertNull(request.getAttribute(CachedTokenIdentityProvider.DIGEST));
        assertEquals(0.0, counted("hit"));
    }

    private SecurityIdentity authenticate(TokenAuthenticationRequest request) {
        return provider.authenticate(request, null).await().indefinitely();
    }

    private static TokenAuthenticationRequest request(String token, RoutingContext routingContext) {
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new AccessTokenCredential(token));
        HttpSecurityUtils.setRoutingContextAttribute(request, routingContext);
        return request;
    }

    private double counted(String result) {
        return registry.get(VerifiedTokenCache.METER).tag("result", result).counter().count();
    }
}
