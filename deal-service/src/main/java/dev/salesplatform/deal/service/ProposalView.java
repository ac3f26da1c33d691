package dev.salesplatform.deal.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.salesplatform.deal.domain.ProposalStatus;
import dev.salesplatform.kit.money.Money;

/** A proposal version with its priced lines and totals; {@code status} is the effective one (EXPIRED when past due). */
public record ProposalView(UUID id, UUID dealId, int number, ProposalStatus status, List<Line> lines, Money subtotal,
                           Money discount, Money total, LocalDate validUntil, String notes, String rejectionReason,
                           String createdBy, Instant createdAt, Instant sentAt, String decidedBy, Instant decidedAt) {

    /** A priced line: subtotal = quantity x unit price, discount = subtotal x discountPercent / 100. */
    public record Line(String product, String description, BigDecimal quantity, Money unitPrice,
                       BigDecimal discountPercent, Money subtotal, Money discount, Money total) {
    }
}
