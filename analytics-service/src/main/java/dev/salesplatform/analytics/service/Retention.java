package dev.salesplatform.analytics.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.salesplatform.analytics.domain.MoneyRate;
import dev.salesplatform.analytics.domain.Rate;

/**
 * Retention over {@code [from, to)} (DESIGN §7): S customers active at from, E at to, N onboarded in the
 * period; customer retention (E - N) / S, logo churn (churned among S) / S; MRR movements per currency;
 * renewal rate = renewed / (renewed + churned at renewal); NPS.
 */
public record Retention(Instant from, Instant to, UUID csm, Customers customers, Rate customerRetentionRate,
                        Rate logoChurnRate, List<Mrr> mrr, Rate renewalRate, Nps nps, Instant completeUntil) {

    public record Customers(long start, long end, long onboarded, long churned) {
    }

    /**
     * Per currency, in its minor units: MRR at from (start) and at to (end) and the movements between (all
     * customers), and over S only: GRR = (MRR_S - contraction - churn) / MRR_S, NRR = (MRR_S + expansion -
     * contraction - churn) / MRR_S.
     */
    public record Mrr(String currency, BigDecimal start, BigDecimal newBusiness, BigDecimal expansion,
                      BigDecimal contraction, BigDecimal churn, BigDecimal end, MoneyRate grossRevenueRetention,
                      MoneyRate netRevenueRetention) {
    }

    /** score = % promoters (9-10) - % detractors (0-6), 2 decimals; null without responses. */
    public record Nps(long responses, long promoters, long passives, long detractors, BigDecimal score) {
    }
}
