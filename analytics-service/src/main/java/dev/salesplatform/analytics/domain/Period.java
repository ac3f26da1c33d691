package dev.salesplatform.analytics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

import dev.salesplatform.kit.input.InputRules;

/**
 * A half-open period {@code [from, to)} in UTC on event time. Bounds are ISO-8601 instants or dates
 * (a date means its start, 00:00 UTC). Without bounds: the current calendar month.
 */
public record Period(Instant from, Instant to) {

    public Period {
        if (!from.isBefore(to)) {
            throw new InvalidPeriodException("to", "must be after from");
        }
    }

    public static Period parse(String from, String to, Instant now) {
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
        Instant start = from == null || from.isBlank()
                ? month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant() : bound(from, "from");
        Instant end = to == null || to.isBlank()
                ? month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant() : bound(to, "to");
        return new Period(start, end);
    }

    public boolean contains(Instant time) {
        return !time.isBefore(from) && time.isBefore(to);
    }

    /** A bound that is malformed or out of order; names the parameter at fault. */
    public static final class InvalidPeriodException extends IllegalArgumentException {

        private final String field;

        InvalidPeriodException(String field, String message) {
            super(field + " " + message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private static Instant bound(String value, String name) {
        Instant bound;
        if (value.length() == 10) {
            LocalDate date = InputRules.parseDate(value);
            bound = date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
        } else {
            bound = InputRules.parseBound(value);
        }
        if (bound == null) {
            throw new InvalidPeriodException(name, "must be an ISO-8601 date or instant (UTC) in the years "
                    + InputRules.MIN_YEAR + " to " + InputRules.MAX_YEAR);
        }
        return bound;
    }
}
