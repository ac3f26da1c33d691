package dev.salesplatform.analytics.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Retention over {@code [from, to)} (DESIGN §7): S customers active at from, E at to, N onboarded in the
 * period; MRR movements per currency; GRR and NRR over S only; renewal rate; NPS.
 */
@Schema(name = "Retention")
public record RetentionResponse(Instant from, Instant to, UUID csm, Customers customers,
                                @Schema(description = "(E - N) / S") RateDto customerRetentionRate,
                                @Schema(description = "Customers of S churned in the period / S") RateDto logoChurnRate,
                                List<Mrr> mrr,
                                @Schema(description = "Renewals decided in the period: renewed / (renewed + churned at renewal)")
                                RateDto renewalRate,
                                Nps nps, Instant completeUntil) {

    @Schema(name = "RetentionCustomers")
    public record Customers(long start, long end, long onboarded, long churned) {
    }

    /**
     * Per currency: MRR at from (start) and at to (end) and the movements between (all customers), and
     * over S only: GRR = (MRR_S - contraction - churn) / MRR_S, NRR = (MRR_S + expansion - contraction - churn) / MRR_S.
     */
    @Schema(name = "RecurringRevenueMovements")
    public record Mrr(String currency, String start, String newBusiness, String expansion, String contraction,
                      String churn, String end, MoneyRateDto grossRevenueRetention, MoneyRateDto netRevenueRetention) {
    }

    /** score = % promoters (9-10) - % detractors (0-6), 2 decimals; null without responses. */
    @Schema(name = "NetPromoterScore")
    public record Nps(long responses, long promoters, long passives, long detractors, String score) {
    }
}
