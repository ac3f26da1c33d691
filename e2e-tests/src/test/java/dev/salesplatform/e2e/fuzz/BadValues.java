package dev.salesplatform.e2e.fuzz;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The catalogue of bad (and edge-of-valid) values: for a body member by its schema, for a query or
 * path parameter by what it holds. Each carries a short label that names it in a failure.
 */
public final class BadValues {

    /** A value for a JSON member (possibly a raw JSON fragment, see {@link Json#raw}). */
    public record Bad(String label, JsonNode node) {
    }

    /**
     * A value for a query or path parameter: raw text (percent-encoded when sent) unless
     * {@code encoded}, in which case it goes out as it is (invalid percent-encodings, encoded slashes).
     */
    public record Text(String label, String value, boolean encoded) {

        static Text of(String label, String value) {
            return new Text(label, value, false);
        }

        static Text encoded(String label, String value) {
            return new Text(label, value, true);
        }
    }

    static final String NUL = "\u0000";
    static final List<String> OUT_OF_RANGE_DATES = List.of("-5000-01-01", "0000-01-01", "+5874898-01-01",
            "+294277-01-01", "-999999999-01-01", "+999999999-12-31", "1999-12-31", "2201-01-01", "99999-01-01");
    static final List<String> MALFORMED_DATES = List.of("2027-02-30", "2027-13-01", "2027-00-10", "2027-1-1",
            "20270101", "2027-01-01T00:00:00Z", " 2027-01-01", "2027-01-01\u0000", "not-a-date");
    static final List<String> OUT_OF_RANGE_INSTANTS = List.of("+294277-01-01T00:00:00Z", "-5000-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z", "+5874898-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z",
            "-1000000000-01-01T00:00:00Z", "-4713-11-24T00:00:00Z", "1969-12-31T23:59:59Z");
    static final List<String> MALFORMED_INSTANTS = List.of("2027-01-01", "2027-01-01T25:00:00Z", "2027-01-01T00:00:00",
            "2027-01-01T00:00:00+25:00", "2027-02-30T00:00:00Z", "2027-01-01T00:00:00Z\u0000", "now");

    private final Random random;

    public BadValues(Random random) {
        this.random = random;
    }

    // ------------------------------------------------------------------ body members

    /** Bad values for a member with this (resolved) schema; {@code valid} is the valid value it replaces. */
    public List<Bad> forMember(String name, JsonNode schema, JsonNode valid) {
        String type = OpenApiDocument.type(schema);
        List<Bad> bad = new ArrayList<>();
        bad.add(new Bad("null", Json.NODES.nullNode()));
        switch (type) {
            case "integer", "number" -> numbers(schema, type.equals("integer"), bad);
            case "boolean" -> booleans(bad);
            case "object" -> objects(valid, bad);
            case "array" -> arrays(schema, valid, bad);
            default -> strings(name, schema, bad);
        }
        return bad;
    }

