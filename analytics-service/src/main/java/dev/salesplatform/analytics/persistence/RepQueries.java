package dev.salesplatform.analytics.persistence;

import static dev.salesplatform.analytics.persistence.ProjectionReader.completeUntil;
import static dev.salesplatform.analytics.persistence.ProjectionReader.query;
import static dev.salesplatform.analytics.persistence.ProjectionReader.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.analytics.domain.Period;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Per-rep figures of a period and the one before it: SDRs by the leads they own, AEs by their deals,
 * CSMs by their customers.
 */
@ApplicationScoped
public class RepQueries {

    private static final String SDR = """
            WITH l AS (
                SELECT l.*, l.won_at IS NOT NULL AS won, l.created_at >= $1 AND l.created_at < $2 AS in_cohort
                FROM {s}.lead_fact l
                WHERE l.owner_id IS NOT NULL
                  AND ((l.created_at >= $1 AND l.created_at < $2) OR (l.qualified_at >= $1 AND l.qualified_at < $2)))
            SELECT owner_id, count(*) FILTER (WHERE in_cohort),
                   count(*) FILTER (WHERE in_cohort AND (won OR handed_off_at IS NOT NULL OR qualified_at IS NOT NULL OR contacted_at IS NOT NULL)),
                   count(*) FILTER (WHERE in_cohort AND (won OR handed_off_at IS NOT NULL OR qualified_at IS NOT NULL)),
                   count(*) FILTER (WHERE in_cohort AND (won OR handed_off_at IS NOT NULL)),
                   count(*) FILTER (WHERE qualified_at >= $1 AND qualified_at < $2)
            FROM l GROUP BY owner_id""";
    private static final String AE = """
            SELECT owner_id, count(*) FILTER (WHERE won_at >= $1 AND won_at < $2),
                   count(*) FILTER (WHERE lost_at >= $1 AND lost_at < $2),
                   extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY won_at - created_at)
                       FILTER (WHERE won_at >= $1 AND won_at < $2 AND created_at IS NOT NULL))
            FROM {s}.deal_fact
            WHERE owner_id IS NOT NULL AND ((won_at >= $1 AND won_at < $2) OR (lost_at >= $1 AND lost_at < $2))
            GROUP BY owner_id""";
    private static final String AE_REVENUE = """
            SELECT owner_id, final_currency, sum(final_amount) FROM {s}.deal_fact
            WHERE owner_id IS NOT NULL AND won_at >= $1 AND won_at < $2 GROUP BY 1, 2""";
    private static final String CSM = """
            SELECT csm_id, count(*) FILTER (WHERE onboarded_at < $2 AND (churned_at IS NULL OR churned_at >= $2)),
                   count(*) FILTER (WHERE churned_at >= $1 AND churned_at < $2)
            FROM {s}.customer_fact WHERE csm_id IS NOT NULL AND onboarded_at IS NOT NULL AND onboarded_at < $2
            GROUP BY csm_id""";
    private static final String CSM_MRR = """
            WITH c AS (
                SELECT customer_id, csm_id, (onboarded_at < $1 AND (churned_at IS NULL OR churned_at >= $1)) AS in_s
                FROM {s}.customer_fact WHERE csm_id IS NOT NULL AND onboarded_at IS NOT NULL),
            m AS (
                SELECT m.*, c.csm_id, c.in_s, m.occurred_at >= $1 AS in_period
                FROM {s}.mrr_movement m JOIN c USING (customer_id) WHERE m.occurred_at < $2)
            SELECT csm_id, currency, coalesce(sum(amount), 0),
                   coalesce(sum(amount) FILTER (WHERE in_s AND NOT in_period), 0),
                   coalesce(sum(amount) FILTER (WHERE in_s AND in_period), 0) - coalesce(sum(amount) FILTER (WHERE in_s AND in_period AND kind = 'NEW'), 0)
            FROM m GROUP BY 1, 2""";

    private final ProjectionReader reader;

    @Inject
    public RepQueries(ProjectionReader reader) {
        this.reader = reader;
    }

    /** Of the leads an SDR owns created in the period (as the funnel counts them), and leads they qualified in it. */
    public record SdrStats(long created, long contacted, long qualified, long handedOff, long qualifiedInPeriod) {
    }

    /** Deals an AE owns closed in the period: the median cycle in seconds (null without won deals), revenue by currency. */
    public record AeStats(long won, long lost, BigDecimal medianCycleSeconds, Map<String, BigDecimal> revenue) {
    }

    /** Per currency: book MRR at the end, MRR of S at the start, and S's net movement in the period. */
    public record CsmMoney(BigDecimal book, BigDecimal startS, BigDecimal movedS) {

        /** MRR_S + expansion - contraction - churn of the customers active at the start. */
        public BigDecimal retained() {
            return startS.add(movedS);
        }
    }

    /** A CSM's customers active at the period's end, churned in it, and their MRR per currency. */
    public record CsmStats(long active, long churned, Map<String, CsmMoney> mrr) {
    }

    /** Every rep with figures in a period, per role. */
    public record Stats(Map<UUID, SdrStats> sdr, Map<UUID, AeStats> ae, Map<UUID, CsmStats> csm) {
    }

    /** A period's and the previous period's stats, read together. */
    public record RepFigures(Stats now, Stats before, Instant completeUntil) {
    }

    public Uni<RepFigures> figures(Period period, Period previous) {
        return reader.read((connection, schema) -> stats(connection, schema, period).chain(now ->
                stats(connection, schema, previous).chain(before ->
                completeUntil(connection, schema).map(complete -> new RepFigures(now, before, complete)))));
    }

    private Uni<Stats> stats(SqlConnection connection, String schema, Period period) {
        Tuple range = Tuple.of(utc(period.from()), utc(period.to()));
        Stats stats = new Stats(new HashMap<>(), new HashMap<>(), new HashMap<>());
        return query(connection, schema, SDR, range).invoke(rows -> rows.forEach(r -> stats.sdr().put(r.getUUID(0),
                        new SdrStats(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5)))))
                .chain(() -> query(connection, schema, AE, range)).invoke(rows -> rows.forEach(r -> stats.ae().put(
                        r.getUUID(0), new AeStats(r.getLong(1), r.getLong(2), r.getBigDecimal(3), new TreeMap<>()))))
                .chain(() -> query(connection, schema, AE_REVENUE, range)).invoke(rows -> rows.forEach(r -> stats.ae()
                        .computeIfAbsent(r.getUUID(0), id -> new AeStats(0, 0, null, new TreeMap<>()))
                        .revenue().put(r.getString(1), r.getBigDecimal(2))))
                .chain(() -> query(connection, schema, CSM, range)).invoke(rows -> rows.forEach(r -> {
                    if (r.getLong(1) > 0 || r.getLong(2) > 0) {
                        stats.csm().put(r.getUUID(0), new CsmStats(r.getLong(1), r.getLong(2), new TreeMap<>()));
                    }
                }))
                .chain(() -> query(connection, schema, CSM_MRR, range)).invoke(rows -> rows.forEach(r -> {
                    CsmStats csm = stats.csm().get(r.getUUID(0));
                    if (csm != null) {
                        csm.mrr().put(r.getString(1), new CsmMoney(r.getBigDecimal(2), r.getBigDecimal(3),
                                r.getBigDecimal(4)));
                    }
                }))
                .replaceWith(stats);
    }
}
