package dev.salesplatform.analytics.persistence;

import static dev.salesplatform.analytics.persistence.ProjectionReader.completeUntil;
import static dev.salesplatform.analytics.persistence.ProjectionReader.query;
import static dev.salesplatform.analytics.persistence.ProjectionReader.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.analytics.domain.ConversionGroup;
import dev.salesplatform.analytics.domain.Interval;
import dev.salesplatform.analytics.domain.Period;
import dev.salesplatform.analytics.domain.TimeSeriesMetric;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The read side: SQL over the active projection schema, DESIGN §7's definitions. Periods are
 * half-open on event time; money is summed per currency, exactly (the figures round it at the end).
 * Each read answers its rows and up to which event time they are complete, from one connection.
 */
@ApplicationScoped
public class MetricsQueries {

    /** The cohort: leads created in [$1, $2), optionally of owner $3 and source $4, with whether their deal was won. */
    private static final String COHORT = """
            WITH cohort AS (
                SELECT l.*, l.won_at IS NOT NULL AS won
                FROM {s}.lead_fact l
                WHERE l.created_at >= $1 AND l.created_at < $2
                  AND ($3::uuid IS NULL OR l.owner_id = $3) AND ($4::text IS NULL OR l.source = $4))
            """;
    private static final String STAGE_COUNTS = """
                count(*),
                count(*) FILTER (WHERE won OR handed_off_at IS NOT NULL OR qualified_at IS NOT NULL OR contacted_at IS NOT NULL),
                count(*) FILTER (WHERE won OR handed_off_at IS NOT NULL OR qualified_at IS NOT NULL),
                count(*) FILTER (WHERE won OR handed_off_at IS NOT NULL),
                count(*) FILTER (WHERE won)
            """;
    private static final String FUNNEL = COHORT + "SELECT" + STAGE_COUNTS + "FROM cohort";
    private static final String CONVERSION = COHORT + "SELECT %s AS key, count(*), count(*) FILTER (WHERE won) FROM cohort GROUP BY 1 ORDER BY 1";

    private static final String CLOSED = """
            SELECT count(*) FILTER (WHERE won_at >= $1 AND won_at < $2), count(*) FILTER (WHERE lost_at >= $1 AND lost_at < $2)
            FROM {s}.deal_fact
            WHERE ((won_at >= $1 AND won_at < $2) OR (lost_at >= $1 AND lost_at < $2)) AND ($3::uuid IS NULL OR owner_id = $3)""";
    private static final String WON_SIZE = """
            SELECT final_currency, count(*), sum(final_amount) FROM {s}.deal_fact
            WHERE won_at >= $1 AND won_at < $2 AND ($3::uuid IS NULL OR owner_id = $3)
            GROUP BY final_currency ORDER BY final_currency""";
    private static final String CYCLE = """
            SELECT count(*), extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY won_at - created_at)),
                   avg(extract(epoch FROM won_at - created_at))
            FROM {s}.deal_fact
            WHERE won_at >= $1 AND won_at < $2 AND created_at IS NOT NULL AND ($3::uuid IS NULL OR owner_id = $3)""";
    private static final String LOST_REASONS = """
            SELECT lost_reason, count(*) FROM {s}.deal_fact
            WHERE lost_at >= $1 AND lost_at < $2 AND ($3::uuid IS NULL OR owner_id = $3)
            GROUP BY lost_reason ORDER BY 2 DESC, 1""";

    private static final String OPEN_DEALS = """
            FROM {s}.deal_fact WHERE created_at IS NOT NULL AND won_at IS NULL AND lost_at IS NULL
              AND ($1::uuid IS NULL OR owner_id = $1)""";
    private static final String PIPELINE_STAGES = "SELECT pipeline_id, stage, win_probability, currency, count(*), "
            + "sum(amount), sum(amount * win_probability) " + OPEN_DEALS
            + " GROUP BY 1, 2, 3, 4 ORDER BY 1, 3, 2, 4";
    private static final String FORECAST = "SELECT to_char(expected_close, 'YYYY-MM'), currency, count(*), "
            + "sum(amount), sum(amount * win_probability) " + OPEN_DEALS + " GROUP BY 1, 2 ORDER BY 1 NULLS LAST, 2";

