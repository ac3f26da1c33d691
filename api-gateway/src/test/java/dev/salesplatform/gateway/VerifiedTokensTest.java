package dev.salesplatform.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.salesplatform.testkit.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * The gateway verifies each bearer token once (quarkus-oidc), then answers it from the cache of
 * verified tokens (libs/verified-tokens) until its {@code exp}; whatever quarkus-oidc refuses is still
 * refused, and nothing refused is ever answered from the cache.
 *
 * <p>The tokens are signed here with a key of this test's own (trusted by the gateway in place of the
 * test kit's), so that one can expire a few seconds after it was issued. Their times are the system
 * clock's, because that is what quarkus-oidc checks {@code exp} against; the one wait, for such a token
 * to expire, polls with a deadline.
 */
@QuarkusTest
@WithTestResource(VerifiedTokensTest.OwnSigningKey.class)
class VerifiedTokensTest {

    /** quarkus-oidc checks a token's exp against the system clock, so the tokens here are made on it. */
    private static final Clock OIDC_CLOCK = Clock.systemUTC();

    private static final String PATH = "/api/v1/leads";
    private static final String SIGNING_KEY = "verified-tokens-test.signing-key";
    private static final String INVALID_TOKEN_CHALLENGE = "Bearer realm=\"sales\", error=\"invalid_token\"";

    @Inject
    MeterRegistry registry;

    /** The echo upstreams; the gateway trusts tokens signed with a key made here (the private half in config). */
    public static class OwnSigningKey extends EchoUpstreamResource {

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            KeyPair keys = rsaKeys();
            config.put("quarkus.oidc.public-key", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
            config.put(SIGNING_KEY, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
            return config;
        }
    }

    @Test
    void answersTheSecondRequestWithTheSameTokenFromTheCache() {
        String token = sign(UUID.randomUUID(), OIDC_CLOCK.instant().plusSeconds(900));
        double hits = count("hit");
        double misses = count("miss");

        accepted(token).body("headers.authorization", is("Bearer " + token));
        assertEquals(hits, count("hit"));
        assertEquals(misses + 1, count("miss"), "the first time, quarkus-oidc verifies it");

        accepted(token).body("headers.authorization", is("Bearer " + token));
        assertEquals(hits + 1, count("hit"), "the second time, the cache answers");
        assertEquals(misses + 1, count("miss"));
    }

    @Test
    void refusesATamperedTokenEvenWhileTheOriginalIsCached() {
        String token = sign(UUID.randomUUID(), OIDC_CLOCK.instant().plusSeconds(900));
        accepted(token);
        accepted(token);
        double hits = count("hit");

        refused(tampered(token));
        refused(tampered(token));
        assertEquals(hits, count("hit"));
        accepted(token);
        assertEquals(hits + 1, count("hit"));
    }

    @Test
    void refusesATokenWhoseExpiryPassedWhileItWasCached() {
        accepted(sign(UUID.randomUUID(), OIDC_CLOCK.instant().plusSeconds(900)));
        String token = sign(UUID.randomUUID(), OIDC_CLOCK.instant().plusSeconds(5));
        accepted(token);
        double hits = count("hit");
        accepted(token);
        assertEquals(hits + 1, count("hit"), "cached while it is valid");

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> request(token).statusCode() == 401);
        double hitsAfterExpiry = count("hit");
        double missesAfterExpiry = count("miss");
        refused(token);
        assertEquals(hitsAfterExpiry, count("hit"));
        assertEquals(missesAfterExpiry + 1, count("miss"), "left to quarkus-oidc, which refuses it");
    }

    @ParameterizedTest
    @ValueSource(strings = { "not a JWT", "expired", "signed by another key", "for another audience",
            "from another issuer", "tampered" })
    void refusesAnInvalidTokenAsBeforeAndNeverFromTheCache(String kind) {
        String token = invalidToken(kind);
        double hits = count("hit");
        refused(token);
        refused(token);
        assertEquals(hits, count("hit"), kind);
    }

    private static String invalidToken(String kind) {
        UUID user = UUID.randomUUID();
        Instant now = OIDC_CLOCK.instant();
        return switch (kind) {
            case "not a JWT" -> "not-a-jwt";
            case "expired" -> sign(user, now.minusSeconds(600), TestTokens.ISSUER, TestTokens.AUDIENCE, signingKey());
            case "signed by another key" -> sign(user, now.plusSeconds(900), TestTokens.ISSUER, TestTokens.AUDIENCE,
                    rsaKeys().getPrivate());
            case "for another audience" -> sign(user, now.plusSeconds(900), TestTokens.ISSUER, "another-client", signingKey());
            case "from another issuer" -> sign(user, now.plusSeconds(900), "https://other.test/realms/sales",
                    TestTokens.AUDIENCE, signingKey());
            case "tampered" -> tampered(sign(user, now.plusSeconds(900)));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static ValidatableResponse accepted(String token) {
        return request(token).then().statusCode(200).body("path", is(PATH));
    }

    private static void refused(String token) {
        request(token).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", INVALID_TOKEN_CHALLENGE)
                .body("type", is("https://salesplatform.dev/problems/unauthorized"))
                .body("status", equalTo(401))
                .body("instance", is(PATH))
                .body(not(containsString("Exception")));
    }

    private static Response request(String token) {
        return given().header("Authorization", "Bearer " + token).when().get(PATH);
    }

    private double count(String result) {
        return Optional.ofNullable(registry.find("verified.tokens.cache").tag("result", result).counter())
                .map(Counter::count).orElse(0.0);
    }

    /** The token with one byte of its signature changed. */
    private static String tampered(String token) {
        int dot = token.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        signature[signature.length / 2] ^= 0x01;
        return token.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String sign(UUID user, Instant expiresAt) {
        return sign(user, expiresAt, TestTokens.ISSUER, TestTokens.AUDIENCE, signingKey());
    }

    private static String sign(UUID user, Instant expiresAt, String issuer, String audience, PrivateKey key) {
        return TestTokens.signed(user, List.of("sdr"), expiresAt, issuer, audience, key);
    }

    private static PrivateKey signingKey() {
        try {
            byte[] encoded = Base64.getDecoder().decode(ConfigProvider.getConfig().getValue(SIGNING_KEY, String.class));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
