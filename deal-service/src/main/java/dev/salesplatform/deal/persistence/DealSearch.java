package dev.salesplatform.deal.persistence;

import java.time.LocalDate;
import java.util.UUID;

/** Filters of the deal list; null means "any". Expected close dates are inclusive on both ends. */
public record DealSearch(String stage, UUID owner, UUID pipeline, LocalDate expectedCloseFrom,
                         LocalDate expectedCloseTo, String text) {
}
