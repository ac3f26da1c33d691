package dev.salesplatform.lead.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The columns of a CSV import: each flat column name and the field of the lead it fills
 * ({@code companyEmployees} -> {@code company.employees}), with how its cell is read.
 */
public enum ImportColumn {
    FIRST_NAME("firstName", "firstName", Kind.TEXT, true),
    LAST_NAME("lastName", "lastName", Kind.TEXT, true),
    EMAIL("email", "email", Kind.TEXT, true),
    PHONE("phone", "phone", Kind.TEXT, false),
    TITLE("title", "title", Kind.TEXT, false),
    COMPANY_NAME("companyName", "company.name", Kind.TEXT, false),
    COMPANY_WEBSITE("companyWebsite", "company.website", Kind.TEXT, false),
    COMPANY_EMPLOYEES("companyEmployees", "company.employees", Kind.WHOLE_NUMBER, false),
    COMPANY_INDUSTRY("companyIndustry", "company.industry", Kind.TEXT, false),
    SOURCE("source", "source", Kind.SOURCE, true),
    UTM_SOURCE("utmSource", "attribution.utmSource", Kind.TEXT, false),
    UTM_MEDIUM("utmMedium", "attribution.utmMedium", Kind.TEXT, false),
    UTM_CAMPAIGN("utmCampaign", "attribution.utmCampaign", Kind.TEXT, false),
    UTM_TERM("utmTerm", "attribution.utmTerm", Kind.TEXT, false),
    UTM_CONTENT("utmContent", "attribution.utmContent", Kind.TEXT, false),
    LANDING_PAGE("landingPage", "attribution.landingPage", Kind.TEXT, false),
    REFERRER("referrer", "attribution.referrer", Kind.TEXT, false),
    ESTIMATED_AMOUNT("estimatedAmount", "estimatedValue.amount", Kind.DECIMAL, false),
    ESTIMATED_CURRENCY("estimatedCurrency", "estimatedValue.currency", Kind.TEXT, false),
    NOTES("notes", "notes", Kind.TEXT, false);

    public static final String WHOLE_NUMBER_MESSAGE = "must be a whole number";
    public static final String DECIMAL_MESSAGE = "must be a decimal number";
    public static final String SOURCE_MESSAGE = "must be one of " + Arrays.toString(LeadSource.values());

    private static final Pattern WHOLE_NUMBER_PATTERN = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL_PATTERN = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)");

    /** How a cell becomes a value. */
    enum Kind {
        TEXT, WHOLE_NUMBER, DECIMAL, SOURCE
    }

    private final String header;
    private final String field;
    private final List<String> path;
    private final Kind kind;
    private final boolean required;

    ImportColumn(String header, String field, Kind kind, boolean required) {
        this.header = header;
        this.field = field;
        this.path = List.of(field.split("\\."));
        this.kind = kind;
        this.required = required;
    }

    /** The column name in the header row. */
    public String header() {
        return header;
    }

    /** The field path in the lead, as row errors name it. */
    public String field() {
        return field;
    }

    List<String> path() {
        return path;
    }

    /** Whether the header must have this column (a row may still leave the cell empty and fail validation). */
    public boolean required() {
        return required;
    }

    /** The column a header name means, ignoring case and surrounding spaces. */
    public static Optional<ImportColumn> byHeader(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (ImportColumn column : values()) {
            if (column.header.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /** The value of a non-blank, stripped cell; an unreadable one throws {@link IllegalArgumentException} with its message. */
    Object read(String cell) {
        return switch (kind) {
            case TEXT -> cell;
            case WHOLE_NUMBER -> {
                if (!WHOLE_NUMBER_PATTERN.matcher(cell).matches() || cell.length() > 11) {
                    throw new IllegalArgumentException(WHOLE_NUMBER_MESSAGE);
                }
                long value = Long.parseLong(cell);
                if (value != (int) value) {
                    throw new IllegalArgumentException(WHOLE_NUMBER_MESSAGE);
                }
                yield (int) value;
            }
            // Plain notation only: nobody writes "1e3" as an amount in a spreadsheet.
            case DECIMAL -> {
                if (!DECIMAL_PATTERN.matcher(cell).matches()) {
                    throw new IllegalArgumentException(DECIMAL_MESSAGE);
                }
                yield new BigDecimal(cell);
            }
            case SOURCE -> {
                for (LeadSource source : LeadSource.values()) {
                    if (source.name().equals(cell)) {
                        yield source.name();
                    }
                }
                throw new IllegalArgumentException(SOURCE_MESSAGE);
            }
        };
    }
}
