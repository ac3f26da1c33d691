package dev.salesplatform.analytics.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.analytics.domain.MoneyRate;

/** A rate of two amounts in one currency (decimal strings); value has 4 places (half-even), null on a 0 denominator. */
@Schema(name = "MoneyRate", example = "{\"numerator\": \"95000.00\", \"denominator\": \"100000.00\", \"value\": \"0.9500\"}")
public record MoneyRateDto(String numerator, String denominator, String value) {

    /** Null for null: a rate without a target or without MRR. */
    static MoneyRateDto of(MoneyRate rate) {
        return rate == null ? null : new MoneyRateDto(rate.numerator(), rate.denominator(), rate.value());
    }
}
