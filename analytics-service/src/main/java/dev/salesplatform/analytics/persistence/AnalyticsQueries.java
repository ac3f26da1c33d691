package dev.salesplatform.analytics.persistence;

import static dev.salesplatform.analytics.persistence.ProjectionReader.completeUntil;
import static dev.salesplatform.analytics.persistence.ProjectionReader.query;
import static dev.salesplatform.analytics.persistence.ProjectionReader.utc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.analytics.api.ConversionResponse;
import dev.salesplatform.analytics.api.DealsResponse;
import dev.salesplatform.analytics.api.FunnelResponse;
import dev.salesplatform.analytics.api.MoneyDto;
import dev.salesplatform.analytics.api.PipelineResponse;
import dev.salesplatform.analytics.api.RetentionResponse;
import dev.salesplatform.analytics.api.TimeSeriesResponse;
import dev.salesplatform.analytics.domain.ConversionGroup;
import dev.salesplatform.analytics.domain.Interval;
import dev.salesplatform.analytics.domain.MoneyRate;
import dev.salesplatform.analytics.domain.Period;
import dev.salesplatform.analytics.domain.Rate;
import dev.salesplatform.analytics.domain.TimeSeriesMetric;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The read side: SQL over the active projection schema, DESIGN §7's definitions. Periods are
 * half-open on event time; money is summed per currency and rounded half-even to cents only at the end.
 */
@ApplicationScoped
public class AnalyticsQueries {

    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

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

    @Inject
    ProjectionReader reader;

    public Uni<FunnelResponse> funnel(Period period, UUID owner, String source) {
        return reader.read((connection, schema) -> query(connection, schema, FUNNEL, cohort(period, owner, source))
                .chain(rows -> completeUntil(connection, schema).map(complete -> {
                    Row row = rows.iterator().next();
                    long created = row.getLong(0);
                    String[] names = {"CONTACTED", "QUALIFIED", "HANDED_OFF", "WON"};
                    List<FunnelResponse.Stage> stages = new ArrayList<>();
                    for (int i = 0; i < names.length; i++) {
                        long count = row.getLong(i + 1);
                        stages.add(new FunnelResponse.Stage(names[i], count, Rate.of(count, created),
                                Rate.of(count, row.getLong(i))));
                    }
                    return new FunnelResponse(period.from(), period.to(), owner, source, created, stages,
                            Rate.of(row.getLong(4), created), complete);
                })));
    }

    public Uni<ConversionResponse> conversion(Period period, ConversionGroup group) {
        String key = switch (group) {
            case SOURCE -> "source";
            case OWNER -> "coalesce(owner_id::text, 'unassigned')";
            case WEEK -> "to_char(date_trunc('week', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')";
            case MONTH -> "to_char(date_trunc('month', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')";
        };
        String statement = CONVERSION.formatted(key);
        return reader.read((connection, schema) -> query(connection, schema, statement, cohort(period, null, null))
                .chain(rows -> completeUntil(connection, schema).map(complete -> {
                    List<ConversionResponse.Row> result = new ArrayList<>();
                    long created = 0;
                    long won = 0;
                    for (Row row : rows) {
                        result.add(new ConversionResponse.Row(row.getString(0), row.getLong(1), row.getLong(2),
                                Rate.of(row.getLong(2), row.getLong(1))));
                        created += row.getLong(1);
                        won += row.getLong(2);
                    }
                    return new ConversionResponse(period.from(), period.to(), group.parameter(), result,
                            Rate.of(won, created), complete);
                })));
    }

    public Uni<DealsResponse> deals(Period period, UUID owner) {
        Tuple closed = Tuple.of(utc(period.from()), utc(period.to()), owner);
        return reader.read((connection, schema) -> query(connection, schema, CLOSED, closed).chain(counts ->
                query(connection, schema, WON_SIZE, closed).chain(sizes ->
                query(connection, schema, CYCLE, closed).chain(cycle ->
                query(connection, schema, LOST_REASONS, closed).chain(reasons ->
                completeUntil(connection, schema).map(complete -> {
                    Row count = counts.iterator().next();
                    long won = count.getLong(0);
                    long lost = count.getLong(1);
                    List<DealsResponse.WonSize> wonSize = new ArrayList<>();
                    for (Row row : sizes) {
                        String currency = row.getString(0);
                        long deals = row.getLong(1);
                        BigDecimal total = cents(row.getBigDecimal(2));
                        wonSize.add(new DealsResponse.WonSize(currency, deals, new MoneyDto(total, currency),
                                new MoneyDto(total.divide(BigDecimal.valueOf(deals), 2, RoundingMode.HALF_EVEN), currency)));
                    }
                    Row c = cycle.iterator().next();
                    DealsResponse.SalesCycle salesCycle = new DealsResponse.SalesCycle(c.getLong(0),
                            days(c.getBigDecimal(1)), days(c.getBigDecimal(2)));
                    List<DealsResponse.LostReason> lostReasons = new ArrayList<>();
                    for (Row row : reasons) {
                        lostReasons.add(new DealsResponse.LostReason(row.getString(0), row.getLong(1)));
                    }
                    return new DealsResponse(period.from(), period.to(), owner, won, lost, Rate.of(won, won + lost),
                            wonSize, salesCycle, lostReasons, complete);
                }))))));
    }

