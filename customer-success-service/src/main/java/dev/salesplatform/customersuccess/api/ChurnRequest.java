package dev.salesplatform.customersuccess.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.customersuccess.domain.ChurnReason;

@Schema(name = "Churn", example = "{\"reason\": \"COMPETITOR\", \"note\": \"Moved to a cheaper tool\"}")
public record ChurnRequest(@NotNull ChurnReason reason, @Size(max = 2000) String note) {
}
