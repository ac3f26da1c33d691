package dev.salesplatform.customersuccess.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who becomes the customer's CSM. */
@Schema(name = "CustomerAssignmentRequest", example = "{\"csmId\": \"00000000-0000-7000-8000-000000000005\"}")
public record AssignRequest(@NotNull UUID csmId) {
}
