package dev.salesplatform.kit.database;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Brings the service's schema up to date once PostgreSQL answers, however long that takes, instead of
 * at start (Quarkus' migrate-at-start would end the process when the database is away, so a service
 * could not start before its database). Until the migrations have run, readiness is DOWN with the
 * reason, and whatever needs the schema (consumers, the outbox relay, start-up jobs) waits on
 * {@link #migrated()}.
 */
@ApplicationScoped
public class DatabaseMigrations {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final Flyway flyway;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile String lastFailure;
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Inject
    public DatabaseMigrations(Flyway flyway) {
        this.flyway = flyway;
    }

    /**
     * First, before the other start-up observers: with the database there the service starts migrated,
     * as with migrate-at-start; without it, the retries go on in the background.
     */
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!attempt()) {
            Thread.ofPlatform().name("database-migrations").daemon().start(this::migrateUntilDone);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped.countDown();
    }

    /** Completes once the schema is up to date; at once when it already is. */
    public Uni<Void> migrated() {
        return Uni.createFrom().completionStage(done);
    }

    public boolean isDone() {
        return done.isDone();
    }

    /**
     * A failure of work that found the schema not migrated yet: transient for consumers (they retry,
     * never dead-letter) and 503 for requests.
     */
    public static final class Pending extends IllegalStateException {
        public Pending() {
            super("the database schema is not migrated yet (database not reachable since start)");
        }
    }

    /** For {@code @Scheduled(skipExecutionIf = ...)}: a job that needs the schema skips its runs until it is migrated. */
    @ApplicationScoped
    public static class NotMigrated implements Scheduled.SkipPredicate {

        private final DatabaseMigrations migrations;

        @Inject
        public NotMigrated(DatabaseMigrations migrations) {
            this.migrations = migrations;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !migrations.isDone();
        }
    }

    /** Fails with {@link Pending} while the migrations have not run. */
    public Uni<Void> requireMigrated() {
        return isDone() ? Uni.createFrom().voidItem() : Uni.createFrom().failure(new Pending());
    }

    public int attempts() {
        return attempts.get();
    }

    /** Why the last attempt failed; null once migrated. */
    public String lastFailure() {
        return isDone() ? null : lastFailure;
    }

    /** The failure's first line, bounded: Flyway's messages run over many lines. */
    private static String describe(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().lines().findFirst().orElse("");
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    private void migrateUntilDone() {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                // Waits out the backoff, or ends at once when the service stops.
                if (stopped.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            if (attempt()) {
                return;
            }
        }
    }

    private boolean attempt() {
        attempts.incrementAndGet();
        try {
            flyway.migrate();
            lastFailure = null;
            done.complete(null);
            if (attempts.get() > 1) {
                LOG.infof("database schema up to date after %d attempts", attempts.get());
            }
            return true;
        } catch (RuntimeException e) {
            String reason = describe(e);
            if (!reason.equals(lastFailure)) {
                // Once per distinct reason: an outage of hours must not fill the log.
                LOG.warnf("database migrations could not run, retrying until they do: %s", reason);
            }
            lastFailure = reason;
            return false;
        }
    }
}
