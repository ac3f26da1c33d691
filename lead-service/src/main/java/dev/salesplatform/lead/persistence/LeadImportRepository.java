package dev.salesplatform.lead.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.lead.domain.Actor;
import dev.salesplatform.lead.domain.DuplicatePolicy;
import dev.salesplatform.lead.domain.ImportFormat;
import dev.salesplatform.lead.domain.ImportRowError;
import dev.salesplatform.lead.domain.ImportStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * SQL of lead imports. Staging and the worker's bookkeeping run on the reactive pool, blocking their
 * (worker or virtual) thread; what must share a batch's transaction with the leads it writes runs on the
 * current Hibernate Reactive session.
 */
@ApplicationScoped
public class LeadImportRepository {

    private static final String JOB_COLUMNS = "id, status, format, on_duplicate, created_by, created_at, completed_at,"
            + " total, created, updated, skipped, failed, errors_total";

    private static final String CREATE = "INSERT INTO lead_import (id, status, format, on_duplicate, created_by,"
            + " importer_manager, importer_sdr, created_at, touched_at) VALUES ($1, 'STAGING', $2, $3, $4, $5, $6, $7, $7)";
    private static final String STAGE_ROWS = "WITH staged AS (INSERT INTO lead_import_row (import_id, row_number, payload)"
            + " SELECT $1, r.n, r.p::jsonb FROM unnest($2::int4[], $3::text[]) AS r(n, p))"
            + " UPDATE lead_import SET touched_at = now() WHERE id = $1";
    private static final String STAGE_ERRORS = "INSERT INTO lead_import_error (import_id, seq, row_number, field, message)"
            + " SELECT $1, e.s, e.r, e.f, e.m FROM unnest($2::int4[], $3::int4[], $4::text[], $5::text[]) AS e(s, r, f, m)";
    private static final String STAGED = "UPDATE lead_import SET total = $2, failed = $3, errors_total = $4,"
            + " input_failed = $5, touched_at = now() WHERE id = $1 AND status = 'STAGING'";
    private static final String DISCARD = "DELETE FROM lead_import WHERE id = $1 AND status = 'STAGING'";
    private static final String RECEIVE = "UPDATE lead_import SET status = 'RECEIVED' WHERE id = ?1 AND status = 'STAGING'";
    private static final String DELETE_ABANDONED = "DELETE FROM lead_import WHERE status = 'STAGING'"
            + " AND touched_at < now() - make_interval(secs => $1)";

    private static final String CLAIM = """
            UPDATE lead_import SET status = 'PROCESSING', claimed_by = $1, lease_until = now() + make_interval(secs => $2)
            WHERE id = (SELECT id FROM lead_import
                        WHERE status = 'RECEIVED' OR (status = 'PROCESSING' AND lease_until < now())
                        ORDER BY id LIMIT 1
                        FOR UPDATE SKIP LOCKED)
            RETURNING id, on_duplicate, created_by, importer_manager, importer_sdr""";
    private static final String RELEASE = "UPDATE lead_import SET lease_until = now() WHERE id = $1 AND claimed_by = $2"
            + " AND status = 'PROCESSING'";

    private static final String LOCK = "SELECT CAST(id AS text) FROM lead_import WHERE id = ?1 AND claimed_by = ?2"
            + " AND status = 'PROCESSING' FOR UPDATE";
    private static final String NEXT_ROWS = "SELECT row_number, CAST(payload AS text) FROM lead_import_row"
            + " WHERE import_id = ?1 ORDER BY row_number LIMIT ?2";
    private static final String DELETE_ROWS = "DELETE FROM lead_import_row WHERE import_id = ?1 AND row_number <= ?2";
    private static final String COUNT_ROWS = "UPDATE lead_import SET created = created + ?2, updated = updated + ?3,"
            + " skipped = skipped + ?4, lease_until = now() + make_interval(secs => ?5) WHERE id = ?1";
    private static final String DELETE_ROW = "DELETE FROM lead_import_row WHERE import_id = ?1 AND row_number = ?2";
    private static final String RECORD_ERROR = "INSERT INTO lead_import_error (import_id, seq, row_number, field, message)"
            + " SELECT id, errors_total, ?2, NULL, ?3 FROM lead_import WHERE id = ?1 AND errors_total < ?4";
    private static final String COUNT_ERROR = "UPDATE lead_import SET errors_total = errors_total + 1 WHERE id = ?1";
    private static final String COUNT_FAILED = "UPDATE lead_import SET failed = failed + 1, errors_total = errors_total + 1,"
            + " lease_until = now() + make_interval(secs => ?2) WHERE id = ?1";
    private static final String FINISH = "UPDATE lead_import"
            + " SET status = CASE WHEN input_failed THEN 'FAILED' ELSE 'COMPLETED' END,"
            + " completed_at = now(), claimed_by = NULL, lease_until = NULL WHERE id = ?1";

