package dev.salesplatform.deal.service;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.salesplatform.deal.domain.ProposalStateMachine;
import dev.salesplatform.deal.persistence.DealProposal;
import dev.salesplatform.deal.persistence.DealProposalLine;
import dev.salesplatform.kit.money.Money;

/** Shows a proposal with its lines, in its status as of a day. */
final class ProposalMapper {

    private ProposalMapper() {
    }

    static ProposalView view(DealProposal p, LocalDate today) {
        String currency = p.currency;
        return new ProposalView(p.id, p.dealId, p.number, ProposalStateMachine.effective(p.status, p.validUntil, today),
                p.lines.stream().map(l -> line(l, currency)).toList(), Money.of(p.subtotal, currency),
                Money.of(p.discount, currency), Money.of(p.total, currency), p.validUntil, p.notes, p.rejectionReason,
                p.createdBy, p.createdAt, p.sentAt, p.decidedBy, p.decidedAt);
    }

    private static ProposalView.Line line(DealProposalLine l, String currency) {
        return new ProposalView.Line(l.product, l.description, plain(l.quantity), Money.of(l.unitPrice, currency),
                plain(l.discountPercent), Money.of(l.subtotal, currency), Money.of(l.discount, currency),
                Money.of(l.total, currency));
    }

    /** 12.5000 as 12.5 and 10.0000 as 10 (never 1E+1). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
