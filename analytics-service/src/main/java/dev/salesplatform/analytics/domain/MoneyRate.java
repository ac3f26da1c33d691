package dev.salesplatform.analytics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A rate of two amounts in one currency (decimal strings); value has 4 places (half-even), null on a 0 denominator. */
public record MoneyRate(String numerator, String denominator, String value) {

    public static MoneyRate of(BigDecimal numerator, BigDecimal denominator) {
        return new MoneyRate(numerator.toPlainString(), denominator.toPlainString(), denominator.signum() == 0 ? null
                : numerator.divide(denominator, 4, RoundingMode.HALF_EVEN).toPlainString());
    }
}