    public Uni<PipelineResponse> pipeline(UUID owner) {
        Tuple filter = Tuple.of(owner);
        return reader.read((connection, schema) -> query(connection, schema, PIPELINE_STAGES, filter).chain(stageRows ->
                query(connection, schema, FORECAST, filter).chain(forecastRows ->
                completeUntil(connection, schema).map(complete -> {
                    List<PipelineResponse.StageRow> stages = new ArrayList<>();
                    for (Row row : stageRows) {
                        String currency = row.getString(3);
                        stages.add(new PipelineResponse.StageRow(row.getUUID(0), row.getString(1),
                                row.getBigDecimal(2), currency, row.getLong(4),
                                new MoneyDto(cents(row.getBigDecimal(5)), currency),
                                new MoneyDto(cents(row.getBigDecimal(6)), currency)));
                    }
                    List<PipelineResponse.ForecastRow> forecast = new ArrayList<>();
                    for (Row row : forecastRows) {
                        String currency = row.getString(1);
                        forecast.add(new PipelineResponse.ForecastRow(row.getString(0), currency, row.getLong(2),
                                new MoneyDto(cents(row.getBigDecimal(3)), currency),
                                new MoneyDto(cents(row.getBigDecimal(4)), currency)));
                    }
                    return new PipelineResponse(owner, stages, forecast, complete);
                }))));
    }

    public Uni<TimeSeriesResponse> timeSeries(TimeSeriesMetric metric, Interval interval, String currency, Period period) {
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
                    List<TimeSeriesResponse.Point> points = new ArrayList<>();
                    for (Row row : rows) {
                        BigDecimal value = row.getBigDecimal(1);
                        points.add(new TimeSeriesResponse.Point(row.getLocalDate(0),
                                metric.money() ? cents(value).toPlainString() : value.toPlainString()));
                    }
                    return new TimeSeriesResponse(metric.parameter(), interval.parameter(),
                            metric.money() ? currency : null, period.from(), period.to(), points, complete);
                })));
    }

    public Uni<RetentionResponse> retention(Period period, UUID csm) {
        Tuple values = Tuple.of(utc(period.from()), utc(period.to()), csm);
        return reader.read((connection, schema) -> query(connection, schema, CUSTOMERS, values).chain(customerRows ->
                query(connection, schema, MRR, values).chain(mrrRows ->
                query(connection, schema, RENEWALS, values).chain(renewalRows ->
                query(connection, schema, NPS, values).chain(npsRows ->
                completeUntil(connection, schema).map(complete -> {
                    Row c = customerRows.iterator().next();
                    long start = c.getLong(0);
                    long end = c.getLong(1);
                    long onboarded = c.getLong(2);
                    long churned = c.getLong(3);
                    List<RetentionResponse.Mrr> mrr = new ArrayList<>();
                    for (Row row : mrrRows) {
                        BigDecimal startS = row.getBigDecimal(7);
                        BigDecimal expansionS = row.getBigDecimal(8);
                        BigDecimal contractionS = row.getBigDecimal(9);
                        BigDecimal churnS = row.getBigDecimal(10);
                        BigDecimal gross = startS.subtract(contractionS).subtract(churnS);
                        mrr.add(new RetentionResponse.Mrr(row.getString(0), plainCents(row.getBigDecimal(1)),
                                plainCents(row.getBigDecimal(2)), plainCents(row.getBigDecimal(3)),
                                plainCents(row.getBigDecimal(4)), plainCents(row.getBigDecimal(5)),
                                plainCents(row.getBigDecimal(6)), MoneyRate.of(cents(gross), cents(startS)),
                                MoneyRate.of(cents(gross.add(expansionS)), cents(startS))));
                    }
                    Row r = renewalRows.iterator().next();
                    Row n = npsRows.iterator().next();
                    long responses = n.getLong(0);
                    String score = responses == 0 ? null : BigDecimal.valueOf((n.getLong(1) - n.getLong(3)) * 100)
                            .divide(BigDecimal.valueOf(responses), 2, RoundingMode.HALF_EVEN).toPlainString();
                    return new RetentionResponse(period.from(), period.to(), csm,
                            new RetentionResponse.Customers(start, end, onboarded, churned),
                            Rate.of(end - onboarded, start), Rate.of(churned, start), mrr,
                            Rate.of(r.getLong(0), r.getLong(1)),
                            new RetentionResponse.Nps(responses, n.getLong(1), n.getLong(2), n.getLong(3), score),
                            complete);
                }))))));
    }

    private static Tuple cohort(Period period, UUID owner, String source) {
        return Tuple.of(utc(period.from()), utc(period.to()), owner, source);
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static String plainCents(BigDecimal amount) {
        return cents(amount).toPlainString();
    }

    private static BigDecimal days(BigDecimal seconds) {
        return seconds == null ? null : seconds.divide(SECONDS_PER_DAY, 2, RoundingMode.HALF_EVEN);
    }
}
