package dev.salesplatform.analytics.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.analytics.domain.ConversionGroup;
import dev.salesplatform.analytics.domain.Interval;
import dev.salesplatform.analytics.domain.MoneyRate;
import dev.salesplatform.analytics.domain.Period;
import dev.salesplatform.analytics.domain.Rate;
import dev.salesplatform.analytics.domain.TimeSeriesMetric;
import dev.salesplatform.analytics.persistence.MetricsQueries;
import dev.salesplatform.analytics.persistence.MetricsQueries.GroupCount;
import dev.salesplatform.analytics.persistence.MetricsQueries.MonthTotal;
import dev.salesplatform.analytics.persistence.MetricsQueries.MrrTotals;
import dev.salesplatform.analytics.persistence.MetricsQueries.ReasonCount;
import dev.salesplatform.analytics.persistence.MetricsQueries.StageTotal;
import dev.salesplatform.analytics.persistence.MetricsQueries.WonTotal;
import dev.salesplatform.kit.money.Money;
import io.smallrye.mutiny.Uni;

/**
 * The exact metrics of DESIGN §7 from the projections: rates, averages and money are computed from the
 * exact sums and rounded half-even only at the end, money to its currency's minor units.
 */
@ApplicationScoped
public class MetricsService {

    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
    private static final String[] STAGES = {"CONTACTED", "QUALIFIED", "HANDED_OFF", "WON"};

    private final MetricsQueries queries;

    @Inject
    public MetricsService(MetricsQueries queries) {
        this.queries = queries;
    }

    /** {@code owner}, {@code source}: only leads of that owner or source (null: all). */
    public Uni<Funnel> funnel(Period period, UUID owner, String source) {
        return queries.funnel(period, owner, source).map(counts -> {
            long created = counts.created();
            long[] reached = {counts.contacted(), counts.qualified(), counts.handedOff(), counts.won()};
            List<Funnel.Stage> stages = new ArrayList<>();
            long previous = created;
            for (int i = 0; i < STAGES.length; i++) {
                stages.add(new Funnel.Stage(STAGES[i], reached[i], Rate.of(reached[i], created),
                        Rate.of(reached[i], previous)));
                previous = reached[i];
            }
            return new Funnel(period.from(), period.to(), owner, source, created, stages,
                    Rate.of(counts.won(), created), counts.completeUntil());
        });
    }

    public Uni<Conversion> conversion(Period period, ConversionGroup group) {
        return queries.conversion(period, group).map(counts -> {
            List<Conversion.Group> groups = new ArrayList<>();
            long created = 0;
            long won = 0;
            for (GroupCount row : counts.groups()) {
                groups.add(new Conversion.Group(row.key(), row.created(), row.won(), Rate.of(row.won(), row.created())));
                created += row.created();
                won += row.won();
            }
            return new Conversion(period.from(), period.to(), group, groups, Rate.of(won, created),
                    counts.completeUntil());
        });
    }

    /** {@code owner}: only deals of that account executive (null: all). */
    public Uni<DealMetrics> deals(Period period, UUID owner) {
        return queries.deals(period, owner).map(deals -> {
            List<DealMetrics.WonSize> wonSize = new ArrayList<>();
            for (WonTotal row : deals.wonTotals()) {
                Money total = Money.of(row.total(), row.currency());
                BigDecimal average = total.amount().divide(BigDecimal.valueOf(row.count()),
                        Money.minorUnits(row.currency()), RoundingMode.HALF_EVEN);
                wonSize.add(new DealMetrics.WonSize(row.currency(), row.count(), total, new Money(average, row.currency())));
            }
            List<DealMetrics.LostReason> lostReasons = new ArrayList<>();
            for (ReasonCount row : deals.lostReasons()) {
                lostReasons.add(new DealMetrics.LostReason(row.reason(), row.count()));
            }
            return new DealMetrics(period.from(), period.to(), owner, deals.won(), deals.lost(),
                    Rate.of(deals.won(), deals.won() + deals.lost()), wonSize,
                    new DealMetrics.SalesCycle(deals.cycleDeals(), days(deals.medianCycleSeconds()),
                            days(deals.meanCycleSeconds())),
                    lostReasons, deals.completeUntil());
        });
    }

