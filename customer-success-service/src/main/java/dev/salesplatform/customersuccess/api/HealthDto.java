package dev.salesplatform.customersuccess.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.customersuccess.domain.HealthBand;

/** Health score 0-100, its band and the reasons (docs/customer-health.md), as of {@code computedOn}. */
@Schema(name = "CustomerHealth")
public record HealthDto(int score, HealthBand band, List<Reason> reasons, LocalDate computedOn) {

    /** One factor's contribution: a stable code, its points, and why in words. */
    @Schema(name = "HealthReason")
    public record Reason(String code, int points, String text) {
    }
}
