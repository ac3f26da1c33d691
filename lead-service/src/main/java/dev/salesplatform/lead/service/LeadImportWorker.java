package dev.salesplatform.lead.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.kit.database.DatabaseMigrations;
import dev.salesplatform.kit.outbox.OutboxRelay;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.lead.config.LeadImportConfig;
import dev.salesplatform.lead.domain.ImportOutcome;
import dev.salesplatform.lead.persistence.LeadImportRepository;
import dev.salesplatform.lead.persistence.LeadRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Imports received jobs, on every instance: each worker thread claims the oldest waiting job with
 * {@code FOR UPDATE SKIP LOCKED} (so instances share the jobs and never take the same one) and holds it
 * by a lease it extends with every batch. A batch of rows is one transaction: the leads, their events
 * (through the outbox), the removal of the staged rows and the job's counts commit together, so a crash
 * loses or repeats nothing; the job's lease then runs out and another worker takes it over.
 * <p>
 * The rows of one job are imported in row order, so that a duplicate within the file meets the lead
 * its earlier row created. A batch that fails is retried one row per transaction, and a row that still
 * fails is counted failed with its error.
 */
@ApplicationScoped
public class LeadImportWorker {

    private static final Logger LOG = Logger.getLogger(LeadImportWorker.class);
    public static final String NOT_EDITABLE = "skipped: an open lead has this email and the importer may not edit it";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final LeadImportConfig config;
    private final DatabaseMigrations migrations;
    private final LeadImportRepository repository;
    private final LeadService leads;
    private final LeadRepository leadRepository;
    private final ObjectMapper mapper;
    private final OutboxRelay relay;

    private final Semaphore wakeUp = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    // A monotonic deadline (System.nanoTime): a housekeeping interval, not business time.
    private volatile long nextCleanup = System.nanoTime();

    @Inject
    public LeadImportWorker(LeadImportConfig config, LeadImportRepository repository, LeadService leads,
                            LeadRepository leadRepository, ObjectMapper mapper, DatabaseMigrations migrations,
                            OutboxRelay relay) {
        this.config = config;
        this.relay = relay;
        this.migrations = migrations;
        this.repository = repository;
        this.leads = leads;
        this.leadRepository = leadRepository;
        this.mapper = mapper;
    }

