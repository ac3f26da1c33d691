package dev.salesplatform.kit.input;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one set of rules every service applies to what a caller sends, in a body, a query or a path:
 * only what PostgreSQL stores and gives back identically is accepted. Text holds no NUL or other
 * control character (tab, line feed and carriage return excepted) and no half of a surrogate pair,
 * and is kept without surrounding whitespace (a blank member is absent); dates and instants lie in
 * the years {@value #MIN_YEAR} to {@value #MAX_YEAR}, instants to the microsecond; an id is a UUID in
 * its 8-4-4-4-12 form; a decimal has at most {@value #MAX_DIGITS} digits and an exponent within
 * ±{@value #MAX_DIGITS}. Each check answers why a value breaks the rule, or null when it keeps it.
 */
public final class InputRules {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 9999;
    public static final LocalDate MIN_DATE = LocalDate.of(MIN_YEAR, 1, 1);
    public static final LocalDate MAX_DATE = LocalDate.of(MAX_YEAR, 12, 31);
    public static final int MAX_DIGITS = 100;

    public static final String DATE_RULE = "must be a date yyyy-MM-dd in the years " + MIN_YEAR + " to " + MAX_YEAR
            + ", such as 2027-03-31";
    public static final String INSTANT_RULE = "must be an ISO-8601 instant in the years " + MIN_YEAR + " to " + MAX_YEAR
            + " with at most microseconds, such as 2026-11-01T00:00:00Z";
    public static final String BOUND_RULE = "must be an ISO-8601 instant in the years " + MIN_YEAR + " to " + MAX_YEAR
            + ", such as 2026-11-01T00:00:00Z";
    public static final String DECIMAL_RULE = "must be a decimal number of at most " + MAX_DIGITS + " digits";
    public static final String ID_RULE = "must be a UUID such as 0199a3c2-7d1e-7c4a-9f1e-2b7d4c1a9e01";

    private static final Instant MIN_INSTANT = MIN_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant MAX_INSTANT = MAX_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private InputRules() {
    }

    /** Why {@code text} cannot be stored as it is, or null. */
    public static String textViolation(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "must not contain the NUL character (U+0000)";
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return "must not contain control characters (U+%04X)".formatted((int) c);
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "must not contain half of a surrogate pair";
            }
        }
        return null;
    }

    /**
     * Text as it is kept: without surrounding whitespace, and a blank member is absent (null); a blank
     * item of a list stays an empty item, so that the list keeps its length.
     */
    public static String normalText(String text, boolean listItem) {
        String stripped = text.strip();
        return stripped.isEmpty() && !listItem ? null : stripped;
    }

    /** The date {@code text} names, or null when it is not a date within the rule. */
    public static LocalDate parseDate(String text) {
        if (!DATE.matcher(text).matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text, STRICT_DATE);
            return inRange(date) ? date : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The instant {@code text} names, or null when it is not an instant within the rule. */
    public static Instant parseInstant(String text) {
        Instant instant = parseBound(text);
        return instant != null && inRange(instant) ? instant : null;
    }

    /**
     * The instant a query bound names, within the years of the rule at any precision: a bound is
     * compared, not stored, and clocks tell nanoseconds.
     */
    public static Instant parseBound(String text) {
        try {
            Instant instant = Instant.parse(text);
            return inYears(instant) ? instant : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static boolean inRange(LocalDate date) {
        return !date.isBefore(MIN_DATE) && !date.isAfter(MAX_DATE);
    }

    public static boolean inRange(Instant instant) {
        return inYears(instant) && instant.getNano() % 1_000 == 0;
    }

    /** Within the years of the rule, at any precision (for times the platform's own clocks tell). */
    public static boolean inYears(Instant instant) {
        return !instant.isBefore(MIN_INSTANT) && instant.isBefore(MAX_INSTANT);
    }

    /** The id {@code text} names in the canonical 8-4-4-4-12 form, or null. */
    public static UUID parseId(String text) {
        if (!ID.matcher(text).matches()) {
            return null;
        }
        return UUID.fromString(text);
    }

    /** The decimal {@code text} names, or null when it is not a decimal within the rule. */
    public static BigDecimal parseDecimal(String text) {
        // Parsing grows faster than the text: what cannot be within the rule is not parsed at all. BigDecimal
        // also reads any script's digits ("１２"), which would read back as others.
        if (text.length() > MAX_DIGITS + 10 || !DECIMAL.matcher(text).matches()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            return inRange(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static boolean inRange(BigDecimal value) {
        return value.precision() <= MAX_DIGITS && Math.abs(value.scale()) <= MAX_DIGITS;
    }
}
