package dev.salesplatform.lead.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header row of a CSV import: which {@link ImportColumn} each position holds. It turns a data row's
 * cells into the nested fields of a lead (empty cells are absent), or into the row's errors.
 */
public final class ImportCsvHeader {

    /** The header is row 1; the first data row is row 2. */
    public static final int HEADER_ROW = 1;

    private final List<ImportColumn> columns;

    private ImportCsvHeader(List<ImportColumn> columns) {
        this.columns = List.copyOf(columns);
    }

    /**
     * Reads the header row. Columns may come in any order; unknown, repeated and missing required columns
     * reject the header with one error per column.
     */
    public static ImportCsvHeader parse(String[] names) {
        List<ImportRowError> errors = new ArrayList<>();
        List<ImportColumn> columns = new ArrayList<>();
        Set<ImportColumn> seen = EnumSet.noneOf(ImportColumn.class);
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip();
            ImportColumn column = ImportColumn.byHeader(name).orElse(null);
            if (column == null) {
                errors.add(new ImportRowError(HEADER_ROW, name.isEmpty() ? "column " + (i + 1) : name,
                        name.isEmpty() ? "has no name" : "is not a known column"));
            } else if (!seen.add(column)) {
                errors.add(new ImportRowError(HEADER_ROW, name, "appears more than once"));
            }
            columns.add(column);
        }
        for (ImportColumn column : ImportColumn.values()) {
            if (column.required() && !seen.contains(column)) {
                errors.add(new ImportRowError(HEADER_ROW, column.header(), "is a required column"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportHeaderException(errors);
        }
        return new ImportCsvHeader(columns);
    }

    public List<ImportColumn> columns() {
        return columns;
    }

    /** A row whose cells are all empty, such as a blank line: it is skipped, not counted. */
    public static boolean isBlank(String[] cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The lead of one data row as nested fields, e.g. {@code {"company": {"employees": 120}}}, or its errors. */
    public Row read(int row, String[] cells) {
        if (cells.length > columns.size()) {
            return new Row(Map.of(), List.of(new ImportRowError(row, null,
                    "has " + cells.length + " cells but the header has " + columns.size() + " columns")));
        }
        Map<String, Object> lead = new LinkedHashMap<>();
        List<ImportRowError> errors = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].strip();
            if (cell.isEmpty()) {
                continue;
            }
            ImportColumn column = columns.get(i);
            try {
                put(lead, column.path(), column.read(cell));
            } catch (IllegalArgumentException e) {
                errors.add(new ImportRowError(row, column.field(), e.getMessage()));
            }
        }
        return new Row(lead, errors);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> lead, List<String> path, Object value) {
        Map<String, Object> node = lead;
        for (String name : path.subList(0, path.size() - 1)) {
            node = (Map<String, Object>) node.computeIfAbsent(name, ignored -> new LinkedHashMap<String, Object>());
        }
        node.put(path.get(path.size() - 1), value);
    }

    /**
     * One data row read against the header.
     *
     * @param lead   the fields that had a value (a cell that could not be read is left out)
     * @param errors the cells that could not be read, or the row as a whole
     */
    public record Row(Map<String, Object> lead, List<ImportRowError> errors) {

        public Row {
            errors = List.copyOf(errors);
        }
    }
}