    private void strings(String name, JsonNode schema, List<Bad> bad) {
        String lower = name.toLowerCase(Locale.ROOT);
        String format = schema.path("format").asText("");
        bad.add(new Bad("number instead of string", Json.NODES.numberNode(12345)));
        bad.add(new Bad("boolean instead of string", Json.NODES.booleanNode(true)));
        bad.add(new Bad("object instead of string", Json.object().put("value", "x")));
        bad.add(new Bad("array instead of string", Json.NODES.arrayNode().add("x")));
        bad.add(text("blank", ""));
        bad.add(text("whitespace only", "   "));
        bad.add(text("NUL inside", "a" + NUL + "b"));
        bad.add(text("only NUL", NUL));
        bad.add(text("control characters", "x\u0001\u0007\u001b\u007fy"));
        bad.add(text("line break and tab", "line one\nline two\tend"));
        bad.add(new Bad("lone surrogate \\ud800", Json.raw("\"x\\ud800y\"")));
        bad.add(text("noncharacter U+FFFF", "x\uffffy"));
        bad.add(text("huge (100000 chars)", "x".repeat(100_000)));
        bad.add(text("padded with spaces", "  Fuzz padded  "));
        bad.add(text("unicode mix", "Zo\u00eb \u00dcn\u00efc\u00f8d\u00e9 \ud83d\ude00 \u05e2\u05d1\u05e8\u05d9\u05ea e\u0301"));
        bad.add(text("bidi override and zero width", "ab\u202ecd\u200bef"));
        bad.add(text("SQL and template injection", "'; DROP TABLE x; -- ${jndi:ldap://127.0.0.1/a} {{7*7}} %s%n"));
        bad.add(text("markup", "<script>alert(1)</script>"));
        if (schema.has("maxLength")) {
            int max = schema.get("maxLength").asInt();
            bad.add(text("maxLength+1 (" + (max + 1) + ")", "y".repeat(max + 1)));
            bad.add(text("maxLength exactly, 2-byte chars (" + max + ")", "\u00e9".repeat(max)));
            bad.add(text("maxLength in UTF-16 units as emoji (" + max + ")", "\ud83d\ude00".repeat(Math.max(1, max / 2))));
        }
        if (schema.has("enum")) {
            String first = schema.get("enum").path(0).asText();
            bad.add(text("unknown enum value", "UNKNOWN_FUZZ_VALUE"));
            bad.add(text("enum in lower case", first.toLowerCase(Locale.ROOT)));
            bad.add(text("enum with leading space", " " + first));
            bad.add(text("enum with trailing NUL", first + NUL));
            bad.add(new Bad("enum as ordinal", Json.NODES.numberNode(0)));
            bad.add(new Bad("enum in an array", Json.NODES.arrayNode().add(first)));
        }
        switch (format) {
            case "date" -> {
                OUT_OF_RANGE_DATES.forEach(d -> bad.add(text("date " + d, d)));
                MALFORMED_DATES.forEach(d -> bad.add(text("malformed date " + printable(d), d)));
                bad.add(text("date 2000-01-01 (edge)", "2000-01-01"));
                bad.add(text("date 2200-12-31 (edge)", "2200-12-31"));
                bad.add(text("date 2000-02-29 (leap day)", "2000-02-29"));
                bad.add(new Bad("date as number 1e999999999", Json.raw("1e999999999")));
                bad.add(new Bad("date as number", Json.NODES.numberNode(20270101)));
            }
            case "date-time" -> {
                OUT_OF_RANGE_INSTANTS.forEach(d -> bad.add(text("instant " + d, d)));
                MALFORMED_INSTANTS.forEach(d -> bad.add(text("malformed instant " + printable(d), d)));
                bad.add(text("instant with nanoseconds", "2020-06-15T10:15:30.123456789Z"));
                bad.add(text("instant with an offset", "2020-06-15T12:15:30+02:00"));
                bad.add(new Bad("instant as epoch number", Json.NODES.numberNode(1_700_000_000L)));
                bad.add(new Bad("instant as number 1e-999999999", Json.raw("1e-999999999")));
            }
            case "uuid" -> uuids(bad);
            default -> {
            }
        }
        if (lower.contains("email")) {
            for (String e : List.of("not-an-email", "a@b", "@example.com", "ada@", "a b@example.com",
                    "ada@example..com", "x".repeat(250) + "@example.com", "ada@exa\u0000mple.com")) {
                bad.add(text("email " + printable(abbreviate(e, 30)), e));
            }
        }
        if (lower.equals("currency")) {
            for (String c : List.of("XXX", "XTS", "eur", "EURO", "E", "\u20ac", "US$", "\u00c9UR", "EUR" + NUL, " EUR")) {
                bad.add(text("currency " + printable(c), c));
            }
            bad.add(new Bad("currency as number", Json.NODES.numberNode(978)));
        }
        if (decimalString(name, schema)) {
            for (String d : List.of("-1.00", "-0.00", "1e999999999", "1e-999999999", "1E+3", "10.001",
                    "10.12345678901234567890", "abc", "NaN", "Infinity", "-Infinity", "0x10", "1,000.00",
                    "\u0661\u0662\u0663", "\uff11\uff12", "99999999999999999999999999999.99", "999999999999.99",
                    "1000000000000", "0", "0.00", "00010.50", " 10.00", "+10.00", "10.")) {
                bad.add(text("decimal " + printable(d), d));
            }
            bad.add(new Bad("decimal as JSON number", Json.NODES.numberNode(new BigDecimal("10.5"))));
            bad.add(new Bad("decimal as number 1e999999999", Json.raw("1e999999999")));
        }
        if (lower.contains("url") || lower.contains("website") || lower.contains("landingpage") || lower.contains("referrer")) {
            for (String u : List.of("javascript:alert(1)", "http://", "ftp://example.com/x", "https://exa mple.com",
                    "https://" + "a".repeat(3000) + ".example")) {
                bad.add(text("url " + abbreviate(u, 30), u));
            }
        }
        if (lower.contains("phone")) {
            for (String p : List.of("+", "abc", "++1 555", "+1 (555) 010-0199")) {
                bad.add(text("phone " + p, p));
            }
        }
        if (schema.has("pattern") && !decimalString(name, schema)) {
            bad.add(text("not matching its pattern", "\u00a7\u00a7 !! \u00a7\u00a7"));
        }
    }

