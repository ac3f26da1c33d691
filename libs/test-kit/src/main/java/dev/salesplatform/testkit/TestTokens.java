package dev.salesplatform.testkit;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;

/**
 * Signed JWTs shaped like Keycloak's access tokens for realm {@code sales} (roles in
 * {@code realm_access.roles}, audience {@code sales-platform}). The service under test validates
 * them for real against {@link #publicKeyBase64()}; see {@link #oidcConfig()}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://keycloak.test/realms/sales";
    public static final String AUDIENCE = "sales-platform";

    private static final KeyPair KEYS = generate();
    private static final KeyPair FORGER = generate();

    private TestTokens() {
    }

    /** The OIDC settings that make a service trust these tokens (and only these). */
    public static Map<String, String> oidcConfig() {
        return Map.of(
                "quarkus.oidc.auth-server-url", "",
                "quarkus.oidc.discovery-enabled", "false",
                "quarkus.oidc.public-key", publicKeyBase64(),
                "quarkus.oidc.token.issuer", ISSUER,
                "quarkus.oidc.token.audience", AUDIENCE);
    }

    public static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    /** A valid token for the user with the given id and realm roles. */
    public static String token(UUID userId, String... roles) {
        return sign(userId, List.of(roles), Instant.now().plusSeconds(900), KEYS.getPrivate());
    }

    public static String expired(UUID userId, String... roles) {
        return sign(userId, List.of(roles), Instant.now().minusSeconds(600), KEYS.getPrivate());
    }

    /** Well-formed but signed by a key the service does not trust. */
    public static String forged(UUID userId, String... roles) {
        return sign(userId, List.of(roles), Instant.now().plusSeconds(900), FORGER.getPrivate());
    }

    public static String bearer(UUID userId, String... roles) {
        return "Bearer " + token(userId, roles);
    }

    private static String sign(UUID userId, List<String> roles, Instant expiresAt, PrivateKey key) {
        return signed(userId, roles, expiresAt, ISSUER, AUDIENCE, key);
    }

    /** A token shaped as Keycloak's, with every part a test may want wrong: issuer, audience, key, expiry. */
    public static String signed(UUID userId, List<String> roles, Instant expiresAt, String issuer, String audience,
                                PrivateKey key) {
        return Jwt.issuer(issuer)
                .subject(userId.toString())
                .audience(audience)
                .claim("preferred_username", "user-" + userId)
                .claim("realm_access", Map.of("roles", roles))
                .issuedAt(expiresAt.minusSeconds(900))
                .expiresAt(expiresAt)
                .jws().keyId("test-key")
                .sign(key);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
