package dev.salesplatform.tokens;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a bearer token that quarkus-oidc verified before, and whose time in the cache has not run
 * out, with a new identity: the remembered principal, roles and permissions, this request's credential
 * and this request's {@code RoutingContext} (as quarkus-oidc sets it). Any other token it leaves to
 * quarkus-oidc, noting its digest in the request's attributes for {@link VerifiedTokenRecorder}.
 *
 * <p>Quarkus' identity provider manager ({@code QuarkusIdentityProviderManagerImpl}) asks the
 * providers of a request type in descending {@link #priority()}, going on to the next only when one
 * answers a null item; a failure ends the chain, and when none answers, authentication fails. This one
 * is above quarkus-oidc's {@code OidcIdentityProvider} (the default priority, {@code SYSTEM_FIRST + 1}),
 * so that it is asked first and answers null to let quarkus-oidc verify. Whichever answered, the
 * manager then runs the augmentors on the identity, with the request's attributes.
 *
 * <p>Tokens bound to something of each request (a client certificate, {@code token.binding.certificate},
 * or a DPoP proof) are always left to quarkus-oidc: that check belongs to every request.
 */
@Singleton
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Above quarkus-oidc's provider, which keeps the default priority. */
    static final int PRIORITY = SYSTEM_FIRST + 100;

    /** The request attribute that carries the digest of a token left to quarkus-oidc. */
    static final String DIGEST = CachedTokenIdentityProvider.class.getName() + ".digest";

    private static final Logger LOG = Logger.getLogger(CachedTokenIdentityProvider.class);
    private static final String BLOCKING_CONTEXT = AuthenticationRequestContext.class.getName();

    private final VerifiedTokenCache cache;
    private final boolean active;

    @Inject
    CachedTokenIdentityProvider(VerifiedTokenCache cache, VerifiedTokensConfig config,
            @ConfigProperty(name = "quarkus.oidc.token.binding.certificate", defaultValue = "false") boolean certificateBound,
            @ConfigProperty(name = "quarkus.oidc.token.authorization-scheme", defaultValue = "Bearer") String scheme) {
        this(cache, config.enabled() && !certificateBound && !scheme.equalsIgnoreCase("DPoP"));
        if (config.enabled() && !active) {
            LOG.info("Verified tokens are not cached: tokens bound to a certificate or a DPoP proof are verified on every request");
        }
    }

    CachedTokenIdentityProvider(VerifiedTokenCache cache, boolean active) {
        this.cache = cache;
        this.active = active;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!active || !(request.getToken() instanceof AccessTokenCredential credential) || !isJws(credential.getToken())) {
            return Uni.createFrom().nullItem();
        }
        TokenDigest digest = TokenDigest.of(credential.getToken());
        VerifiedTokenCache.CachedIdentity cached = cache.lookup(digest);
        if (cached == null) {
            request.setAttribute(DIGEST, digest);
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(identity(cached, request));
    }

    private static SecurityIdentity identity(VerifiedTokenCache.CachedIdentity cached, TokenAuthenticationRequest request) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(cached.principal())
                .addRoles(cached.roles())
                .addCredential(request.getToken())
                .addAttributes(cached.attributes());
        if (!cached.permissions().isEmpty()) {
            builder.addPermissions(cached.permissions());
        }
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routingContext != null) {
            builder.addAttribute(RoutingContext.class.getName(), routingContext);
            Object blockingContext = routingContext.get(BLOCKING_CONTEXT);
            if (blockingContext != null) {
                builder.addAttribute(BLOCKING_CONTEXT, blockingContext);
            }
        }
        return builder.build();
    }

    /** A signed JWT in compact form (header.payload.signature); opaque tokens are introspected each time. */
    private static boolean isJws(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        return second > 0 && token.indexOf('.', second + 1) < 0;
    }
}
