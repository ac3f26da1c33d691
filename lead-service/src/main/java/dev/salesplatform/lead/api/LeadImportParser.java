package dev.salesplatform.lead.api;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import dev.salesplatform.kit.input.InputRulesModule;
import dev.salesplatform.kit.problem.JsonProblems;
import dev.salesplatform.kit.problem.Problem;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.lead.domain.ImportColumn;
import dev.salesplatform.lead.domain.ImportCsvHeader;
import dev.salesplatform.lead.domain.ImportFormat;
import dev.salesplatform.lead.domain.ImportHeaderException;
import dev.salesplatform.lead.domain.ImportRowError;
import dev.salesplatform.lead.service.LeadImportService.RowHandler;

/**
 * Reads the body of an import row by row, as it arrives: only one row is in memory at a time. Each row
 * is read as a {@link CreateLeadRequest} validated exactly like {@code POST /leads}, and handed on as the
 * lead it drafts, or as its errors.
 * <p>
 * A body that cannot be read before its first row (empty, not a JSON array, a bad CSV header, malformed)
 * is refused with 400. A body that breaks off later ends the reading at that row: the rows before it stand.
 */
@ApplicationScoped
public class LeadImportParser {

    /** Far above any field's limit; only guards memory against one giant value. */
    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxStringLength(100_000).maxNestingDepth(20).build();
    // The body stays open after parsing: the caller reads what is left of it.
    private static final ObjectReader CSV_ROWS = CsvMapper.builder(CsvFactory.builder()
                    .streamReadConstraints(CONSTRAINTS).disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build())
            .build().readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY);

    private static final Comparator<ImportRowError> BY_FIELD = Comparator
            .comparing(ImportRowError::field, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(ImportRowError::message);

    private final Validator validator;
    private final ObjectMapper json;

    @Inject
    public LeadImportParser(ObjectMapper mapper, Validator validator) {
        this.validator = validator;
        json = mapper.copy();
        json.getFactory().setStreamReadConstraints(CONSTRAINTS).disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    }

    /**
     * Hands every row of {@code body} to {@code handler}; returns null when the body was read to its end,
     * or the error of the row where it broke off (no row after it is read). {@code body} is left open.
     */
    public ImportRowError parse(InputStream body, ImportFormat format, Charset charset, RowHandler handler)
            throws IOException {
        return format == ImportFormat.CSV ? parseCsv(body, charset, handler) : parseJson(body, handler);
    }

    private ImportRowError parseCsv(InputStream body, Charset charset, RowHandler handler) throws IOException {
        // Without a declared charset (or with UTF-8) the reader detects UTF-8 and skips a byte order mark.
        try (MappingIterator<String[]> records = charset == null || charset.equals(StandardCharsets.UTF_8)
                ? CSV_ROWS.readValues(body) : CSV_ROWS.readValues(new InputStreamReader(body, charset))) {
            ImportCsvHeader header = header(records);
            int row = ImportCsvHeader.HEADER_ROW;
            int read = 0;
            while (true) {
                String[] cells;
                try {
                    if (!records.hasNextValue()) {
                        return null;
                    }
                    cells = records.nextValue();
                } catch (JsonProcessingException | CharConversionException e) {
                    return brokenAt(row + 1, read, "is not valid CSV: " + reason(e));
                }
                row++;
                if (ImportCsvHeader.isBlank(cells)) {
                    continue;
                }
                read++;
                ImportCsvHeader.Row cellsRead = header.read(row, cells);
                CreateLeadRequest lead = json.convertValue(cellsRead.lead(), CreateLeadRequest.class);
                List<ImportRowError> errors = new ArrayList<>(cellsRead.errors());
                Set<String> unreadable = new HashSet<>();
                cellsRead.errors().forEach(error -> unreadable.add(error.field()));
                if (!unreadable.contains(null)) {
                    // A cell that could not be read is absent, so its "must not be null" would say it twice.
                    validate(row, lead).stream().filter(error -> !unreadable.contains(error.field())).forEach(errors::add);
                }
                errors.sort(BY_FIELD);
                handler.row(row, errors.isEmpty() ? LeadDtoMapper.draft(lead) : null, errors);
            }
        }
    }

    private static ImportCsvHeader header(MappingIterator<String[]> records) throws IOException {
        String[] names;
        try {
            if (!records.hasNextValue()) {
                throw empty();
            }
            names = records.nextValue();
        } catch (JsonProcessingException | CharConversionException e) {
            throw malformed("The CSV header row is not valid CSV: " + reason(e));
        }
        try {
            return ImportCsvHeader.parse(names);
        } catch (ImportHeaderException e) {
            List<Problem.FieldError> errors = e.errors().stream()
                    .map(error -> new Problem.FieldError(error.field(), error.message())).toList();
            String detail = "The CSV header is not valid: " + String.join("; ", errors.stream()
                    .map(error -> "'" + error.field() + "' " + error.message()).toList());
            // Problem's errors[] takes a single field through the kit's helper; every column is listed here.
            throw new ProblemException(400, "invalid-csv-header", "Invalid CSV header", detail)
                    .with("columnErrors", errors)
                    .with("knownColumns", Arrays.stream(ImportColumn.values()).map(ImportColumn::header).toList());
        }
    }

    private ImportRowError parseJson(InputStream body, RowHandler handler) throws IOException {
        try (JsonParser parser = json.getFactory().createParser(body)) {
            JsonToken first;
            try {
                first = parser.nextToken();
            } catch (JsonProcessingException | CharConversionException e) {
                throw malformed("The request body is not valid JSON: " + reason(e));
            }
            if (first == null) {
                throw empty();
            }
            if (first != JsonToken.START_ARRAY) {
                throw malformed("The request body must be a JSON array of leads");
            }
            int read = 0;
            while (true) {
                JsonNode element;
                try {
                    JsonToken next = parser.nextToken();
                    if (next == JsonToken.END_ARRAY) {
                        return parser.nextToken() == null
                                ? null : brokenAt(read + 1, read, "is not valid JSON: content after the end of the array");
                    }
                    if (next == null) {
                        return brokenAt(read + 1, read, "is not valid JSON: the array is not closed");
                    }
                    element = parser.readValueAsTree();
                } catch (JsonProcessingException | CharConversionException e) {
                    return brokenAt(read + 1, read, "is not valid JSON: " + reason(e));
                }
                read++;
                handleJson(read, element, handler);
            }
        }
    }

    private void handleJson(int row, JsonNode element, RowHandler handler) {
        if (!element.isObject()) {
            handler.row(row, null, List.of(new ImportRowError(row, null, "must be a JSON object")));
            return;
        }
        CreateLeadRequest lead;
        try {
            lead = json.treeToValue(element, CreateLeadRequest.class);
        } catch (JsonProcessingException e) {
            handler.row(row, null, List.of(mappingError(row, e)));
            return;
        }
        List<ImportRowError> errors = validate(row, lead);
        handler.row(row, errors.isEmpty() ? LeadDtoMapper.draft(lead) : null, errors);
    }

    private List<ImportRowError> validate(int row, CreateLeadRequest lead) {
        List<ImportRowError> errors = new ArrayList<>();
        for (ConstraintViolation<CreateLeadRequest> violation : validator.validate(lead)) {
            errors.add(new ImportRowError(row, violation.getPropertyPath().toString(), violation.getMessage()));
        }
        errors.sort(BY_FIELD);
        return errors;
    }

    /** A JSON row whose value cannot become a lead: names the field, as {@code POST /leads} would. */
    static ImportRowError mappingError(int row, JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return new ImportRowError(row, null, "is not a lead object");
        }
        String field = JsonProblems.path(mapping);
        if (mapping instanceof UnrecognizedPropertyException) {
            return new ImportRowError(row, field, "is not a known field");
        }
        if (mapping instanceof InputRulesModule.Violation violation) {
            return new ImportRowError(row, field, violation.rule());
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target.isEnum()) {
                return new ImportRowError(row, field, "must be one of " + Arrays.toString(target.getEnumConstants()));
            }
            if (target == Integer.class || target == int.class) {
                return new ImportRowError(row, field, ImportColumn.WHOLE_NUMBER_MESSAGE);
            }
            if (target == BigDecimal.class) {
                return new ImportRowError(row, field, ImportColumn.DECIMAL_MESSAGE);
            }
        }
        return new ImportRowError(row, field, mapping instanceof MismatchedInputException
                ? "has the wrong type" : "has the wrong format");
    }


    /** The parser's own words, without the location details that name internal types. */
    private static String reason(IOException e) {
        return e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : "bad character encoding";
    }

    private static ImportRowError brokenAt(int row, int rowsRead, String message) {
        if (rowsRead == 0) {
            throw malformed("Row " + row + " " + message);
        }
        return new ImportRowError(row, null, message);
    }

    private static ProblemException empty() {
        return ProblemException.badRequest("The request body is empty; send a CSV header row and rows, or a JSON array of leads");
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(400, "malformed-body", "Malformed request body", detail);
    }
}
