package dev.salesplatform.kit.database;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers API requests 503 (problem+json, Retry-After) until the schema is migrated: between the
 * database coming back and the migrations having run, a request would otherwise meet missing tables.
 */
public class MigrationsGate {

    private final DatabaseMigrations migrations;

    public MigrationsGate(DatabaseMigrations migrations) {
        this.migrations = migrations;
    }

    @ServerRequestFilter(preMatching = true)
    public void requireMigrated(ContainerRequestContext request) {
        if (!migrations.isDone() && request.getUriInfo().getRequestUri().getPath().startsWith("/api/")) {
            throw new DatabaseMigrations.Pending();
        }
    }
}
