package dev.salesplatform.kit.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the schema is migrated, with the reason the last attempt failed. */
@Readiness
@ApplicationScoped
public class DatabaseMigrationsHealthCheck implements HealthCheck {

    private final DatabaseMigrations migrations;

    @Inject
    public DatabaseMigrationsHealthCheck(DatabaseMigrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database-migrations")
                .status(migrations.isDone())
                .withData("attempts", migrations.attempts());
        String failure = migrations.lastFailure();
        if (failure != null) {
            response.withData("reason", failure);
        }
        return response.build();
    }
}
