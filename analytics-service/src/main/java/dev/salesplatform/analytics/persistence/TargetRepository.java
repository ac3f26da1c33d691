package dev.salesplatform.analytics.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.analytics.domain.RepPeriod;
import dev.salesplatform.analytics.domain.TargetMetric;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Targets per rep, period and metric: set by managers, not derived from events. */
@ApplicationScoped
public class TargetRepository {

    private static final String UPSERT = """
            INSERT INTO rep_target (rep_id, period_start, period_kind, metric, value, currency, set_by, set_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, now())
            ON CONFLICT (rep_id, period_kind, period_start, metric) DO UPDATE SET value = EXCLUDED.value,
                currency = EXCLUDED.currency, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at
            RETURNING rep_id, period_start, period_kind, metric, value, currency, set_by, set_at, (xmax = 0) AS inserted""";
    private static final String SELECT = """
            SELECT rep_id, period_start, period_kind, metric, value, currency, set_by, set_at FROM rep_target
            WHERE ($1::uuid IS NULL OR rep_id = $1) AND ($2::date IS NULL OR (period_start = $2 AND period_kind = $3))
            ORDER BY period_kind, period_start, rep_id, metric""";
    private static final String DELETE = """
            DELETE FROM rep_target WHERE rep_id = $1 AND period_start = $2 AND period_kind = $3 AND metric = $4""";

    private final Pool pool;

    @Inject
    public TargetRepository(Pool pool) {
        this.pool = pool;
    }

    /** A target as stored: {@code value} as set (numeric(16,4)), {@code currency} null for counts and ratios. */
    public record TargetRow(UUID repId, RepPeriod period, TargetMetric metric, BigDecimal value, String currency,
                            String setBy, Instant setAt) {
    }

    /** The target and whether it is new. */
    public record Saved(TargetRow target, boolean created) {
    }

    public Uni<Saved> set(UUID rep, RepPeriod period, TargetMetric metric, BigDecimal value, String currency,
                          String setBy) {
        Tuple values = Tuple.tuple().addValue(rep).addValue(period.start()).addValue(period.kind().name())
                .addValue(metric.name()).addValue(value).addValue(currency).addValue(setBy);
        return pool.preparedQuery(UPSERT).execute(values)
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Saved(target(row), row.getBoolean(8));
                });
    }

    /** Targets of {@code rep} (null: everyone's) in {@code period} (null: any). */
    public Uni<List<TargetRow>> find(UUID rep, RepPeriod period) {
        return pool.preparedQuery(SELECT).execute(Tuple.of(rep, period == null ? null : period.start(),
                period == null ? null : period.kind().name())).map(rows -> {
                    List<TargetRow> targets = new ArrayList<>();
                    rows.forEach(row -> targets.add(target(row)));
                    return targets;
                });
    }

    public Uni<Boolean> delete(UUID rep, RepPeriod period, TargetMetric metric) {
        return pool.preparedQuery(DELETE).execute(Tuple.of(rep, period.start(), period.kind().name(), metric.name()))
                .map(rows -> rows.rowCount() == 1);
    }

    private static TargetRow target(Row row) {
        RepPeriod period = new RepPeriod(RepPeriod.Kind.valueOf(row.getString(2)), row.getLocalDate(1));
        return new TargetRow(row.getUUID(0), period, TargetMetric.valueOf(row.getString(3)), row.getBigDecimal(4),
                row.getString(5), row.getString(6), row.getOffsetDateTime(7).toInstant());
    }
}
