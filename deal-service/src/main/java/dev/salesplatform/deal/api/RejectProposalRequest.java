package dev.salesplatform.deal.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why the customer turned a proposal down. */
@Schema(name = "RejectProposal", example = "{\"reason\": \"Over budget this year\"}")
public record RejectProposalRequest(@Schema(description = "Up to 500 characters") @Size(max = 500) String reason) {
}
