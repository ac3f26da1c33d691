package dev.salesplatform.analytics.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.salesplatform.analytics.domain.MoneyRate;
import dev.salesplatform.analytics.domain.Rate;
import dev.salesplatform.analytics.domain.RepPeriod;
import dev.salesplatform.analytics.domain.RepRole;
import dev.salesplatform.analytics.domain.TargetMetric;
import dev.salesplatform.kit.money.Money;

/**
 * Each rep's figures for a month or quarter, against target and against the previous period;
 * {@code mostImproved}: per role, up to 3 reps whose key metric rose most (empty for a rep's own read).
 */
public record RepMetrics(RepPeriod period, RepPeriod previousPeriod, Instant from, Instant to,
                         String reportingCurrency, List<RepRow> rows, Map<RepRole, List<UUID>> mostImproved,
                         Instant completeUntil) {

    /**
     * One rep in one role; exactly one of sdr, ae, csm is set. needsSupport: below target or below the role's
     * median on the key metric in this period and the previous one.
     */
    public record RepRow(UUID repId, RepRole role, SalesDevelopmentFigures sdr, AccountExecutiveFigures ae,
                         CustomerSuccessFigures csm, KeyMetric keyMetric, List<Attainment> targets,
                         boolean belowTarget, boolean belowMedian, boolean needsSupport) {
    }

    /** Of the leads they own created in the period (as the funnel counts them), and leads they qualified in it. */
    public record SalesDevelopmentFigures(long leadsCreated, long contacted, long qualified, long handedOff,
                                          Rate qualificationRate, Rate handOffRate, long qualifiedInPeriod) {
    }

    /** Deals they own closed in the period; the median cycle in days (2 decimals), null without won deals. */
    public record AccountExecutiveFigures(long won, long lost, Rate winRate, List<Money> revenue,
                                          BigDecimal medianCycleDays) {
    }

    /** Their customers: active at the period's end, churned in it; per currency book MRR at the end, NRR over S. */
    public record CustomerSuccessFigures(long activeCustomers, long churnedCustomers, List<CurrencyMrr> mrr) {
    }

    public record CurrencyMrr(String currency, BigDecimal bookMrr, BigDecimal retainedMrr,
                              MoneyRate netRevenueRetention) {
    }

    /**
     * SDR: qualified leads in the period; AE: revenue won in the reporting currency; CSM: NRR in the reporting
     * currency. trend = current - previous; null where there is nothing to measure.
     */
    public record KeyMetric(String name, BigDecimal current, BigDecimal previous, BigDecimal trend) {
    }

    /** attainment.value = actual / target. */
    public record Attainment(TargetMetric metric, BigDecimal target, String currency, BigDecimal actual,
                             MoneyRate attainment) {
    }
}
