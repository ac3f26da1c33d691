package dev.salesplatform.lead.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.kit.http.Cursor;
import dev.salesplatform.kit.http.Page;
import dev.salesplatform.kit.http.PageRequest;
import dev.salesplatform.kit.id.UuidV7;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.time.Times;
import dev.salesplatform.lead.config.LeadImportConfig;
import dev.salesplatform.lead.domain.Actor;
import dev.salesplatform.lead.domain.DuplicatePolicy;
import dev.salesplatform.lead.domain.ImportFormat;
import dev.salesplatform.lead.domain.ImportRowError;
import dev.salesplatform.lead.domain.ImportStatus;
import dev.salesplatform.lead.persistence.LeadImportJob;
import dev.salesplatform.lead.persistence.LeadImportRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Accepting an import: the body is parsed as it streams in and its valid rows are staged in PostgreSQL in
 * batches, under a job nobody sees yet (STAGING). Once the whole body is staged the job becomes RECEIVED,
 * and {@link LeadImportWorker} imports it. Nothing of the body is held in memory beyond one batch.
 */
@ApplicationScoped
public class LeadImportService {

    private static final Logger LOG = Logger.getLogger(LeadImportService.class);

    private final Clock clock;
    private final LeadImportRepository repository;
    private final LeadImportConfig config;
    private final ObjectMapper mapper;

    @Inject
    public LeadImportService(Clock clock, LeadImportRepository repository, LeadImportConfig config, ObjectMapper mapper) {
        this.clock = clock;
        this.repository = repository;
        this.config = config;
        this.mapper = mapper;
    }

    /** Reads a body in its format, handing on each row as it comes (the API's parser). */
    @FunctionalInterface
    public interface RowReader {

        /**
         * Hands every row of {@code body} to {@code rows}; returns null when the body was read to its end,
         * or the error of the row where it broke off (no row after it is read). {@code body} is left open.
         */
        ImportRowError read(InputStream body, RowHandler rows) throws IOException;
    }

    /** Receives each row in order: a valid lead with no errors, or null and the row's errors. */
    @FunctionalInterface
    public interface RowHandler {

        void row(int row, LeadDraft lead, List<ImportRowError> errors);
    }

    /** What identifies an import request for {@code Idempotency-Key}: its parameters and the body's digest. */
    public record Fingerprint(ImportFormat format, DuplicatePolicy onDuplicate, String bodySha256) {
    }

    /** A body fully read and staged, its job not yet visible. */
    public record StagedImport(UUID id, ImportFormat format, DuplicatePolicy onDuplicate, String createdBy,
                               Instant createdAt, int total, int failed, int errorsTotal, List<ImportRowError> errors,
                               String bodySha256) {

        public Fingerprint fingerprint() {
            return new Fingerprint(format, onDuplicate, bodySha256);
        }

        /** The import as it is once received, before any row is imported. */
        LeadImportView received() {
            return LeadImportView.of(new LeadImportJob(id, ImportStatus.RECEIVED, format, onDuplicate, createdBy,
                    createdAt, null, total, 0, 0, 0, failed, errorsTotal), errors);
        }
    }

    /**
     * Reads and stages the whole body (blocking: call it on a worker thread). A body that cannot be
     * imported at all is refused with a problem, and nothing of it stays.
     */
    public StagedImport stage(InputStream body, ImportFormat format, DuplicatePolicy onDuplicate, Actor importer,
                              RowReader reader) throws IOException {
        UUID id = UuidV7.next();
        Instant now = Times.now(clock);
        DigestInputStream digested = new DigestInputStream(body, sha256());
        repository.createStaging(id, format, onDuplicate, importer, now);
        try {
            Stager stager = new Stager(id);
            ImportRowError brokenAt = reader.read(digested, stager);
            // The rest of a body that broke off still counts for its fingerprint, and the client gets to finish sending.
            digested.transferTo(OutputStream.nullOutputStream());
            stager.flush();
            if (brokenAt != null) {
                stager.error(brokenAt);
            } else if (stager.total == 0) {
                throw ProblemException.badRequest("The import has no rows");
            }
            repository.staged(id, stager.total, stager.failed, stager.errorsTotal, brokenAt != null, stager.errors);
            return new StagedImport(id, format, onDuplicate, importer.id().toString(), now, stager.total, stager.failed,
                    stager.errorsTotal, List.copyOf(stager.errors),
                    HexFormat.of().formatHex(digested.getMessageDigest().digest()));
        } catch (IOException | RuntimeException e) {
            discard(id, e);
            throw e;
        }
    }

    /** Makes the staged job visible to its creator and the workers, inside the caller's transaction if there is one. */
    @WithTransaction
    public Uni<LeadImportView> receive(StagedImport staged) {
        return repository.receive(staged.id()).map(received -> {
            if (received != 1) {
                throw new IllegalStateException("staged import " + staged.id() + " is gone");
            }
            return staged.received();
        });
    }

    /** Drops a staged job that will not be received (a replayed or refused request). */
    public void discard(UUID id) {
        repository.discard(id);
    }

    /** An import with its first errors; null unless it exists and {@code createdBy} (null: anyone) created it. */
    public Uni<LeadImportView> find(UUID id, String createdBy) {
        return repository.find(id, createdBy).chain(job -> job == null
                ? Uni.createFrom().nullItem()
                : repository.errors(id, config.maxErrors()).map(errors -> LeadImportView.of(job, errors)));
    }

    /** Imports newest first, without their errors; only those of {@code createdBy} unless it is null. */
    public Uni<Page<LeadImportView>> list(String createdBy, PageRequest page) {
        UUID before = page.cursor() == null ? null : page.cursor().id(0);
        return repository.page(createdBy, before, page.limit() + 1)
                .map(jobs -> Page.of(jobs, page.limit(), job -> Cursor.of(job.id()), job -> LeadImportView.of(job, null)));
    }

    private void discard(UUID id, Exception cause) {
        try {
            repository.discard(id);
        } catch (RuntimeException e) {
            // The worker deletes abandoned staging jobs later on.
            LOG.warnf("Could not discard staged import %s: %s", id, e.getMessage());
            cause.addSuppressed(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the rows as they come and writes the valid ones to the staging table, a batch at a time. */
    private final class Stager implements RowHandler {

        private final UUID id;
        private final List<LeadImportRepository.StagedRow> batch = new ArrayList<>();
        private final List<ImportRowError> errors = new ArrayList<>();
        private int total;
        private int failed;
        private int errorsTotal;

        Stager(UUID id) {
            this.id = id;
        }

        @Override
        public void row(int row, LeadDraft lead, List<ImportRowError> rowErrors) {
            if (total == config.maxRows()) {
                throw new ProblemException(413, "payload-too-large", "Payload too large",
                        "An import takes at most " + config.maxRows() + " rows; split the file");
            }
            total++;
            if (lead == null) {
                failed++;
                rowErrors.forEach(this::error);
                return;
            }
            batch.add(new LeadImportRepository.StagedRow(row, json(lead)));
            if (batch.size() >= config.stageBatchSize()) {
                flush();
            }
        }

        void error(ImportRowError error) {
            errorsTotal++;
            if (errors.size() < config.maxErrors()) {
                errors.add(error);
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                repository.stageRows(id, batch);
                batch.clear();
            }
        }

        private String json(LeadDraft lead) {
            try {
                return mapper.writeValueAsString(lead);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
