package dev.salesplatform.analytics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rate with what it is made of: value = numerator / denominator as a decimal string with 4 places
 * (half-even), or null when the denominator is 0.
 */
@Schema(name = "Rate", example = "{\"numerator\": 20, \"denominator\": 100, \"value\": \"0.2000\"}")
public record Rate(long numerator, long denominator,
                   @Schema(type = SchemaType.STRING, nullable = true, example = "0.2000") String value) {

    public static Rate of(long numerator, long denominator) {
        return new Rate(numerator, denominator, denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_EVEN)
                .toPlainString());
    }
}