    private static final String SERIES = """
            WITH buckets AS (
                SELECT generate_series(date_trunc('%1$s', $1 AT TIME ZONE 'UTC'),
                                       $2 AT TIME ZONE 'UTC' - interval '1 microsecond', interval '1 %1$s') AS bucket),
            figures AS (
                SELECT date_trunc('%1$s', %2$s AT TIME ZONE 'UTC') AS bucket, %3$s AS value FROM {s}.%4$s
                WHERE %2$s >= $1 AND %2$s < $2 AND %5$s GROUP BY 1)
            SELECT buckets.bucket::date, coalesce(figures.value, 0) FROM buckets LEFT JOIN figures USING (bucket)
            ORDER BY 1""";

    private static final String CUSTOMERS = """
            SELECT count(*) FILTER (WHERE onboarded_at < $1 AND (churned_at IS NULL OR churned_at >= $1)),
                   count(*) FILTER (WHERE onboarded_at < $2 AND (churned_at IS NULL OR churned_at >= $2)),
                   count(*) FILTER (WHERE onboarded_at >= $1 AND onboarded_at < $2),
                   count(*) FILTER (WHERE onboarded_at < $1 AND churned_at >= $1 AND churned_at < $2)
            FROM {s}.customer_fact WHERE onboarded_at IS NOT NULL AND ($3::uuid IS NULL OR csm_id = $3)""";
    private static final String MRR = """
            WITH c AS (
                SELECT customer_id, (onboarded_at < $1 AND (churned_at IS NULL OR churned_at >= $1)) AS in_s
                FROM {s}.customer_fact WHERE onboarded_at IS NOT NULL AND ($3::uuid IS NULL OR csm_id = $3)),
            m AS (
                SELECT m.*, c.in_s, m.occurred_at >= $1 AS in_period
                FROM {s}.mrr_movement m JOIN c USING (customer_id) WHERE m.occurred_at < $2)
            SELECT currency,
                   coalesce(sum(amount) FILTER (WHERE NOT in_period), 0),
                   coalesce(sum(amount) FILTER (WHERE in_period AND kind = 'NEW'), 0),
                   coalesce(sum(amount) FILTER (WHERE in_period AND kind = 'EXPANSION'), 0),
                   coalesce(-sum(amount) FILTER (WHERE in_period AND kind = 'CONTRACTION'), 0),
                   coalesce(-sum(amount) FILTER (WHERE in_period AND kind = 'CHURN'), 0),
                   coalesce(sum(amount), 0),
                   coalesce(sum(amount) FILTER (WHERE in_s AND NOT in_period), 0),
                   coalesce(sum(amount) FILTER (WHERE in_s AND in_period AND kind = 'EXPANSION'), 0),
                   coalesce(-sum(amount) FILTER (WHERE in_s AND in_period AND kind = 'CONTRACTION'), 0),
                   coalesce(-sum(amount) FILTER (WHERE in_s AND in_period AND kind = 'CHURN'), 0)
            FROM m GROUP BY currency ORDER BY currency""";
    private static final String RENEWALS = """
            SELECT count(*) FILTER (WHERE r.outcome = 'RENEWED'), count(*)
            FROM {s}.renewal_outcome r LEFT JOIN {s}.customer_fact c USING (customer_id)
            WHERE r.decided_at >= $1 AND r.decided_at < $2 AND ($3::uuid IS NULL OR c.csm_id = $3)""";
    private static final String NPS = """
            SELECT count(*), count(*) FILTER (WHERE n.score >= 9), count(*) FILTER (WHERE n.score BETWEEN 7 AND 8),
                   count(*) FILTER (WHERE n.score <= 6)
            FROM {s}.nps_response n LEFT JOIN {s}.customer_fact c USING (customer_id)
            WHERE n.occurred_at >= $1 AND n.occurred_at < $2 AND ($3::uuid IS NULL OR c.csm_id = $3)""";

    private final ProjectionReader reader;

    @Inject
    public MetricsQueries(ProjectionReader reader) {
        this.reader = reader;
    }

    /** Leads of the cohort, and how many of them ever reached each later stage (or one after it). */
    public record FunnelCounts(long created, long contacted, long qualified, long handedOff, long won,
                               Instant completeUntil) {
    }

    /** Per group key, in key order. */
    public record ConversionCounts(List<GroupCount> groups, Instant completeUntil) {
    }

    public record GroupCount(String key, long created, long won) {
    }