    static boolean decimalString(String name, JsonNode schema) {
        String lower = name.toLowerCase(Locale.ROOT);
        String pattern = schema.path("pattern").asText("");
        return pattern.startsWith("^\\d") || lower.equals("amount") || lower.equals("quantity")
                || lower.equals("discountpercent") || (lower.equals("value") && schema.has("pattern"));
    }

    private void uuids(List<Bad> bad) {
        UUID some = uuid();
        for (String u : List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
                some.toString(), "{" + some + "}", some.toString().replace("-", ""), some + "0",
                some.toString().toUpperCase(Locale.ROOT), " " + some, some.toString().substring(0, 35))) {
            bad.add(text("uuid " + abbreviate(u, 40), u));
        }
        bad.add(new Bad("uuid as number", Json.NODES.numberNode(12345)));
    }

    private static void numbers(JsonNode schema, boolean integer, List<Bad> bad) {
        bad.add(new Bad("1e999999999", Json.raw("1e999999999")));
        bad.add(new Bad("-1e999999999", Json.raw("-1e999999999")));
        bad.add(new Bad("1e-999999999", Json.raw("1e-999999999")));
        bad.add(new Bad("30 digits", Json.raw("123456789012345678901234567890")));
        bad.add(new Bad("2^31", Json.raw("2147483648")));
        bad.add(new Bad("-2^31-1", Json.raw("-2147483649")));
        bad.add(new Bad("2^63", Json.raw("9223372036854775808")));
        bad.add(new Bad("-1", Json.NODES.numberNode(-1)));
        bad.add(new Bad("0", Json.NODES.numberNode(0)));
        bad.add(new Bad("1.5", Json.raw("1.5")));
        bad.add(new Bad("1.0", Json.raw("1.0")));
        bad.add(new Bad("1E2", Json.raw("1E2")));
        bad.add(new Bad("-0", Json.raw("-0")));
        bad.add(new Bad("0.001", Json.raw("0.001")));
        bad.add(new Bad("NaN literal", Json.raw("NaN")));
        bad.add(new Bad("Infinity literal", Json.raw("Infinity")));
        bad.add(new Bad("leading zero 012", Json.raw("012")));
        bad.add(new Bad("hex 0x10", Json.raw("0x10")));
        bad.add(new Bad("number as string", Json.NODES.textNode("12")));
        bad.add(new Bad("blank string", Json.NODES.textNode("")));
        bad.add(new Bad("boolean instead of number", Json.NODES.booleanNode(true)));
        bad.add(new Bad("array instead of number", Json.NODES.arrayNode().add(1)));
        bad.add(new Bad("object instead of number", Json.object().put("value", 1)));
        if (schema.has("minimum")) {
            BigDecimal min = schema.get("minimum").decimalValue();
            bad.add(new Bad("minimum " + min.toPlainString() + " (edge)", Json.raw(min.toPlainString())));
            bad.add(new Bad("minimum-1", Json.raw(min.subtract(BigDecimal.ONE).toPlainString())));
        }
        if (schema.has("maximum")) {
            BigDecimal max = schema.get("maximum").decimalValue();
            bad.add(new Bad("maximum " + max.toPlainString() + " (edge)", Json.raw(max.toPlainString())));
            bad.add(new Bad("maximum+1", Json.raw(max.add(BigDecimal.ONE).toPlainString())));
        }
        if (!integer) {
            bad.add(new Bad("0.123456789", Json.raw("0.123456789")));
            bad.add(new Bad("0.5e-999999999", Json.raw("0.5e-999999999")));
        }
    }

    private static void booleans(List<Bad> bad) {
        bad.add(new Bad("\"true\" as string", Json.NODES.textNode("true")));
        bad.add(new Bad("1 instead of boolean", Json.NODES.numberNode(1)));
        bad.add(new Bad("0 instead of boolean", Json.NODES.numberNode(0)));
        bad.add(new Bad("\"yes\"", Json.NODES.textNode("yes")));
        bad.add(new Bad("True literal", Json.raw("True")));
        bad.add(new Bad("array instead of boolean", Json.NODES.arrayNode().add(true)));
    }

    private static void objects(JsonNode valid, List<Bad> bad) {
        bad.add(new Bad("string instead of object", Json.NODES.textNode("x")));
        bad.add(new Bad("number instead of object", Json.NODES.numberNode(42)));
        bad.add(new Bad("array instead of object", Json.NODES.arrayNode()));
        bad.add(new Bad("empty object", Json.object()));
        bad.add(new Bad("object nested 5000 deep", Json.raw("{\"a\":".repeat(5000) + "1" + "}".repeat(5000))));
        if (valid != null && valid.isObject()) {
            bad.add(new Bad("the object in an array", Json.NODES.arrayNode().add(valid.deepCopy())));
            bad.add(new Bad("the object with an unknown member", ((com.fasterxml.jackson.databind.node.ObjectNode) valid
                    .deepCopy()).put("fuzzUnknownMember", "x")));
            if (valid.size() > 0) {
                String first = valid.fieldNames().next();
                String member = "\"" + first + "\":" + Json.write(valid.get(first));
                String rest = Json.write(valid).substring(1);
                bad.add(new Bad("the object with " + first + " twice", Json.raw("{" + member + "," + rest)));
            }
        }
    }

    private static void arrays(JsonNode schema, JsonNode valid, List<Bad> bad) {
        bad.add(new Bad("object instead of array", Json.object()));
        bad.add(new Bad("string instead of array", Json.NODES.textNode("x")));
        bad.add(new Bad("empty array", Json.NODES.arrayNode()));
        bad.add(new Bad("array of null", Json.NODES.arrayNode().addNull()));
        bad.add(new Bad("array of numbers", Json.NODES.arrayNode().add(1).add(2)));
        bad.add(new Bad("arrays nested 5000 deep", Json.raw("[".repeat(5000) + "]".repeat(5000))));
        if (valid != null && valid.isArray() && !valid.isEmpty()) {
            int count = schema.has("maxItems") ? schema.get("maxItems").asInt() + 1 : 1001;
            ArrayNode many = Json.NODES.arrayNode();
            for (int i = 0; i < count; i++) {
                many.add(valid.get(0).deepCopy());
            }
            bad.add(new Bad(count + " items", many));
        }
    }

    private static Bad text(String label, String value) {
        return new Bad(label, Json.NODES.textNode(value));
    }

    // ------------------------------------------------------------------ query and path parameters

    /** What a query or path parameter holds, from its name and description. */
    public enum Kind { LIMIT, CURSOR, SORT, DATE, INSTANT, ID, DECIMAL, CURRENCY, FLAG, TEXT, PERIOD, ENUM, SERVICE }

    public static Kind kind(String name, String description) {
        String lower = name.toLowerCase(Locale.ROOT);
        String text = description == null ? "" : description.toLowerCase(Locale.ROOT);
        if (lower.equals("limit")) {
            return Kind.LIMIT;
        }
        if (lower.equals("cursor")) {
            return Kind.CURSOR;
        }
        if (lower.equals("sort")) {
            return Kind.SORT;
        }
        if (lower.equals("q")) {
            return Kind.TEXT;
        }
        if (lower.equals("period")) {
            return Kind.PERIOD;
        }
        if (lower.equals("service")) {
            return Kind.SERVICE;
        }
        if (lower.equals("stale")) {
            return Kind.FLAG;
        }
        if (lower.equals("currency")) {
            return Kind.CURRENCY;
        }
        if (lower.startsWith("amount")) {
            return Kind.DECIMAL;
        }
        if (text.contains("instant")) {
            return Kind.INSTANT;
        }
        if (text.contains("date") || lower.equals("from") || lower.equals("to") || lower.endsWith("from")
                || lower.endsWith("to") || lower.endsWith("before")) {
            return Kind.DATE;
        }
        if (lower.equals("id") || lower.endsWith("id") || lower.equals("owner") || lower.equals("csm")
                || lower.equals("rep") || lower.equals("customer") || lower.equals("pipeline")) {
            return Kind.ID;
        }
        return Kind.ENUM;
    }

    /** Bad values for every parameter, whatever it holds. */
    public List<Text> forAnyParameter() {
        return List.of(Text.of("empty", ""), Text.of("whitespace", "   "), Text.of("NUL", NUL),
                Text.of("NUL inside", "a" + NUL + "b"), Text.of("control characters", "\u0001\u001f\u007f"),
                Text.of("huge (10000 chars)", "x".repeat(10_000)), Text.of("quote and backslash", "'\"\\"),
                Text.encoded("invalid UTF-8 %FF", "%FF"), Text.encoded("encoded surrogate %ED%A0%80", "%ED%A0%80"),
                Text.encoded("broken percent-encoding %zz", "%zz"), Text.of("emoji", "\ud83d\ude00"));
    }

    /** Bad values for a parameter of this kind. */
    public List<Text> forParameter(Kind kind) {
        List<Text> values = new ArrayList<>();
        switch (kind) {
            case LIMIT -> List.of("0", "-1", "201", "1e3", "abc", "99999999999999999999", "2147483648", "1.5", " 5", "+5",
                    "0x10", "\u0663", "\uff15", "200", "1").forEach(v -> values.add(Text.of("limit " + printable(v), v)));
            case SORT -> List.of("unknownField", "-", "+createdAt", "--createdAt", "createdAt,createdAt",
                    "createdAt,-createdAt", "-createdAt,", ",", "createdAt;DROP TABLE x", "createdAt desc", "CREATEDAT",
                    "createdAt" + NUL, "x".repeat(1000), "createdAt,".repeat(200)).forEach(
                    v -> values.add(Text.of("sort " + printable(abbreviate(v, 30)), v)));
            case DATE -> {
                OUT_OF_RANGE_DATES.forEach(v -> values.add(Text.of("date " + v, v)));
                MALFORMED_DATES.forEach(v -> values.add(Text.of("malformed date " + printable(v), v)));
                values.add(Text.of("date 1e999999999", "1e999999999"));
            }
            case INSTANT -> {
                OUT_OF_RANGE_INSTANTS.forEach(v -> values.add(Text.of("instant " + v, v)));
                MALFORMED_INSTANTS.forEach(v -> values.add(Text.of("malformed instant " + printable(v), v)));
                values.add(Text.of("instant 1e-999999999", "1e-999999999"));
            }
            case ID -> {
                UUID some = uuid();
                List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", some.toString(), some + "0",
                        some.toString().replace("-", ""), "{" + some + "}", "' OR '1'='1", "1e999999999")
                        .forEach(v -> values.add(Text.of("id " + abbreviate(v, 40), v)));
            }
            case DECIMAL -> List.of("-1", "1e999999999", "1e-999999999", "abc", "NaN", "Infinity", "0x10",
                    "99999999999999999999999999999.999999", "1,5", "\u0661\u0662").forEach(
                    v -> values.add(Text.of("decimal " + printable(v), v)));
            case CURRENCY -> List.of("XXX", "eur", "EURO", "E", "\u20ac", "EUR,USD").forEach(
                    v -> values.add(Text.of("currency " + printable(v), v)));
            case FLAG -> List.of("yes", "1", "TRUE", "true ", "maybe").forEach(v -> values.add(Text.of("flag " + v, v)));
            case TEXT -> List.of("a", "x".repeat(101), "%", "_", "\\", "%_%", "' OR 1=1 --", "\u00e9\u0301",
                    "*", "(", "[a-").forEach(v -> values.add(Text.of("text " + printable(abbreviate(v, 20)), v)));
            case PERIOD -> List.of("2027-Q5", "2027-Q0", "2027-13", "2027-00", "-5000-Q1", "+294277-Q1", "99999-Q1",
                    "2027", "Q1-2027", "2027-W01", "2027-q1", "+5874898-01", "0000-01", "2027-Q1" + NUL).forEach(
                    v -> values.add(Text.of("period " + printable(v), v)));
            case SERVICE -> List.of("unknown-service", "LEAD-SERVICE", "lead-service" + NUL, "deal-service.",
                    "x".repeat(300)).forEach(v -> values.add(Text.of("service " + printable(abbreviate(v, 30)), v)));
            case ENUM -> List.of("UNKNOWN_FUZZ_VALUE", "open", "OPEN,CLOSED", "*", "1").forEach(
                    v -> values.add(Text.of("value " + v, v)));
            case CURSOR -> {
            }
        }
        return values;
    }

    /** Tamperings of a real cursor (an opaque base64url token of values joined by U+001F). */
    public List<Text> cursorTamperings(String real) {
        List<Text> values = new ArrayList<>();
        values.add(Text.of("cursor with its last char changed", flipLast(real)));
        values.add(Text.of("cursor cut in half", real.substring(0, real.length() / 2)));
        values.add(Text.of("cursor with '!' appended", real + "!"));
        values.add(Text.of("cursor with 'A' prepended", "A" + real));
        values.add(Text.of("cursor as standard base64 with padding", Base64.getEncoder().encodeToString(decode(real))));
        values.add(Text.of("cursor of random bytes", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(48))));
        values.add(Text.of("cursor of 10000 chars", "A".repeat(10_000)));
        List<String> parts = List.of(new String(decode(real), StandardCharsets.UTF_8).split("\u001f", -1));
        values.add(Text.of("cursor with one more value", encode(String.join("\u001f", parts) + "\u001fextra")));
        if (parts.size() > 1) {
            values.add(Text.of("cursor with one value fewer", encode(String.join("\u001f", parts.subList(1, parts.size())))));
        }
        List<String> replacements = List.of("", "not-a-uuid", "+294277-01-01T00:00:00Z", "-5000-01-01T00:00:00Z",
                "+5874898-01-01", "99999999999999999999999", "1e999999999", NUL, "x".repeat(5000), "NaN", "-1",
                "00000000-0000-0000-0000-000000000000");
        for (int i = 0; i < parts.size(); i++) {
            for (String replacement : replacements) {
                List<String> changed = new ArrayList<>(parts);
                changed.set(i, replacement);
                values.add(Text.of("cursor value " + i + " (" + printable(abbreviate(parts.get(i), 40)) + ") as "
                        + printable(abbreviate(replacement, 30)), encode(String.join("\u001f", changed))));
            }
        }
        return values;
    }

    /** Tamperings of a real id in a path segment. */
    public List<Text> idTamperings(String real) {
        List<Text> values = new ArrayList<>();
        values.add(Text.of("not a uuid", "not-a-uuid"));
        values.add(Text.of("random uuid", uuid().toString()));
        values.add(Text.of("nil uuid", "00000000-0000-0000-0000-000000000000"));
        if (real != null && real.length() >= 36) {
            values.add(Text.of("real id in upper case", real.toUpperCase(Locale.ROOT)));
            values.add(Text.of("real id with a char appended", real + "0"));
            values.add(Text.of("real id without dashes", real.replace("-", "")));
            values.add(Text.of("real id one char short", real.substring(0, real.length() - 1)));
            values.add(Text.of("real id with one digit changed", flipLast(real)));
        }
        values.add(Text.encoded("encoded NUL", "%00"));
        values.add(Text.encoded("encoded space", "%20"));
        values.add(Text.encoded("encoded slash", "a%2Fb"));
        values.add(Text.encoded("dot dot", ".."));
        values.add(Text.encoded("encoded dot dot", "%2e%2e"));
        values.add(Text.encoded("invalid UTF-8", "%FF%FE"));
        values.add(Text.encoded("broken percent-encoding", "%zz"));
        values.add(Text.of("300 chars", "a".repeat(300)));
        values.add(Text.of("1e999999999", "1e999999999"));
        values.add(Text.of("-1", "-1"));
        values.add(Text.of("template left in", "{id}"));
        return values;
    }

    public UUID uuid() {
        return new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x0000000000004000L,
                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] decode(String cursor) {
        try {
            return Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            return cursor.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String encode(String joined) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    private static String flipLast(String s) {
        char last = s.charAt(s.length() - 1);
        char other = last == 'A' ? 'B' : last == '0' ? '1' : last == 'f' ? 'e' : (char) (Character.isDigit(last) ? '0' : 'A');
        return s.substring(0, s.length() - 1) + other;
    }

    /** The text with control characters shown as \\uXXXX, for labels and reports. */
    public static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || cp == 0x202e || cp == 0x200b
                    || (cp >= 0xd800 && cp <= 0xdfff) || cp == 0xffff) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    public static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...(" + s.length() + " chars)";
    }
}
