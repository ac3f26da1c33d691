package dev.salesplatform.analytics.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.analytics.domain.RepRole;
import dev.salesplatform.analytics.domain.TargetMetric;
import dev.salesplatform.kit.money.Money;

/** Each rep's figures for a month or quarter, against target and against the previous period. */
@Schema(name = "RepMetrics")
public record RepsResponse(String period, String previousPeriod, Instant from, Instant to, String reportingCurrency,
                           List<Row> rows,
                           @Schema(description = "Per role, up to 3 reps whose key metric rose most (managers only)")
                           Map<RepRole, List<UUID>> mostImproved,
                           Instant completeUntil) {

    /**
     * One rep in one role; exactly one of sdr, ae, csm is set. needsSupport: below target or below the role's
     * median on the key metric in this period and the previous one.
     */
    @Schema(name = "RepRow")
    public record Row(UUID repId, RepRole role, Sdr sdr, Ae ae, Csm csm, KeyMetric keyMetric,
                      List<Attainment> targets, boolean belowTarget, boolean belowMedian, boolean needsSupport) {
    }

    /** Of the leads they own created in the period (as the funnel counts them), and leads they qualified in it. */
    @Schema(name = "SalesDevelopmentRepRow")
    public record Sdr(long leadsCreated, long contacted, long qualified, long handedOff, RateDto qualificationRate,
                      RateDto handOffRate, long qualifiedInPeriod) {
    }

    /** Deals they own closed in the period. */
    @Schema(name = "AccountExecutiveRow")
    public record Ae(long won, long lost, RateDto winRate, List<Money> revenue, String medianCycleDays) {
    }

    /** Their customers: active at the period's end, churned in it; per currency book MRR at the end, NRR over S. */
    @Schema(name = "CustomerSuccessManagerRow")
    public record Csm(long activeCustomers, long churnedCustomers, List<CsmMrr> mrr) {
    }

    @Schema(name = "CustomerSuccessManagerRevenue")
    public record CsmMrr(String currency, String bookMrr, String retainedMrr, MoneyRateDto netRevenueRetention) {
    }

    /**
     * SDR: qualified leads in the period; AE: revenue won in the reporting currency; CSM: NRR in the reporting
     * currency. trend = current - previous.
     */
    @Schema(name = "RepKeyMetric")
    public record KeyMetric(String name, String current, String previous, String trend) {
    }

    /** attainment.value = actual / target. */
    @Schema(name = "TargetAttainment")
    public record Attainment(TargetMetric metric, String target, String currency, String actual,
                             MoneyRateDto attainment) {
    }
}