    private static final String FIND = "SELECT " + JOB_COLUMNS + " FROM lead_import WHERE id = $1 AND status <> 'STAGING'";
    private static final String ERRORS = "SELECT row_number, field, message FROM lead_import_error WHERE import_id = $1"
            + " ORDER BY row_number, seq LIMIT $2";

    private final Pool pool;

    @Inject
    public LeadImportRepository(Pool pool) {
        this.pool = pool;
    }

    /** A job that a worker took, with what it needs to import its rows: the importer edits what they may edit by PATCH. */
    public record Claim(UUID id, DuplicatePolicy onDuplicate, Actor importer) {
    }

    /** A valid row waiting to be imported: its number and the lead as JSON. */
    public record StagedRow(int row, String lead) {
    }

    // --- staging, on the request's worker thread

    public void createStaging(UUID id, ImportFormat format, DuplicatePolicy onDuplicate, Actor importer, Instant createdAt) {
        pool.preparedQuery(CREATE).executeAndAwait(Tuple.from(List.of(id, format.name(), onDuplicate.name(),
                importer.id().toString(), importer.manager(), importer.sdr(), OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))));
    }

    public void stageRows(UUID id, List<StagedRow> rows) {
        Integer[] numbers = new Integer[rows.size()];
        String[] leads = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            numbers[i] = rows.get(i).row();
            leads[i] = rows.get(i).lead();
        }
        pool.preparedQuery(STAGE_ROWS).executeAndAwait(Tuple.of(id, numbers, leads));
    }

    /** Records the outcome of reading the body; {@code errors} are the first ones, numbered from 0. */
    public void staged(UUID id, int total, int failed, int errorsTotal, boolean inputFailed, List<ImportRowError> errors) {
        if (!errors.isEmpty()) {
            Integer[] seqs = new Integer[errors.size()];
            Integer[] rows = new Integer[errors.size()];
            String[] fields = new String[errors.size()];
            String[] messages = new String[errors.size()];
            for (int i = 0; i < errors.size(); i++) {
                seqs[i] = i;
                rows[i] = errors.get(i).row();
                fields[i] = errors.get(i).field();
                messages[i] = errors.get(i).message();
            }
            pool.preparedQuery(STAGE_ERRORS).executeAndAwait(Tuple.of(id, seqs, rows, fields, messages));
        }
        pool.preparedQuery(STAGED).executeAndAwait(Tuple.from(List.of(id, total, failed, errorsTotal, inputFailed)));
    }

    /** Removes a job that never became visible, with its rows. */
    public void discard(UUID id) {
        pool.preparedQuery(DISCARD).executeAndAwait(Tuple.of(id));
    }

    /** Makes a staged job visible and workable, in the current session's transaction. */
    public Uni<Integer> receive(UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECEIVE).setParameter(1, id).executeUpdate());
    }

    // --- reading

    /** The job, if it exists and (unless {@code createdBy} is null) that caller created it. */
    public Uni<LeadImportJob> find(UUID id, String createdBy) {
        return pool.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            LeadImportJob job = job(rows.iterator().next());
            return createdBy == null || createdBy.equals(job.createdBy()) ? job : null;
        });
    }

    public Uni<List<ImportRowError>> errors(UUID id, int limit) {
        return pool.preparedQuery(ERRORS).execute(Tuple.of(id, limit)).map(rows -> {
            List<ImportRowError> errors = new ArrayList<>(rows.size());
            for (Row row : rows) {
                errors.add(new ImportRowError(row.getInteger("row_number"), row.getString("field"), row.getString("message")));
            }
            return errors;
        });
    }

    /** Newest first, keyset on the time-ordered id: {@code limit} jobs after {@code before} (exclusive). */
    public Uni<List<LeadImportJob>> page(String createdBy, UUID before, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + JOB_COLUMNS + " FROM lead_import WHERE status <> 'STAGING'");
        if (createdBy != null) {
            parameters.add(createdBy);
            sql.append(" AND created_by = $").append(parameters.size());
        }
        if (before != null) {
            parameters.add(before);
            sql.append(" AND id < $").append(parameters.size());
        }
        parameters.add(limit);
        sql.append(" ORDER BY id DESC LIMIT $").append(parameters.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(parameters)).map(rows -> {
            List<LeadImportJob> jobs = new ArrayList<>(rows.size());
            rows.forEach(row -> jobs.add(job(row)));
            return jobs;
        });
    }

    // --- the worker's bookkeeping, on its own thread

    /** Takes the oldest job that waits, or whose worker's lease ran out; null when there is none. */
    public Claim claim(UUID worker, Duration lease) {
        var rows = pool.preparedQuery(CLAIM).executeAndAwait(Tuple.of(worker, lease.toSeconds()));
        if (rows.size() == 0) {
            return null;
        }
        Row row = rows.iterator().next();
        return new Claim(row.getUUID("id"), DuplicatePolicy.valueOf(row.getString("on_duplicate")),
                new Actor(UUID.fromString(row.getString("created_by")), row.getBoolean("importer_manager"),
                        row.getBoolean("importer_sdr")));
    }

    /** Lets another worker take the job over at once (this one is stopping). */
    public void release(UUID id, UUID worker) {
        pool.preparedQuery(RELEASE).executeAndAwait(Tuple.of(id, worker));
    }

    public int deleteAbandonedStaging(Duration after) {
        return pool.preparedQuery(DELETE_ABANDONED).executeAndAwait(Tuple.of(after.toSeconds())).rowCount();
    }

    // --- inside a batch's transaction (current Hibernate Reactive session)

    /** Locks the job for this transaction; false when this worker no longer holds it. */
    public Uni<Boolean> lock(UUID id, UUID worker) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK, String.class)
                .setParameter(1, id).setParameter(2, worker).getResultList()).map(rows -> !rows.isEmpty());
    }

    public Uni<List<StagedRow>> nextRows(UUID id, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(NEXT_ROWS, Object[].class)
                .setParameter(1, id).setParameter(2, limit).getResultList())
                .map(rows -> rows.stream().map(row -> new StagedRow(((Number) row[0]).intValue(), (String) row[1])).toList());
    }

    /** The rows up to {@code lastRow} are imported: removes them, adds their outcomes, extends the lease. */
    public Uni<Void> imported(UUID id, int lastRow, int created, int updated, int skipped, Duration lease) {
        return Panache.getSession().chain(session -> session.createNativeQuery(DELETE_ROWS)
                .setParameter(1, id).setParameter(2, lastRow).executeUpdate()
                .chain(() -> session.createNativeQuery(COUNT_ROWS).setParameter(1, id).setParameter(2, created)
                        .setParameter(3, updated).setParameter(4, skipped).setParameter(5, lease.toSeconds())
                        .executeUpdate()))
                .replaceWithVoid();
    }

    /** A valid row that could not be imported: removes it, counts it failed, keeps its error if there is room. */
    public Uni<Void> failed(UUID id, int row, String message, int maxErrors, Duration lease) {
        return Panache.getSession().chain(session -> session.createNativeQuery(DELETE_ROW)
                .setParameter(1, id).setParameter(2, row).executeUpdate()
                .chain(() -> session.createNativeQuery(RECORD_ERROR).setParameter(1, id).setParameter(2, row)
                        .setParameter(3, message).setParameter(4, maxErrors).executeUpdate())
                .chain(() -> session.createNativeQuery(COUNT_FAILED).setParameter(1, id)
                        .setParameter(2, lease.toSeconds()).executeUpdate()))
                .replaceWithVoid();
    }

    /** A row skipped for a reason the importer should read: keeps it as the row's error if there is room. */
    public Uni<Void> skippedBecause(UUID id, int row, String reason, int maxErrors) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD_ERROR).setParameter(1, id)
                .setParameter(2, row).setParameter(3, reason).setParameter(4, maxErrors).executeUpdate()
                .chain(() -> session.createNativeQuery(COUNT_ERROR).setParameter(1, id).executeUpdate()))
                .replaceWithVoid();
    }

    /** No rows are left: COMPLETED, or FAILED if the body had broken off. */
    public Uni<Void> finish(UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(FINISH).setParameter(1, id).executeUpdate())
                .replaceWithVoid();
    }

    private static LeadImportJob job(Row row) {
        OffsetDateTime completedAt = row.getOffsetDateTime("completed_at");
        return new LeadImportJob(row.getUUID("id"), ImportStatus.valueOf(row.getString("status")),
                ImportFormat.valueOf(row.getString("format")), DuplicatePolicy.valueOf(row.getString("on_duplicate")),
                row.getString("created_by"), row.getOffsetDateTime("created_at").toInstant(),
                completedAt == null ? null : completedAt.toInstant(),
                row.getInteger("total"), row.getInteger("created"), row.getInteger("updated"),
                row.getInteger("skipped"), row.getInteger("failed"), row.getInteger("errors_total"));
    }
}
