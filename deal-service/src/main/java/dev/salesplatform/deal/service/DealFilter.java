package dev.salesplatform.deal.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import dev.salesplatform.deal.domain.DealSort;

/**
 * What a caller asks of the deal list: filters (null: any; dates and amounts inclusive on both ends),
 * {@code stale} (only open deals that stayed in their stage longer than its limit) and the order.
 * Which deals the caller may see is the service's to add.
 */
public record DealFilter(String stage, UUID owner, UUID pipeline, LocalDate expectedCloseFrom,
                         LocalDate expectedCloseTo, BigDecimal amountMin, BigDecimal amountMax, String currency,
                         String text, boolean stale, DealSort sort) {
}
