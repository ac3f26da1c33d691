package dev.salesplatform.tokens;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.UUID;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/** Identities shaped as quarkus-oidc makes them for a verified bearer token. */
final class Identities {

    private Identities() {
    }

    /** The identity of {@code token}, a JWT of {@code subject} with the given times (null: claim absent). */
    static SecurityIdentity verified(String token, UUID subject, Instant issuedAt, Instant expiresAt,
            RoutingContext request, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(subject.toString());
        if (issuedAt != null) {
            claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        }
        if (expiresAt != null) {
            claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        }
        AccessTokenCredential credential = new AccessTokenCredential(token);
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new OidcJwtCallerPrincipal(claims, credential, "sub"))
                .addCredential(credential)
                .addPermissionAsString("openid")
                .addAttribute("tenant-id", "Default");
        if (request != null) {
            builder.addAttribute(RoutingContext.class.getName(), request);
        }
        for (String role : roles) {
            builder.addRole(role);
        }
        return builder.build();
    }

    /** A stand-in for one request's routing context: only its identity matters here. */
    static RoutingContext request() {
        return (RoutingContext) Proxy.newProxyInstance(Identities.class.getClassLoader(),
                new Class<?>[] { RoutingContext.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "request@" + Integer.toHexString(System.identityHashCode(proxy));
                    default -> null;
                });
    }

    /** A compact JWS-shaped token, unique per call (its content is never parsed here). */
    static String token() {
        return "eyJhbGciOiJSUzI1NiJ9." + UUID.randomUUID() + ".c2lnbmF0dXJl";
    }
}
