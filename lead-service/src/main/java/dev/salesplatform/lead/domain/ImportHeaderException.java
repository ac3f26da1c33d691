package dev.salesplatform.lead.domain;

import java.util.List;

/** The header row of a CSV import names columns that do not exist, repeats one, or lacks a required one. */
public class ImportHeaderException extends RuntimeException {

    private final transient List<ImportRowError> errors;

    public ImportHeaderException(List<ImportRowError> errors) {
        super(errors.size() + " problem(s) with the CSV header");
        this.errors = List.copyOf(errors);
    }

    /** One per column: {@code field} is the column name as written. */
    public List<ImportRowError> errors() {
        return errors;
    }
}
