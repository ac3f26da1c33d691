package dev.salesplatform.deal.messaging;

import java.time.LocalDate;
import java.util.UUID;

import dev.salesplatform.deal.domain.ProposalStatus;
import dev.salesplatform.kit.money.Money;

/** Payload of {@code deal.proposal-changed.v1}: a proposal version was drafted, sent, accepted or rejected. */
public record DealProposalChangedV1(UUID dealId, UUID ownerId, UUID proposalId, int number, ProposalStatus status,
                                    Money subtotal, Money discount, Money total, int lineCount,
                                    LocalDate validUntil, String rejectionReason) {
}
