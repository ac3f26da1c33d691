package dev.salesplatform.deal.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

import dev.salesplatform.deal.domain.ProposalStatus;
import dev.salesplatform.kit.money.Money;

/** A proposal version with its priced lines and totals. */
@Schema(name = "Proposal")
public record ProposalResponse(
        UUID id,
        UUID dealId,
        @Schema(description = "The proposal's version within the deal: 1, 2, ...") int number,
        @Schema(description = "DRAFT, SENT, ACCEPTED, REJECTED, or EXPIRED (a draft or sent proposal past validUntil)")
        ProposalStatus status,
        List<Line> lines,
        @Schema(description = "Sum of the lines' subtotals") Money subtotal,
        @Schema(description = "Sum of the lines' discounts") Money discount,
        @Schema(description = "subtotal - discount; accepting the proposal makes it the deal's amount") Money total,
        LocalDate validUntil,
        String notes,
        @Schema(description = "Why it was rejected; \"Superseded by version N\" when another version was accepted")
        String rejectionReason,
        String createdBy,
        Instant createdAt,
        Instant sentAt,
        String decidedBy,
        Instant decidedAt) {

    /** A priced line: subtotal = quantity x unit price, discount = subtotal x discountPercent / 100. */
    @Schema(name = "ProposalLine")
    public record Line(
            String product,
            String description,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "25")
            BigDecimal quantity,
            Money unitPrice,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "10")
            BigDecimal discountPercent,
            Money subtotal,
            Money discount,
            Money total) {
    }
}
