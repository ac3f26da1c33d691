package dev.salesplatform.deal.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import dev.salesplatform.deal.domain.DealSort;

/**
 * Filters and order of the deal list; a null filter means "any". Expected close dates and amounts
 * are inclusive on both ends. {@code stale}: only open deals that stayed in their stage longer than
 * its limit. {@code visibleTo}: only deals this user owns or is on the team of.
 */
public record DealSearch(String stage, UUID owner, UUID pipeline, LocalDate expectedCloseFrom,
                         LocalDate expectedCloseTo, BigDecimal amountMin, BigDecimal amountMax, String currency,
                         String text, boolean stale, DealSort sort, UUID visibleTo) {

    public DealSearch visibleTo(UUID user) {
        return new DealSearch(stage, owner, pipeline, expectedCloseFrom, expectedCloseTo, amountMin, amountMax,
                currency, text, stale, sort, user);
    }
}
