package dev.salesplatform.analytics.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.salesplatform.analytics.config.AnalyticsConfig;
import dev.salesplatform.analytics.persistence.ProjectionStateRepository;
import dev.salesplatform.analytics.persistence.ProjectionStateRepository.Locked;
import dev.salesplatform.analytics.persistence.ProjectionStateRepository.Rebuild;
import dev.salesplatform.analytics.persistence.ProjectionWrites;
import dev.salesplatform.kit.database.DatabaseMigrations;
import dev.salesplatform.kit.messaging.Failures;
import dev.salesplatform.kit.problem.ProblemException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Rebuilds every projection from offset 0 without downtime: the log is replayed into the schema
 * readers do not use while live consumers write to both, then the two swap in one transaction.
 * <p>
 * Why nothing is lost: the start marks the other schema as building and commits before the end
 * offsets are read; consumer transactions read that mark with FOR SHARE, so every event at or past
 * those offsets is applied to both schemas, and every event before them is replayed. Applying is
 * idempotent and commutative (see {@link ProjectionWrites}), so overlaps and order do not matter.
 */
@ApplicationScoped
public class RebuildService {

    /** Bumped whenever the projections' tables or rules change: a start with older projections rebuilds. */
    public static final int PROJECTION_VERSION = 5;

    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    /** Skip reasons kept in the status: enough to find the cause, bounded however many are skipped. */
    static final int MAX_SKIP_REASONS = 10;

    private final Pool pool;
    private final ProjectionStateRepository states;
    private final ProjectionService projections;
    private final EventLog log;
    private final AnalyticsConfig config;
    private final DatabaseMigrations migrations;

    private volatile boolean stopping;

    @Inject
    public RebuildService(Pool pool, ProjectionStateRepository states, ProjectionService projections, EventLog log,
                          AnalyticsConfig config, DatabaseMigrations migrations) {
        this.pool = pool;
        this.states = states;
        this.projections = projections;
        this.log = log;
        this.config = config;
        this.migrations = migrations;
    }

    void onStart(@Observes StartupEvent start) {
        if (!config.rebuild().onStart()) {
            return;
        }
        // Once the schema is there: a service that started before its database checks when it comes.
        migrations.migrated().chain(() -> pool.withTransaction(connection -> states
                .lock(connection, config.rebuild().staleAfter()).chain(state -> {
                    if (state.builtVersion() >= PROJECTION_VERSION || running(state)) {
                        return Uni.createFrom().item((UUID) null);
                    }
                    return begin(connection, state.active());
                }))).subscribe().with(id -> {
            if (id != null) {
                LOG.infof("projections are older than this code (version %d): rebuilding from the log", PROJECTION_VERSION);
                replayInBackground(id);
            }
        }, failure -> LOG.error("could not check whether the projections need a rebuild", failure));
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
    }

    /** Starts a rebuild; 409 while another one is running (and reporting). */
    public Uni<RebuildView> start() {
        return pool.withTransaction(connection -> states.lock(connection, config.rebuild().staleAfter()).chain(state -> {
            if (running(state)) {
                throw ProblemException.conflict("rebuild-running", "A rebuild is running",
                        "Rebuild " + state.rebuildId() + " is still running; follow GET /api/v1/analytics/rebuild");
            }
            return begin(connection, state.active());
        })).invoke(this::replayInBackground).chain(() -> status());
    }

    public Uni<RebuildView> status() {
        return states.latest().map(RebuildService::view);
    }

    private static RebuildView view(Rebuild rebuild) {
        RebuildView.State state = rebuild.id() == null ? RebuildView.State.NEVER
                : rebuild.error() != null ? RebuildView.State.FAILED
                : rebuild.finished() != null ? RebuildView.State.COMPLETED : RebuildView.State.RUNNING;
        return new RebuildView(state, rebuild.id(), rebuild.started(), rebuild.finished(), rebuild.total(),
                rebuild.done(), rebuild.skipped(), rebuild.skipReasons(), rebuild.active(), rebuild.error());
    }

    private static boolean running(Locked state) {
        return state.building() != null && state.reporting();
    }

    /** Marks the other schema as building and empties it, in the caller's transaction. */
    private Uni<UUID> begin(SqlConnection connection, String active) {
        UUID id = UUID.randomUUID();
        return states.begin(connection, active, id).replaceWith(id);
    }

    private void replayInBackground(UUID id) {
        Thread.ofPlatform().name("analytics-rebuild").daemon().start(() -> {
            try {
                replay(id);
            } catch (RuntimeException e) {
                LOG.error("rebuild " + id + " failed", e);
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                states.fail(id, reason.length() > 500 ? reason.substring(0, 500) : reason).await().indefinitely();
            }
        });
    }

    private void replay(UUID id) {
        Run run = new Run(id, states.latest().await().indefinitely().building());
        log.replay(run);
        if (!retried(() -> states.swap(id, PROJECTION_VERSION))) {
            throw new IllegalStateException("the rebuild was taken over by another one");
        }
        LOG.infof("rebuild %s complete: readers now use %s", id, run.schema);
    }

    /** One rebuild's replay into the schema it builds: applies each batch, counts and reports. */
    private final class Run implements EventLog.Replay {

        private final UUID id;
        private final String schema;
        private long total;
        private long done;
        private long skipped;
        private final List<String> reasons = new ArrayList<>();

        Run(UUID id, String schema) {
            this.id = id;
            this.schema = schema;
        }

        @Override
        public void total(long records) {
            total = records;
            progress();
        }

        /**
         * Applies a batch to the schema being built; a record that cannot be applied (not an event, unusable
         * fields, data the database refuses) is skipped and counted: it was dead-lettered when first consumed.
         */
        @Override
        public void batch(int records, List<LoggedEvent> events, List<EventLog.Unreadable> unreadable) {
            unreadable.forEach(record -> skip(record.where(), record.reason()));
            if (!events.isEmpty()) {
                try {
                    retried(() -> projections.applyTo(schema, events));
                } catch (RuntimeException batchFailure) {
                    for (LoggedEvent event : events) {
                        try {
                            retried(() -> projections.applyTo(schema, List.of(event)));
                        } catch (RuntimeException e) {
                            skip(event.where(), e);
                        }
                    }
                }
            }
            done += records;
            progress();
        }

        @Override
        public boolean stopping() {
            return stopping;
        }

        private void skip(String where, Throwable reason) {
            skipped++;
            if (reasons.size() < MAX_SKIP_REASONS) {
                reasons.add(where + ": " + Failures.describe(reason));
            }
            LOG.warnf("rebuild skips %s: %s", where, Failures.describe(reason));
        }

        private void progress() {
            retried(() -> states.progress(id, total, done, skipped, reasons));
        }
    }

    /** Waits for {@code work}, again for as long as it meets a passing fault (the database away). */
    private <T> T retried(Supplier<Uni<? extends T>> work) {
        return Uni.createFrom().<T>deferred(work)
                .onFailure(failure -> Failures.isTransient(failure) && !stopping).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .await().indefinitely();
    }
}
