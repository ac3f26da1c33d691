package dev.salesplatform.deal.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.salesplatform.kit.money.Money;

/** A new proposal version: its lines as the caller writes them, how long it is valid, and notes. */
public record ProposalDraft(List<Line> lines, LocalDate validUntil, String notes) {

    /** {@code discountPercent}: null for none. */
    public record Line(String product, String description, BigDecimal quantity, Money unitPrice,
                       BigDecimal discountPercent) {
    }
}
