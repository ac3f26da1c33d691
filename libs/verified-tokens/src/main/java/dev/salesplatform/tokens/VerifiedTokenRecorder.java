package dev.salesplatform.tokens;

import java.util.Map;

import jakarta.inject.Singleton;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Remembers the identity quarkus-oidc verified for a token that {@link CachedTokenIdentityProvider}
 * left to it. The identity provider manager runs augmentors only on an identity a provider answered,
 * never on a failure, so a token that failed verification is never remembered; and only a request
 * whose attributes carry the provider's digest (a miss) is remembered, not one answered from the cache.
 *
 * <p>First of the augmentors (the highest priority), so that what is remembered is quarkus-oidc's
 * identity as it made it: on a hit, the other augmentors then run on the cached identity as they ran
 * on the verified one. The identity passes through unchanged.
 */
@Singleton
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    private final VerifiedTokenCache cache;

    VerifiedTokenRecorder(VerifiedTokenCache cache) {
        this.cache = cache;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        if (attributes != null && attributes.get(CachedTokenIdentityProvider.DIGEST) instanceof TokenDigest digest) {
            cache.remember(digest, identity);
        }
        return Uni.createFrom().item(identity);
    }
}
