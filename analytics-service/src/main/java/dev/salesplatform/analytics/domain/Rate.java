package dev.salesplatform.analytics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A rate with what it is made of: value = numerator / denominator as a decimal string with 4 places
 * (half-even), or null when the denominator is 0.
 */
public record Rate(long numerator, long denominator, String value) {

    public static Rate of(long numerator, long denominator) {
        return new Rate(numerator, denominator, denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_EVEN)
                .toPlainString());
    }
}