    /** Deals closed in the period; the cycle in seconds from deal.created to deal.won (null without won deals). */
    public record ClosedDeals(long won, long lost, List<WonTotal> wonTotals, long cycleDeals,
                              BigDecimal medianCycleSeconds, BigDecimal meanCycleSeconds,
                              List<ReasonCount> lostReasons, Instant completeUntil) {
    }

    public record WonTotal(String currency, long count, BigDecimal total) {
    }

    public record ReasonCount(String reason, long count) {
    }

    /** Open deals now, per stage and per expected close month (null month: none), each per currency. */
    public record OpenDeals(List<StageTotal> stages, List<MonthTotal> forecast, Instant completeUntil) {
    }

    public record StageTotal(UUID pipelineId, String stage, BigDecimal winProbability, String currency, long count,
                             BigDecimal amount, BigDecimal weighted) {
    }

    public record MonthTotal(String month, String currency, long count, BigDecimal amount, BigDecimal weighted) {
    }

    /** Every bucket of the period in order, 0 when empty. */
    public record Series(List<Bucket> buckets, Instant completeUntil) {
    }

    public record Bucket(LocalDate bucket, BigDecimal value) {
    }

    /**
     * Customers active at from (start) and at to (end), onboarded in and churned in the period; MRR per
     * currency; renewals decided in it and how many renewed; NPS responses by category.
     */
    public record RetentionCounts(long start, long end, long onboarded, long churned, List<MrrTotals> mrr,
                                  long renewed, long renewals, long responses, long promoters, long passives,
                                  long detractors, Instant completeUntil) {
    }

    /**
     * One currency's MRR at from and at to and its movements between (contraction and churn as positive
     * amounts), then the same over the customers active at from (S) only.
     */
    public record MrrTotals(String currency, BigDecimal start, BigDecimal newBusiness, BigDecimal expansion,
                            BigDecimal contraction, BigDecimal churn, BigDecimal end, BigDecimal startS,
                            BigDecimal expansionS, BigDecimal contractionS, BigDecimal churnS) {
    }

    public Uni<FunnelCounts> funnel(Period period, UUID owner, String source) {
        return reader.read((connection, schema) -> query(connection, schema, FUNNEL, cohort(period, owner, source))
                .chain(rows -> completeUntil(connection, schema).map(complete -> {
                    Row row = rows.iterator().next();
                    return new FunnelCounts(row.getLong(0), row.getLong(1), row.getLong(2), row.getLong(3),
                            row.getLong(4), complete);
                })));
    }

    public Uni<ConversionCounts> conversion(Period period, ConversionGroup group) {
        String key = switch (group) {
            case SOURCE -> "source";
            case OWNER -> "coalesce(owner_id::text, 'unassigned')";
            case WEEK -> "to_char(date_trunc('week', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')";
            case MONTH -> "to_char(date_trunc('month', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')";
        };
        String statement = CONVERSION.formatted(key);
        return reader.read((connection, schema) -> query(connection, schema, statement, cohort(period, null, null))
                .chain(rows -> completeUntil(connection, schema).map(complete -> {
                    List<GroupCount> groups = new ArrayList<>();
                    for (Row row : rows) {
                        groups.add(new GroupCount(row.getString(0), row.getLong(1), row.getLong(2)));
                    }
                    return new ConversionCounts(groups, complete);
                })));
    }

    public Uni<ClosedDeals> deals(Period period, UUID owner) {
        Tuple closed = Tuple.of(utc(period.from()), utc(period.to()), owner);
        return reader.read((connection, schema) -> query(connection, schema, CLOSED, closed).chain(counts ->
                query(connection, schema, WON_SIZE, closed).chain(sizes ->
                query(connection, schema, CYCLE, closed).chain(cycle ->
                query(connection, schema, LOST_REASONS, closed).chain(reasons ->
                completeUntil(connection, schema).map(complete -> {
                    Row count = counts.iterator().next();
                    List<WonTotal> wonTotals = new ArrayList<>();
                    for (Row row : sizes) {
                        wonTotals.add(new WonTotal(row.getString(0), row.getLong(1), row.getBigDecimal(2)));
                    }
                    Row c = cycle.iterator().next();
                    List<ReasonCount> lostReasons = new ArrayList<>();
                    for (Row row : reasons) {
                        lostReasons.add(new ReasonCount(row.getString(0), row.getLong(1)));
                    }
                    return new ClosedDeals(count.getLong(0), count.getLong(1), wonTotals, c.getLong(0),
                            c.getBigDecimal(1), c.getBigDecimal(2), lostReasons, complete);
                }))))));
    }

