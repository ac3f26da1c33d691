package dev.salesplatform.deal.service;

import java.time.LocalDate;

import dev.salesplatform.kit.money.Money;

/**
 * Wins a deal: the final amount and the contract, in the deal's currency; {@code overrideReason} is
 * null when the caller gave no override of open obstacles.
 */
public record DealWin(Money finalAmount, LocalDate contractStartDate, int contractTermMonths,
                      Money monthlyRecurringRevenue, String overrideReason) {
}
