package dev.salesplatform.analytics.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.analytics.domain.TargetMetric;

@Schema(name = "Target")
public record TargetDto(UUID repId, @Schema(example = "2027-Q1") String period, TargetMetric metric,
                        @Schema(example = "120000.00") String value, String currency, String setBy, Instant setAt) {
}
