package dev.salesplatform.analytics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.salesplatform.kit.input.InputRules;

/**
 * A target and rep-review period: a calendar month ({@code 2027-03}) or quarter ({@code 2027-Q1}), UTC,
 * in the years {@link InputRules} allows for dates.
 */
public record RepPeriod(Kind kind, LocalDate start) {

    public enum Kind { MONTH, QUARTER }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    /** Parses {@code 2027-03} or {@code 2027-Q1}; null for anything else, a year outside the rule included. */
    public static RepPeriod parse(String value) {
        if (value == null) {
            return null;
        }
        Matcher quarter = QUARTER.matcher(value);
        if (quarter.matches()) {
            return of(Kind.QUARTER, Integer.parseInt(quarter.group(1)), (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1);
        }
        Matcher month = MONTH.matcher(value);
        if (month.matches()) {
            int number = Integer.parseInt(month.group(2));
            return number < 1 || number > 12 ? null : of(Kind.MONTH, Integer.parseInt(month.group(1)), number);
        }
        return null;
    }

    private static RepPeriod of(Kind kind, int year, int month) {
        return year < InputRules.MIN_YEAR || year > InputRules.MAX_YEAR ? null
                : new RepPeriod(kind, LocalDate.of(year, month, 1));
    }

    public static RepPeriod currentMonth(Instant now) {
        return new RepPeriod(Kind.MONTH, YearMonth.from(now.atZone(ZoneOffset.UTC)).atDay(1));
    }

    public LocalDate end() {
        return start.plusMonths(kind == Kind.MONTH ? 1 : 3);
    }

    public RepPeriod previous() {
        return new RepPeriod(kind, start.minusMonths(kind == Kind.MONTH ? 1 : 3));
    }

    public Period asPeriod() {
        return new Period(start.atStartOfDay(ZoneOffset.UTC).toInstant(), end().atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Override
    public String toString() {
        return kind == Kind.MONTH ? YearMonth.from(start).toString()
                : start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
    }
}