    /** {@code owner}: only deals of that account executive (null: all). */
    public Uni<Pipeline> pipeline(UUID owner) {
        return queries.pipeline(owner).map(open -> {
            List<Pipeline.StageRow> stages = new ArrayList<>();
            for (StageTotal row : open.stages()) {
                stages.add(new Pipeline.StageRow(row.pipelineId(), row.stage(), row.winProbability(), row.currency(),
                        row.count(), Money.of(row.amount(), row.currency()), Money.of(row.weighted(), row.currency())));
            }
            List<Pipeline.ForecastRow> forecast = new ArrayList<>();
            for (MonthTotal row : open.forecast()) {
                forecast.add(new Pipeline.ForecastRow(row.month(), row.currency(), row.count(),
                        Money.of(row.amount(), row.currency()), Money.of(row.weighted(), row.currency())));
            }
            return new Pipeline(owner, stages, forecast, open.completeUntil());
        });
    }

    /** {@code currency}: required for a money metric, ignored otherwise. */
    public Uni<TimeSeries> timeSeries(TimeSeriesMetric metric, Interval interval, String currency, Period period) {
        String summed = metric.money() ? currency : null;
        return queries.timeSeries(metric, interval, summed, period).map(series -> {
            List<TimeSeries.Point> points = new ArrayList<>();
            for (MetricsQueries.Bucket bucket : series.buckets()) {
                points.add(new TimeSeries.Point(bucket.bucket(),
                        metric.money() ? Money.of(bucket.value(), currency).amount() : bucket.value()));
            }
            return new TimeSeries(metric, interval, summed, period.from(), period.to(), points,
                    series.completeUntil());
        });
    }

    /** {@code csm}: only customers of that CSM (null: all). */
    public Uni<Retention> retention(Period period, UUID csm) {
        return queries.retention(period, csm).map(counts -> {
            List<Retention.Mrr> mrr = new ArrayList<>();
            for (MrrTotals row : counts.mrr()) {
                String currency = row.currency();
                BigDecimal gross = row.startS().subtract(row.contractionS()).subtract(row.churnS());
                BigDecimal startS = shown(row.startS(), currency);
                mrr.add(new Retention.Mrr(currency, shown(row.start(), currency), shown(row.newBusiness(), currency),
                        shown(row.expansion(), currency), shown(row.contraction(), currency),
                        shown(row.churn(), currency), shown(row.end(), currency),
                        MoneyRate.of(shown(gross, currency), startS),
                        MoneyRate.of(shown(gross.add(row.expansionS()), currency), startS)));
            }
            long responses = counts.responses();
            BigDecimal score = responses == 0 ? null : BigDecimal.valueOf((counts.promoters() - counts.detractors()) * 100)
                    .divide(BigDecimal.valueOf(responses), 2, RoundingMode.HALF_EVEN);
            return new Retention(period.from(), period.to(), csm,
                    new Retention.Customers(counts.start(), counts.end(), counts.onboarded(), counts.churned()),
                    Rate.of(counts.end() - counts.onboarded(), counts.start()), Rate.of(counts.churned(), counts.start()),
                    mrr, Rate.of(counts.renewed(), counts.renewals()),
                    new Retention.Nps(responses, counts.promoters(), counts.passives(), counts.detractors(), score),
                    counts.completeUntil());
        });
    }

    /** An amount in its currency's minor units. */
    private static BigDecimal shown(BigDecimal amount, String currency) {
        return Money.of(amount, currency).amount();
    }

    private static BigDecimal days(BigDecimal seconds) {
        return seconds == null ? null : seconds.divide(SECONDS_PER_DAY, 2, RoundingMode.HALF_EVEN);
    }
}
