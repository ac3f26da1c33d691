package dev.salesplatform.lead.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ImportCsvHeaderTest {

    private static final String[] ALL = Arrays.stream(ImportColumn.values()).map(ImportColumn::header).toArray(String[]::new);

    @Test
    void everyColumnMapsToItsLeadField() {
        ImportCsvHeader header = ImportCsvHeader.parse(ALL);
        String[] cells = {"Ada", "Lovelace", "ada@example.com", "+44 20 7946 0000", "CTO", "Engines Ltd",
                "https://engines.example", "120", "Computing", "WEB_FORM", "news", "email", "autumn", "term",
                "content", "https://example.com/landing", "https://ref.example", "12000.50", "EUR", "Met at a fair"};
        ImportCsvHeader.Row row = header.read(2, cells);

        assertEquals(List.of(), row.errors());
        assertEquals(Map.of(
                "firstName", "Ada", "lastName", "Lovelace", "email", "ada@example.com", "phone", "+44 20 7946 0000",
                "title", "CTO",
                "company", Map.of("name", "Engines Ltd", "website", "https://engines.example", "employees", 120,
                        "industry", "Computing"),
                "source", "WEB_FORM",
                "attribution", Map.of("utmSource", "news", "utmMedium", "email", "utmCampaign", "autumn",
                        "utmTerm", "term", "utmContent", "content", "landingPage", "https://example.com/landing",
                        "referrer", "https://ref.example"),
                "estimatedValue", Map.of("amount", new BigDecimal("12000.50"), "currency", "EUR"),
                "notes", "Met at a fair"), row.lead());
    }

    @Test
    void columnsComeInAnyOrderAndAnyCase() {
        ImportCsvHeader header = ImportCsvHeader.parse(new String[] {" SOURCE ", "email", "LastName", "firstname", "notes"});
        assertEquals(List.of(ImportColumn.SOURCE, ImportColumn.EMAIL, ImportColumn.LAST_NAME, ImportColumn.FIRST_NAME,
                ImportColumn.NOTES), header.columns());
        assertEquals(Map.of("source", "EVENT", "email", "a@b.example", "lastName", "L", "firstName", "F"),
                header.read(2, new String[] {"EVENT", "a@b.example", "L", "F"}).lead());
    }

    @Test
    void emptyCellsAreAbsentAndCellsAreStripped() {
        ImportCsvHeader header = ImportCsvHeader.parse(new String[] {"firstName", "lastName", "email", "source",
                "companyName", "estimatedAmount"});
        ImportCsvHeader.Row row = header.read(7, new String[] {"  Ada ", "Lovelace", "ada@example.com", "REFERRAL", "", "   "});
        assertEquals(Map.of("firstName", "Ada", "lastName", "Lovelace", "email", "ada@example.com", "source", "REFERRAL"),
                row.lead());
    }

    @Test
    void unknownRepeatedAndMissingColumnsAreAllReported() {
        ImportHeaderException e = assertThrows(ImportHeaderException.class, () -> ImportCsvHeader.parse(
                new String[] {"firstName", "lastName", "email", "email", "ownerId", "", "score"}));
        assertEquals(List.of(
                new ImportRowError(1, "email", "appears more than once"),
                new ImportRowError(1, "ownerId", "is not a known column"),
                new ImportRowError(1, "column 6", "has no name"),
                new ImportRowError(1, "score", "is not a known column"),
                new ImportRowError(1, "source", "is a required column")), e.errors());
    }

    @Test
    void optionalColumnsMayBeLeftOut() {
        ImportCsvHeader header = ImportCsvHeader.parse(new String[] {"firstName", "lastName", "email", "source"});
        assertEquals(4, header.columns().size());
    }

    @Test
    void unreadableCellsAreErrorsOfTheirFieldAndLeftOut() {
        ImportCsvHeader header = ImportCsvHeader.parse(new String[] {"firstName", "lastName", "email", "source",
                "companyEmployees", "estimatedAmount"});
        ImportCsvHeader.Row row = header.read(3, new String[] {"Ada", "Lovelace", "ada@example.com", "web_form", "12.5", "1e3"});
        assertEquals(List.of(
                new ImportRowError(3, "source", ImportColumn.SOURCE_MESSAGE),
                new ImportRowError(3, "company.employees", ImportColumn.WHOLE_NUMBER_MESSAGE),
                new ImportRowError(3, "estimatedValue.amount", ImportColumn.DECIMAL_MESSAGE)), row.errors());
        assertEquals(Map.of("firstName", "Ada", "lastName", "Lovelace", "email", "ada@example.com"), row.lead());
    }

    @Test
    void numbersAreReadStrictly() {
        ImportCsvHeader header = ImportCsvHeader.parse(new String[] {"firstName", "lastName", "email", "source",
                "companyEmployees", "estimatedAmount"});
        for (String employees : new String[] {"abc", "1,000", "2147483648", "99999999999999", "1 000"}) {
            assertEquals(List.of(new ImportRowError(2, "company.employees", ImportColumn.WHOLE_NUMBER_MESSAGE)),
                    header.read(2, new String[] {"a", "b", "c@d.example", "EVENT", employees}).errors(), employees);
        }
        assertEquals(Map.of("employees", 2147483647), header.read(2,
                new String[] {"a", "b", "c@d.example", "EVENT", "2147483647"}).lead().get("company"));
        assertEquals(Map.of("employees", -5), header.read(2,
                new String[] {"a", "b", "c@d.example", "EVENT", "-5"}).lead().get("company"));
        for (String amount : new String[] {"12", "12.", ".5", "-0.01", "+7.25"}) {
            assertEquals(Map.of("amount", new BigDecimal(amount)),
                    header.read(2, new String[] {"a", "b", "c@d.example", "EVENT", "", amount}).lead().get("estimatedValue"),
                    amount);
        }
        for (String amount : new String[] {"12,50", "EUR 12", "NaN", "1e3", "."}) {
            assertEquals(List.of(new ImportRowError(2, "estimatedValue.amount", ImportColumn.DECIMAL_MESSAGE)),
                    header.read(2, new String[] {"a", "b", "c@d.example", "EVENT", "", amount}).errors(), amount);
        }
    }

    @Test
    void aRowWithMoreCellsThanColumnsIsOneErrorOfTheRow() {
        ImportCsvHeader header = ImportCsvHeader.parse(new String[] {"firstName", "lastName", "email", "source"});
        ImportCsvHeader.Row row = header.read(5, new String[] {"a", "b", "c@d.example", "EVENT", "extra"});
        assertEquals(List.of(new ImportRowError(5, null, "has 5 cells but the header has 4 columns")), row.errors());
    }

    @Test
    void aRowWithFewerCellsLeavesTheRestAbsent() {
        ImportCsvHeader header = ImportCsvHeader.parse(new String[] {"firstName", "lastName", "email", "source"});
        assertEquals(Map.of("firstName", "a", "lastName", "b"), header.read(2, new String[] {"a", "b"}).lead());
    }

    @Test
    void blankRowsAreRecognised() {
        assertTrue(ImportCsvHeader.isBlank(new String[] {""}));
        assertTrue(ImportCsvHeader.isBlank(new String[] {" ", "", "\t"}));
        assertFalse(ImportCsvHeader.isBlank(new String[] {"", "x"}));
    }
}