    void start(@Observes StartupEvent event) {
        if (!config.worker().enabled()) {
            return;
        }
        running = true;
        for (int i = 0; i < config.worker().threads(); i++) {
            threads.add(Thread.ofVirtual().name("lead-import-worker-" + i).start(this::run));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp.release(threads.size());
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A job was received here: start on it now rather than at the next poll. */
    public void wakeUp() {
        wakeUp.release();
    }

    private void run() {
        UUID worker = UUID.randomUUID();
        Duration backoff = config.worker().pollInterval();
        while (running) {
            if (!migrations.isDone()) {
                await(config.worker().pollInterval());
                continue;
            }
            try {
                LeadImportRepository.Claim claim = repository.claim(worker, config.worker().lease());
                if (claim == null) {
                    cleanUpAbandonedStaging();
                    await(config.worker().pollInterval());
                } else {
                    work(claim, worker);
                }
                backoff = config.worker().pollInterval();
            } catch (RuntimeException e) {
                LOG.warnf("Lead import worker failed, retrying in %s ms: %s", backoff.toMillis(), e.getMessage());
                await(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Imports the job's rows batch by batch until none are left, this worker loses the job, or it stops. */
    private void work(LeadImportRepository.Claim claim, UUID worker) {
        long started = System.nanoTime();
        Progress progress = new Progress();
        Step step = Step.IMPORTED;
        while (step == Step.IMPORTED) {
            if (!running) {
                repository.release(claim.id(), worker);
                return;
            }
            progress.begin();
            try {
                step = inTransaction(() -> batch(claim, worker, config.worker().batchSize(), progress));
                progress.committed();
            } catch (RuntimeException e) {
                LOG.debugf("Lead import %s: a batch failed, retrying its rows one by one: %s", claim.id(), e.getMessage());
                step = retryRowByRow(claim, worker, progress);
            }
        }
        if (step == Step.LOST) {
            LOG.infof("Lead import %s was taken over by another worker", claim.id());
        } else {
            long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
            LOG.infof("Lead import %s finished: %d rows imported here in %d ms (%d rows/s)",
                    claim.id(), progress.imported, millis, progress.imported * 1000 / millis);
        }
    }

    /** After a failed batch: its rows one transaction each, so that only a row at fault fails. */
    private Step retryRowByRow(LeadImportRepository.Claim claim, UUID worker, Progress progress) {
        Step step = Step.IMPORTED;
        for (int i = 0; i < config.worker().batchSize() && step == Step.IMPORTED && running; i++) {
            progress.begin();
            try {
                step = inTransaction(() -> batch(claim, worker, 1, progress));
                progress.committed();
            } catch (RuntimeException e) {
                int row = progress.row;
                if (row == 0) {
                    // It failed before reaching a row (e.g. the database is away): nothing to blame on a row.
                    throw e;
                }
                LOG.warnf(e, "Lead import %s: row %d could not be imported", claim.id(), row);
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                String message = cause instanceof ProblemException problem
                        ? "could not be imported: " + problem.getMessage() : "could not be imported";
                step = inTransaction(() -> repository.lock(claim.id(), worker).chain(held -> held
                        ? repository.failed(claim.id(), row, message, config.maxErrors(), config.worker().lease())
                                .replaceWith(Step.IMPORTED)
                        : Uni.createFrom().item(Step.LOST)));
            }
        }
        return step;
    }

    private enum Step {
        IMPORTED, FINISHED, LOST
    }

    /** How far the job got here: the row the current transaction is on, and the rows imported by committed ones. */
    private static final class Progress {
        int row;
        int inTransaction;
        long imported;

        void begin() {
            row = 0;
            inTransaction = 0;
        }

        void committed() {
            imported += inTransaction;
            inTransaction = 0;
        }
    }

    /**
     * One transaction: up to {@code size} rows imported in order, or the job finished when none are left.
     * The rows whose email is new (to the open leads and to the rows before them) become leads all at
     * once; the others, duplicates of an open lead or of an earlier row, then go one by one in row order,
     * which is what row order means for them: each meets the lead its email already has.
     */
    private Uni<Step> batch(LeadImportRepository.Claim claim, UUID worker, int size, Progress progress) {
        return repository.lock(claim.id(), worker).chain(held -> {
            if (!held) {
                return Uni.createFrom().item(Step.LOST);
            }
            return repository.nextRows(claim.id(), size).chain(rows -> {
                if (rows.isEmpty()) {
                    return repository.finish(claim.id()).replaceWith(Step.FINISHED);
                }
                progress.row = rows.getFirst().row();
                List<Staged> staged;
                try {
                    staged = parse(rows);
                } catch (JsonProcessingException e) {
                    return Uni.createFrom().failure(e);
                }
                Outcomes outcomes = new Outcomes();
                return leadRepository.openEmails(staged.stream().map(Staged::email).toList()).chain(open -> {
                    Set<String> seen = new HashSet<>(open);
                    List<LeadDraft> fresh = new ArrayList<>();
                    List<Staged> duplicates = new ArrayList<>();
                    for (Staged row : staged) {
                        if (seen.add(row.email())) {
                            fresh.add(row.lead());
                        } else {
                            duplicates.add(row);
                        }
                    }
                    outcomes.created += fresh.size();
                    return leads.importNew(fresh, claim.importer())
                            .call(LeadImportWorker::forgetImported)
                            .chain(() -> Multi.createFrom().iterable(duplicates)
                                    .onItem().transformToUniAndConcatenate(row -> {
                                        progress.row = row.staged().row();
                                        return leads.importLead(row.lead(), claim.onDuplicate(), claim.importer())
                                                .invoke(outcomes::add)
                                                .call(outcome -> outcome == ImportOutcome.REFUSED
                                                        ? repository.skippedBecause(claim.id(), row.staged().row(),
                                                                NOT_EDITABLE, config.maxErrors())
                                                        : Uni.createFrom().voidItem())
                                                .call(LeadImportWorker::forgetImported);
                                    })
                                    .collect().last());
                })
                        .chain(() -> repository.imported(claim.id(), rows.getLast().row(),
                                outcomes.created, outcomes.updated, outcomes.skipped, config.worker().lease()))
                        .invoke(() -> progress.inTransaction = rows.size())
                        .replaceWith(Step.IMPORTED);
            });
        });
    }

    /** A staged row with its lead and the email that decides whether it is new (stripped, lower case). */
    private record Staged(LeadImportRepository.StagedRow staged, LeadDraft lead, String email) {
    }

    private List<Staged> parse(List<LeadImportRepository.StagedRow> rows) throws JsonProcessingException {
        List<Staged> staged = new ArrayList<>(rows.size());
        for (LeadImportRepository.StagedRow row : rows) {
            LeadDraft lead = mapper.readValue(row.lead(), LeadDraft.class);
            staged.add(new Staged(row, lead, lead.email().strip().toLowerCase(Locale.ROOT)));
        }
        return staged;
    }

    /**
     * Writes what the row changed and empties the session: each flush checks every entity the session
     * holds, so a session that kept a batch's leads would make a batch cost the square of its size.
     */
    private static Uni<Void> forgetImported() {
        return Panache.getSession().chain(session -> session.flush().invoke(session::clear));
    }

    /**
     * Runs {@code work} in a transaction of its own, on a Vert.x context, and waits for it; then wakes
     * the relay for the events it recorded.
     */
    private <T> T inTransaction(Supplier<Uni<T>> work) {
        try {
            T result = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
            relay.wake();
            return result;
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private void cleanUpAbandonedStaging() {
        if (System.nanoTime() - nextCleanup < 0) {
            return;
        }
        nextCleanup = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        int deleted = repository.deleteAbandonedStaging(config.worker().abandonedStagingAfter());
        if (deleted > 0) {
            LOG.infof("Deleted %d abandoned staging lead import(s)", deleted);
        }
    }

    private void await(Duration timeout) {
        try {
            if (wakeUp.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUp.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static final class Outcomes {
        int created;
        int updated;
        int skipped;

        void add(ImportOutcome outcome) {
            switch (outcome) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case SKIPPED, REFUSED -> skipped++;
            }
        }
    }
}
