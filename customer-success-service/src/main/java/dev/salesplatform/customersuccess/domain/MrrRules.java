package dev.salesplatform.customersuccess.domain;

import java.math.BigDecimal;

import dev.salesplatform.kit.money.Money;

/**
 * MRR arithmetic: a contract's MRR moves by a positive delta and never goes below zero or above
 * what the database column holds. Amounts are in their currency's minor units ({@link Money}'s rule).
 */
public final class MrrRules {

    /** The largest MRR a contract holds: the largest amount of money any service accepts. */
    public static final BigDecimal MAX = Money.MAX;

    private MrrRules() {
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
