package dev.salesplatform.deal.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Moves an open deal to another open stage of its pipeline. */
@Schema(name = "MoveStage", example = "{\"stage\": \"DEMO\"}")
public record MoveStageRequest(@NotBlank @Size(max = 40) String stage) {
}
