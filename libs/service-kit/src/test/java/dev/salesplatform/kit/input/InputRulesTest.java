package dev.salesplatform.kit.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.salesplatform.kit.problem.JsonProblems;
import dev.salesplatform.kit.problem.Problem;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.problem.StrictJson;

/**
 * The kit's input rules, on the values a user found stored wrong or answered with 500: every value
 * either reads back exactly or is a 400 naming its member and the rule.
 */
class InputRulesTest {

    record Money(BigDecimal amount, String currency) {
    }

    enum Kind { LEGAL, PRICE }

    record Body(String name, LocalDate day, Instant at, Money money, Integer count, List<String> tags, UUID owner,
                Kind kind, Boolean flag) {
    }

    static final ObjectMapper MAPPER = mapper();

    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        // As in Quarkus: Java time first, the kit's customizer last.
        mapper.registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    static Problem.FieldError refusal(String json) {
        JsonProcessingException failure = assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(json, Body.class));
        ProblemException problem = JsonProblems.of(failure);
        assertEquals(400, problem.status());
        List<Problem.FieldError> errors = problem.toProblem("/x").getErrors();
        assertNotNull(errors, "no field named for " + json + ": " + problem.getMessage());
        assertEquals(1, errors.size());
        return errors.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\u0000b", "\\u0000", "bell\\u0007", "esc\\u001b[0m", "del\\u007f", "half\\ud800",
            "\\udc00low"})
    void textWithNulControlOrHalfASurrogateIsRefused(String text) {
        assertEquals("name", refusal("{\"name\": \"" + text + "\"}").field());
    }

    @Test
    void textInAListIsCheckedToo() {
        assertEquals("tags[1]", refusal("{\"tags\": [\"ok\", \"a\\u0000\"]}").field());
    }

    @Test
    void tabsLineBreaksAndAnyLanguageReadBackExactly() throws Exception {
        String text = "Zeile 1\n\tZeile 2\r\n日本語 🙂 Ünïcödé";
        Body body = MAPPER.readValue(MAPPER.writeValueAsString(new Body(text, null, null, null, null, null, null, null, null)), Body.class);
        assertEquals(text, body.name());
    }

    /** Text is kept without surrounding whitespace, and a blank member is absent: that is what reads back. */
    @Test
    void textIsKeptStrippedAndABlankMemberIsAbsent() throws Exception {
        Body body = MAPPER.readValue("{\"name\": \"  Ada \\t\", \"tags\": [\" a \", \"  \"]}", Body.class);
        assertEquals("Ada", body.name());
        assertEquals(List.of("a", ""), body.tags());
        assertNull(MAPPER.readValue("{\"name\": \"  \"}", Body.class).name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5000-01-01", "0000-01-01", "+999999999-12-31", "1899-12-31", "+10000-01-01",
            "2027-01-01T00:00:00Z", "2027-01-01\\u0000", "", " ", "2027-02-30", "2027-1-01", "20270101"})
    void aDateOutsideTheRuleOrNotADateIsRefused(String day) {
        Problem.FieldError error = refusal("{\"day\": \"" + day + "\"}");
        assertEquals("day", error.field());
        assertEquals(InputRules.DATE_RULE, error.message());
    }

    @Test
    void aDateAsANumberIsRefused() {
        assertEquals("day", refusal("{\"day\": 20270101}").field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1900-01-01", "2027-03-31", "9999-12-31"})
    void aDateInTheRuleReadsBackExactly(String day) throws Exception {
        Body body = MAPPER.readValue("{\"day\": \"" + day + "\"}", Body.class);
        assertEquals(day, body.day().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+294277-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "1899-12-31T23:59:59Z",
            "+10000-01-01T00:00:00Z", "2026-11-01T00:00:00.000000001Z", "2026-11-01", "", "1767225600"})
    void anInstantOutsideTheRuleOrNotAnInstantIsRefused(String at) {
        Problem.FieldError error = refusal("{\"at\": \"" + at + "\"}");
        assertEquals("at", error.field());
        assertEquals(InputRules.INSTANT_RULE, error.message());
    }

    @Test
    void anInstantInTheRuleKeepsItsMicroseconds() throws Exception {
        Body body = MAPPER.readValue("{\"at\": \"2026-11-01T10:15:30.123456Z\"}", Body.class);
        assertEquals(Instant.parse("2026-11-01T10:15:30.123456Z"), body.at());
        assertEquals(Instant.parse("9999-12-31T23:59:59.999999Z"),
                MAPPER.readValue("{\"at\": \"9999-12-31T23:59:59.999999Z\"}", Body.class).at());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1e-999999999\"", "\"1e999999999\"", "1e-999999999", "1E+101", "\"\"", "\" 10\"",
            "\"ten\""})
    void aDecimalOutOfReachIsRefused(String amount) {
        Problem.FieldError error = refusal("{\"money\": {\"amount\": " + amount + ", \"currency\": \"EUR\"}}");
        assertEquals("money.amount", error.field());
    }

    @Test
    void aDecimalInReachReadsBackExactly() throws Exception {
        assertEquals(new BigDecimal("1250.00"),
                MAPPER.readValue("{\"money\": {\"amount\": \"1250.00\", \"currency\": \"EUR\"}}", Body.class).money().amount());
        assertEquals(new BigDecimal("0.5"), MAPPER.readValue("{\"money\": {\"amount\": 0.5}}", Body.class).money().amount());
    }

    @CsvSource(delimiter = '|', value = {
            "{\"name\": \"a\", \"name\": \"b\"}|name",
            "{\"money\": {\"currency\": \"EUR\", \"currency\": \"USD\"}}|money.currency",
            "{\"name\": \"a\", \"count\": 1, \"count\": 1}|count"})
    @ParameterizedTest
    void aMemberGivenTwiceIsRefusedByName(String json, String member) {
        Problem.FieldError error = refusal(json);
        assertEquals(member, error.field());
        assertEquals("appears more than once in the request body", error.message());
    }

    @Test
    void aNumberTooLargeForItsFieldNamesTheField() {
        assertEquals("count", refusal("{\"count\": 99999999999999999999}").field());
    }

    /** Jackson would trim an id, an enum value or a number in a string, and take blank for absent. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"owner\": \"\\u0000\"}|owner", "{\"owner\": \"\"}|owner", "{\"owner\": \" \"}|owner",
            "{\"owner\": \" 0199a3c2-7d1e-7c4a-9f1e-2b7d4c1a9e01\\u0000\"}|owner", "{\"owner\": \"1-1-1-1-1\"}|owner",
            "{\"kind\": \"LEGAL\\u0000\"}|kind", "{\"kind\": \" LEGAL\"}|kind", "{\"kind\": \"LEGAL\\t\"}|kind",
            "{\"count\": \"12\"}|count", "{\"count\": \"12\\u0000\"}|count", "{\"count\": \"\"}|count",
            "{\"flag\": \"true\"}|flag"})
    void idsEnumsAndNumbersAreExactlyWhatTheyName(String caseAndField) {
        String[] parts = caseAndField.split("\\|");
        assertEquals(parts[1], refusal(parts[0]).field());
    }

    @Test
    void exactIdsAndEnumValuesAreRead() throws Exception {
        Body body = MAPPER.readValue("{\"owner\": \"0199A3C2-7D1E-7C4A-9F1E-2B7D4C1A9E01\", \"kind\": \"PRICE\", \"count\": 12}",
                Body.class);
        assertEquals(UUID.fromString("0199a3c2-7d1e-7c4a-9f1e-2b7d4c1a9e01"), body.owner());
        assertEquals(Kind.PRICE, body.kind());
        assertEquals(12, body.count());
    }

    @Test
    void queryValuesFollowTheSameRules() {
        assertNull(InputRules.parseDate("+5874898-01-01"));
        assertNull(InputRules.parseInstant("+294277-01-01T00:00:00Z"));
        assertNull(InputRules.parseDecimal("1e-999999999"));
        assertNull(InputRules.parseDecimal("9".repeat(200)));
        assertNull(InputRules.parseDecimal("１２"), "fullwidth digits would read back as 12");
        assertEquals(new BigDecimal("12.5"), InputRules.parseDecimal("12.5"));
        // A query bound is compared, not stored: any precision, but the same years.
        assertEquals(Instant.parse("2026-11-01T00:00:00.123456789Z"), InputRules.parseBound("2026-11-01T00:00:00.123456789Z"));
        assertNull(InputRules.parseBound("+294277-01-01T00:00:00Z"));
        assertEquals(LocalDate.of(2027, 1, 1), InputRules.parseDate("2027-01-01"));
        assertNull(InputRules.textViolation("plain text\twith tab"));
        assertEquals("must not contain the NUL character (U+0000)", InputRules.textViolation("a\u0000b"));
    }
}
