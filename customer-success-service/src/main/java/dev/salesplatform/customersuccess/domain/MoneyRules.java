package dev.salesplatform.customersuccess.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * MRR arithmetic: amounts carry their currency's minor units (EUR 2, JPY 0, BHD 3) and never go
 * below zero or above what the database column holds.
 */
public final class MoneyRules {

    /** The largest MRR a contract holds: the largest amount of money any service accepts. */
    public static final BigDecimal MAX = new BigDecimal("999999999999.99");

    private MoneyRules() {
    }

    /** Minor units of an ISO-4217 code; {@link IllegalArgumentException} for an unknown code. */
    public static int scale(String currency) {
        Currency known;
        try {
            known = Currency.getInstance(currency);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("not an ISO-4217 currency: " + currency);
        }
        int digits = known.getDefaultFractionDigits();
        // Pseudo-currencies such as XXX have no minor unit defined.
        return digits < 0 ? 2 : digits;
    }

    /** An amount read from another service: rounded half-even to the currency's minor units. */
    public static BigDecimal round(BigDecimal amount, String currency) {
        return amount.setScale(scale(currency), RoundingMode.HALF_EVEN);
    }

    /**
     * An amount a caller sent: exact in the currency's minor units ({@link IllegalArgumentException}
     * for more decimals than it has, e.g. cents of yen).
     */
    public static BigDecimal exact(BigDecimal amount, String currency) {
        int scale = scale(currency);
        if (amount.stripTrailingZeros().scale() > scale) {
            throw new IllegalArgumentException(currency + " amounts have at most " + scale + " decimals");
        }
        return amount.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /** MRR after an expansion by {@code delta} (positive); {@link IllegalArgumentException} beyond {@link #MAX}. */
    public static BigDecimal expand(BigDecimal mrr, BigDecimal delta) {
        requirePositive(delta);
        BigDecimal after = mrr.add(delta);
        if (after.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("MRR would exceed " + MAX.toPlainString());
        }
        return after;
    }

    /** MRR after a contraction by {@code delta} (positive); {@link IllegalArgumentException} below zero. */
    public static BigDecimal contract(BigDecimal mrr, BigDecimal delta) {
        requirePositive(delta);
        BigDecimal after = mrr.subtract(delta);
        if (after.signum() < 0) {
            throw new IllegalArgumentException("MRR " + mrr.toPlainString() + " cannot drop by " + delta.toPlainString());
        }
        return after;
    }

    private static void requirePositive(BigDecimal delta) {
        if (delta.signum() <= 0) {
            throw new IllegalArgumentException("a movement's delta is positive");
        }
    }
}
