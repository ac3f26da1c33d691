package dev.salesplatform.customersuccess.domain;

import java.time.LocalDate;

/**
 * A contract's term: in force on [startDate, endDate), endDate = startDate + termMonths (exclusive,
 * so a renewal starting on endDate leaves no gap and no overlap). Its renewal is due on endDate and
 * opens {@code openDaysBefore} days earlier.
 */
public final class ContractTerm {

    public static final int MIN_MONTHS = 1;
    public static final int MAX_MONTHS = 120;
    /**
     * Contracts one customer holds in force at most: every one of them is copied into the customer's
     * churn event, which must stay a small message.
     */
    public static final int MAX_IN_FORCE = 100;

    private ContractTerm() {
    }

    public static LocalDate endDate(LocalDate startDate, int termMonths) {
        if (termMonths < MIN_MONTHS || termMonths > MAX_MONTHS) {
            throw new IllegalArgumentException("a term is 1 to 120 months, not " + termMonths);
        }
        return startDate.plusMonths(termMonths);
    }

    /** The first day the renewal of a contract ending (exclusively) on {@code endDate} is open. */
    public static LocalDate renewalOpensOn(LocalDate endDate, int openDaysBefore) {
        return endDate.minusDays(openDaysBefore);
    }

    /** Whether, on {@code today}, the renewal of a contract ending on {@code endDate} should be open. */
    public static boolean renewalDue(LocalDate endDate, int openDaysBefore, LocalDate today) {
        return !today.isBefore(renewalOpensOn(endDate, openDaysBefore));
    }
}
