package dev.salesplatform.deal.api;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new pipeline: its stages in order, the closing won and lost stages last. */
@Schema(name = "CreatePipeline", example = """
        {"name": "Enterprise", "stages": [
          {"code": "DISCOVERY", "name": "Discovery", "winProbability": 0.10},
          {"code": "PILOT", "name": "Pilot", "winProbability": 0.50},
          {"code": "CLOSED_WON", "name": "Closed won", "winProbability": 1.00, "closed": true, "won": true},
          {"code": "CLOSED_LOST", "name": "Closed lost", "winProbability": 0.00, "closed": true, "won": false}]}""")
public record CreatePipelineRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull @Size(min = 3, max = 20) List<@NotNull @Valid Stage> stages) {

    @Schema(name = "PipelineStageInput")
    public record Stage(
            @NotBlank @Pattern(regexp = "^[A-Z][A-Z0-9_]{0,39}$", message = "must be UPPER_SNAKE_CASE, up to 40 characters")
            String code,
            @NotBlank @Size(max = 100) String name,
            @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 2) BigDecimal winProbability,
            boolean closed,
            boolean won) {
    }
}
