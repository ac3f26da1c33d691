package dev.salesplatform.analytics.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.salesplatform.analytics.domain.Rate;
import dev.salesplatform.kit.money.Money;

/** Deals closed (won or lost) in {@code [from, to)}: win rate = won / (won + lost). */
public record DealMetrics(Instant from, Instant to, UUID owner, long won, long lost, Rate winRate,
                          List<WonSize> wonSize, SalesCycle salesCycleDays, List<LostReason> lostReasons,
                          Instant completeUntil) {

    /** Per currency: won deals, their final amounts, the average (half-even, in the currency's minor units). */
    public record WonSize(String currency, long count, Money total, Money average) {
    }

    /** Days from deal.created to deal.won of the deals won: median and mean with 2 decimals (half-even), null without any. */
    public record SalesCycle(long deals, BigDecimal median, BigDecimal mean) {
    }

    public record LostReason(String reason, long count) {
    }
}
