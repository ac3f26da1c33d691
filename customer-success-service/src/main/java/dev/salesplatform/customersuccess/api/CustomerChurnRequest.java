package dev.salesplatform.customersuccess.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.customersuccess.domain.ChurnReason;

/** Why a customer leaves outside a renewal. */
@Schema(name = "CustomerChurnRequest", example = "{\"reason\": \"COMPETITOR\", \"note\": \"Moved to a cheaper tool\"}")
public record CustomerChurnRequest(@NotNull ChurnReason reason, @Size(max = 2000) String note) {
}