    public Uni<OpenDeals> pipeline(UUID owner) {
        Tuple filter = Tuple.of(owner);
        return reader.read((connection, schema) -> query(connection, schema, PIPELINE_STAGES, filter).chain(stageRows ->
                query(connection, schema, FORECAST, filter).chain(forecastRows ->
                completeUntil(connection, schema).map(complete -> {
                    List<StageTotal> stages = new ArrayList<>();
                    for (Row row : stageRows) {
                        stages.add(new StageTotal(row.getUUID(0), row.getString(1), row.getBigDecimal(2),
                                row.getString(3), row.getLong(4), row.getBigDecimal(5), row.getBigDecimal(6)));
                    }
                    List<MonthTotal> forecast = new ArrayList<>();
                    for (Row row : forecastRows) {
                        forecast.add(new MonthTotal(row.getString(0), row.getString(1), row.getLong(2),
                                row.getBigDecimal(3), row.getBigDecimal(4)));
                    }
                    return new OpenDeals(stages, forecast, complete);
                }))));
    }

    /** {@code currency}: the one a money metric sums; null for counts. */
    public Uni<Series> timeSeries(TimeSeriesMetric metric, Interval interval, String currency, Period period) {
        String[] source = switch (metric) {
            case LEADS_CREATED -> new String[] {"created_at", "count(*)", "lead_fact"};
            case LEADS_CONTACTED -> new String[] {"contacted_at", "count(*)", "lead_fact"};
            case LEADS_QUALIFIED -> new String[] {"qualified_at", "count(*)", "lead_fact"};
            case LEADS_HANDED_OFF -> new String[] {"handed_off_at", "count(*)", "lead_fact"};
            case DEALS_CREATED -> new String[] {"created_at", "count(*)", "deal_fact"};
            case DEALS_WON -> new String[] {"won_at", "count(*)", "deal_fact"};
            case DEALS_LOST -> new String[] {"lost_at", "count(*)", "deal_fact"};
            case REVENUE_WON -> new String[] {"won_at", "sum(final_amount)", "deal_fact"};
        };
        // A money series sums one currency ($3); counts ignore it.
        String statement = SERIES.formatted(interval.parameter(), source[0], source[1], source[2],
                metric.money() ? "final_currency = $3" : "$3::text IS NULL");
        Tuple values = Tuple.of(utc(period.from()), utc(period.to()), metric.money() ? currency : null);
        return reader.read((connection, schema) -> query(connection, schema, statement, values)
                .chain(rows -> completeUntil(connection, schema).map(complete -> {
                    List<Bucket> buckets = new ArrayList<>();
                    for (Row row : rows) {
                        buckets.add(new Bucket(row.getLocalDate(0), row.getBigDecimal(1)));
                    }
                    return new Series(buckets, complete);
                })));
    }

    public Uni<RetentionCounts> retention(Period period, UUID csm) {
        Tuple values = Tuple.of(utc(period.from()), utc(period.to()), csm);
        return reader.read((connection, schema) -> query(connection, schema, CUSTOMERS, values).chain(customerRows ->
                query(connection, schema, MRR, values).chain(mrrRows ->
                query(connection, schema, RENEWALS, values).chain(renewalRows ->
                query(connection, schema, NPS, values).chain(npsRows ->
                completeUntil(connection, schema).map(complete -> {
                    Row c = customerRows.iterator().next();
                    List<MrrTotals> mrr = new ArrayList<>();
                    for (Row row : mrrRows) {
                        mrr.add(new MrrTotals(row.getString(0), row.getBigDecimal(1), row.getBigDecimal(2),
                                row.getBigDecimal(3), row.getBigDecimal(4), row.getBigDecimal(5), row.getBigDecimal(6),
                                row.getBigDecimal(7), row.getBigDecimal(8), row.getBigDecimal(9),
                                row.getBigDecimal(10)));
                    }
                    Row r = renewalRows.iterator().next();
                    Row n = npsRows.iterator().next();
                    return new RetentionCounts(c.getLong(0), c.getLong(1), c.getLong(2), c.getLong(3), mrr,
                            r.getLong(0), r.getLong(1), n.getLong(0), n.getLong(1), n.getLong(2), n.getLong(3),
                            complete);
                }))))));
    }

    private static Tuple cohort(Period period, UUID owner, String source) {
        return Tuple.of(utc(period.from()), utc(period.to()), owner, source);
    }
}
