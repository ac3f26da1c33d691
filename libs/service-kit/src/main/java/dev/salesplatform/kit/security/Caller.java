package dev.salesplatform.kit.security;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling: the token's subject (the Keycloak user id, see {@code quarkus.oidc.token.principal-claim})
 * and realm roles.
 */
@RequestScoped
public class Caller {

    public static final String SDR = "sdr";
    public static final String ACCOUNT_EXECUTIVE = "account-executive";
    public static final String SALES_SPECIALIST = "sales-specialist";
    public static final String CUSTOMER_SUCCESS = "customer-success";
    public static final String SALES_MANAGER = "sales-manager";
    public static final String ADMIN = "admin";
    public static final String INTEGRATION = "integration";

    private final SecurityIdentity identity;

    @Inject
    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public UUID id() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        try {
            return UUID.fromString(identity.getPrincipal().getName());
        } catch (IllegalArgumentException e) {
            throw new UnauthorizedException("token subject is not a user id");
        }
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }
}
