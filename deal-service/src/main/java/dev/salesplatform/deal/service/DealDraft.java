package dev.salesplatform.deal.service;

import java.util.UUID;

/** Opens a deal: its fields, the pipeline (null: the default one) and the owner (null: the caller). */
public record DealDraft(DealEdit fields, UUID pipelineId, UUID ownerId) {
}
