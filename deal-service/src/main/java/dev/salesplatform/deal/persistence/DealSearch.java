package dev.salesplatform.deal.persistence;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Filters of the deal list; null means "any". Expected close dates are inclusive on both ends.
 * {@code stale}: only open deals that stayed in their stage longer than its limit. {@code visibleTo}:
 * only deals this user owns or is on the team of.
 */
public record DealSearch(String stage, UUID owner, UUID pipeline, LocalDate expectedCloseFrom,
                         LocalDate expectedCloseTo, String text, boolean stale, UUID visibleTo) {

    public DealSearch visibleTo(UUID user) {
        return new DealSearch(stage, owner, pipeline, expectedCloseFrom, expectedCloseTo, text, stale, user);
    }
}
