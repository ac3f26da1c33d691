package dev.salesplatform.deal.api;

import dev.salesplatform.deal.service.ProposalDraft;
import dev.salesplatform.deal.service.ProposalView;

/** Between the proposal API's request and response records and the proposal use cases' own types. */
final class ProposalDtoMapper {

    private ProposalDtoMapper() {
    }

    static ProposalDraft draft(CreateProposalRequest request) {
        return new ProposalDraft(request.lines().stream().map(line -> new ProposalDraft.Line(line.product(),
                line.description(), line.quantity(), line.unitPrice(), line.discountPercent())).toList(),
                request.validUntil(), request.notes());
    }

    static ProposalResponse response(ProposalView p) {
        return new ProposalResponse(p.id(), p.dealId(), p.number(), p.status(), p.lines().stream()
                .map(l -> new ProposalResponse.Line(l.product(), l.description(), l.quantity(), l.unitPrice(),
                        l.discountPercent(), l.subtotal(), l.discount(), l.total())).toList(),
                p.subtotal(), p.discount(), p.total(), p.validUntil(), p.notes(), p.rejectionReason(), p.createdBy(),
                p.createdAt(), p.sentAt(), p.decidedBy(), p.decidedAt());
    }
}
