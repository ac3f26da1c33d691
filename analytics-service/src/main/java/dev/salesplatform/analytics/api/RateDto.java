package dev.salesplatform.analytics.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.analytics.domain.Rate;

/** A rate with what it is made of: value = numerator / denominator, 4 places (half-even), null on a 0 denominator. */
@Schema(name = "Rate", example = "{\"numerator\": 20, \"denominator\": 100, \"value\": \"0.2000\"}")
public record RateDto(long numerator, long denominator,
                      @Schema(type = SchemaType.STRING, nullable = true, example = "0.2000") String value) {

    static RateDto of(Rate rate) {
        return new RateDto(rate.numerator(), rate.denominator(), rate.value());
    }
}
