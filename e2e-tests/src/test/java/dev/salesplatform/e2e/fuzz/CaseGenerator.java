package dev.salesplatform.e2e.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.salesplatform.e2e.fuzz.BadValues.Bad;
import dev.salesplatform.e2e.fuzz.BadValues.Kind;
import dev.salesplatform.e2e.fuzz.BadValues.Text;
import dev.salesplatform.e2e.fuzz.OpenApiDocument.Operation;
import dev.salesplatform.e2e.fuzz.OpenApiDocument.Param;

/**
 * The requests for one operation, in a seeded order: a valid baseline; each member of a valid body
 * replaced by each bad value of its type (one at a time); each query parameter and path parameter
 * with bad values (cursors and ids tampered from real ones); the whole body abused (not JSON,
 * arrays, duplicate and unknown members, deep nesting, encodings, wrong content types); headers
 * (If-Match, Idempotency-Key, Accept); a method the path does not declare. Categories take turns
 * (body members every other one), so that a small budget still covers each.
 */
public final class CaseGenerator {

    public static final String BASELINE = "baseline";
    static final List<String> METHODS = List.of("PUT", "DELETE", "PATCH", "POST", "GET");
    static final Set<String> ONE_SHOT = Set.of("win", "lose", "qualify", "handoff", "disqualify", "reopen", "churn",
            "renew", "send", "accept", "reject", "resolve");

    private final OpenApiDocument document;
    private final Examples examples;
    private final BadValues bad;
    private final long seed;
    private final String marker;
    private int unique;

    /**
     * Each operation's and category's order comes from the seed and their names alone, so that one
     * list being longer in another run (a real cursor with more values) moves no other case.
     */
    public CaseGenerator(OpenApiDocument document, Examples examples, BadValues bad, long seed, String marker) {
        this.marker = marker;
        this.document = document;
        this.examples = examples;
        this.bad = bad;
        this.seed = seed;
    }

    private Random randomFor(String name) {
        return new Random(seed * 1_000_003L + name.hashCode());
    }

    /** Commands whose success uses up their record's state: the next request needs a fresh one. */
    public static boolean oneShot(Operation op) {
        String last = op.path().substring(op.path().lastIndexOf('/') + 1);
        return op.method().equals("DELETE") || (op.method().equals("POST") && ONE_SHOT.contains(last));
    }

    /** The JSON media type of the operation's body and its schema, or null. */
    static Map.Entry<String, JsonNode> jsonBody(Operation op) {
        for (Map.Entry<String, JsonNode> body : op.bodies().entrySet()) {
            if (body.getKey().contains("json")) {
                return body;
            }
        }
        return null;
    }

    public JsonNode validBody(Operation op) {
        Map.Entry<String, JsonNode> body = jsonBody(op);
        if (body == null) {
            return null;
        }
        JsonNode example = op.bodyExamples().get(body.getKey());
        return example != null ? examples.fit(example, body.getValue()) : examples.valid(body.getValue(), "");
    }

    /** Every case of the operation, ordered: categories in turn, each category's cases shuffled. */
    public List<Case> generate(Operation op, Map<String, String> realPath, String realCursor) {
        Map<String, List<Case>> byCategory = new LinkedHashMap<>();
        Map.Entry<String, JsonNode> body = jsonBody(op);
        JsonNode valid = validBody(op);
        String mediaType = body == null ? null : body.getKey();
        String validText = valid == null ? null : Json.write(valid);
        List<Map.Entry<String, Text>> validQuery = validQuery(op);

        Case baseline = new Case(op, BASELINE, "valid request", Map.of(), validQuery, Map.of(), mediaType, validText,
                null, null);
        if (valid != null) {
            byCategory.put("member", members(op, body.getValue(), valid, mediaType, validQuery));
            byCategory.put("body", wholeBody(op, valid, mediaType, validQuery));
        } else if (!op.method().equals("GET") && !op.method().equals("DELETE")) {
            byCategory.put("body", bodiesWhereNoneIsDeclared(op, validQuery));
        }
        if (op.bodies().containsKey("text/csv")) {
            byCategory.put("csv", csv(op, validQuery));
        }
        byCategory.put("query", query(op, validQuery, realCursor));
        byCategory.put("path", path(op, realPath, validQuery));
        byCategory.put("header", headers(op, mediaType, validText, validQuery));
        byCategory.put("method", method(op, validQuery));
        byCategory.forEach((category, list) -> Collections.shuffle(list, randomFor(op.key() + " " + category)));

        List<Case> ordered = new ArrayList<>();
        if (!oneShot(op)) {
            ordered.add(baseline);
        }
        // Members of the body take every other turn: they are the most cases and reach the deepest.
        List<List<Case>> lists = new ArrayList<>();
        List<Case> members = byCategory.get("member");
        for (Map.Entry<String, List<Case>> category : byCategory.entrySet()) {
            if (members != null && !category.getKey().equals("member")) {
                lists.add(members);
            }
            if (!category.getKey().equals("member")) {
                lists.add(category.getValue());
            }
        }
        for (int i = 0; lists.stream().anyMatch(l -> !l.isEmpty()); i++) {
            List<Case> list = lists.get(i % lists.size());
            if (!list.isEmpty()) {
                ordered.add(list.remove(0));
            }
        }
        if (oneShot(op)) {
            ordered.add(baseline);
        }
        return ordered;
    }

    // ------------------------------------------------------------------ members

    private record Member(List<Object> path, String name, JsonNode schema, JsonNode valid, JsonNode base) {
    }

    private List<Case> members(Operation op, JsonNode schema, JsonNode valid, String mediaType,
                               List<Map.Entry<String, Text>> query) {
        List<Member> members = new ArrayList<>();
        collect(document.resolve(schema), valid, valid, new ArrayList<>(), 0, members);
        List<Case> cases = new ArrayList<>();
        for (Member member : members) {
            for (Bad value : bad.forMember(member.name(), member.schema(), member.valid())) {
                JsonNode body = member.base().deepCopy();
                set(body, member.path(), value.node());
                cases.add(new Case(op, "member", pathText(member.path()) + " = " + value.label(), Map.of(), query,
                        Map.of(), mediaType, Json.write(body), null, null));
            }
        }
        return cases;
    }

    /** Every member (objects, their members, the first item of arrays) down to a few levels. */
    private void collect(JsonNode schema, JsonNode value, JsonNode base, List<Object> path, int depth, List<Member> out) {
        if (depth > 4) {
            return;
        }
        String type = OpenApiDocument.type(schema);
        if (type.equals("object")) {
            schema.path("properties").fieldNames().forEachRemaining(name -> {
                JsonNode memberSchema = document.property(schema, name);
                JsonNode memberValue = value != null && value.has(name) && !value.get(name).isNull() ? value.get(name) : null;
                List<Object> memberPath = new ArrayList<>(path);
                memberPath.add(name);
                JsonNode memberBase = base;
                String memberType = OpenApiDocument.type(memberSchema);
                if (memberValue == null && (memberType.equals("object") || memberType.equals("array"))) {
                    // An optional section the valid body leaves out: its members are tried within a valid one.
                    memberValue = examples.valid(memberSchema, name);
                    memberBase = base.deepCopy();
                    set(memberBase, memberPath, memberValue);
                }
                out.add(new Member(memberPath, name, memberSchema, memberValue, base));
                if (memberType.equals("object") || memberType.equals("array")) {
                    collect(memberSchema, memberValue, memberBase, memberPath, depth + 1, out);
                }
            });
        } else if (type.equals("array") && value != null && value.isArray() && !value.isEmpty()) {
            JsonNode itemSchema = document.resolve(schema.path("items"));
            List<Object> itemPath = new ArrayList<>(path);
            itemPath.add(0);
            String name = path.isEmpty() ? "item" : String.valueOf(path.get(path.size() - 1));
            out.add(new Member(itemPath, name, itemSchema, value.get(0), base));
            collect(itemSchema, value.get(0), base, itemPath, depth + 1, out);
        }
    }

    static void set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            JsonNode next = step instanceof Integer index ? node.path(index) : node.path((String) step);
            if (next.isMissingNode() || next.isNull() || !next.isContainerNode()) {
                next = path.get(i + 1) instanceof Integer ? Json.NODES.arrayNode() : Json.object();
                put(node, step, next);
            }
            node = next;
        }
        put(node, path.get(path.size() - 1), value);
    }

    private static void put(JsonNode parent, Object step, JsonNode value) {
        if (step instanceof Integer index) {
            ArrayNode array = (ArrayNode) parent;
            while (array.size() <= index) {
                array.add(Json.object());
            }
            array.set(index, value);
        } else {
            ((ObjectNode) parent).set((String) step, value);
        }
    }

    static String pathText(List<Object> path) {
        StringBuilder text = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.isEmpty() ? "" : ".").append(step);
            }
        }
        return text.isEmpty() ? "(body)" : text.toString();
    }

    // ------------------------------------------------------------------ whole bodies

    private List<Case> wholeBody(Operation op, JsonNode valid, String mediaType, List<Map.Entry<String, Text>> query) {
        String text = Json.write(valid);
        List<Case> cases = new ArrayList<>();
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("not JSON", "this is not json");
        bodies.put("empty body", "");
        bodies.put("JSON null", "null");
        bodies.put("empty JSON array", "[]");
        bodies.put("the valid body in an array", "[" + text + "]");
        bodies.put("a JSON string", "\"x\"");
        bodies.put("a JSON number", "12");
        bodies.put("truncated", text.substring(0, text.length() / 2));
        bodies.put("trailing garbage", text + " garbage");
        bodies.put("two documents", text + text);
        bodies.put("comments", "/* comment */ " + text);
        bodies.put("single quotes", text.replace('"', '\''));
        bodies.put("NUL byte after the brace", text.isEmpty() ? "\u0000" : text.charAt(0) + "\u0000" + text.substring(1));
        bodies.put("arrays nested 100000 deep", "[".repeat(100_000) + "]".repeat(100_000));
        bodies.put("objects nested 100000 deep", "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000));
        bodies.put("BOM before the body", "\ufeff" + text);
        if (valid.isObject() && valid.size() > 0) {
            String first = valid.fieldNames().next();
            String member = "\"" + first + "\":" + Json.write(valid.get(first));
            bodies.put("duplicate member " + first + " (same value)", "{" + member + "," + text.substring(1));
            bodies.put("duplicate member " + first + " (other value)", "{\"" + first + "\":\"other fuzz value\","
                    + text.substring(1));
            ObjectNode unknown = ((ObjectNode) valid.deepCopy()).put("fuzzUnknownMember", "x");
            bodies.put("unknown member", Json.write(unknown));
            ObjectNode many = (ObjectNode) valid.deepCopy();
            for (int i = 0; i < 10_000; i++) {
                many.put("fuzzUnknown" + i, i);
            }
            bodies.put("10000 unknown members", Json.write(many));
            ObjectNode huge = (ObjectNode) valid.deepCopy();
            huge.put("fuzzHuge", "x".repeat(1_600_000));
            bodies.put("body of 1.6 MB (over the 1 MB limit)", Json.write(huge));
        }
        bodies.forEach((label, body) -> cases.add(new Case(op, "body", label, Map.of(), query, Map.of(), mediaType, body,
                null, null)));

        cases.add(new Case(op, "body", "UTF-16 body with its charset", Map.of(), query, Map.of(),
                mediaType + "; charset=UTF-16", null, text.replace(Examples.UNIQUE_EMAIL, "fuzz-utf16@" + marker + "-b" + (++unique)
                + ".example.org").replace(Examples.UNIQUE, marker + "-b" + (++unique))
                .getBytes(StandardCharsets.UTF_16), null));
        int quote = text.indexOf(":\"");
        if (quote > 0) {
            byte[] before = text.substring(0, quote + 2).getBytes(StandardCharsets.UTF_8);
            byte[] after = text.substring(quote + 2).getBytes(StandardCharsets.UTF_8);
            byte[] broken = new byte[before.length + 2 + after.length];
            System.arraycopy(before, 0, broken, 0, before.length);
            broken[before.length] = (byte) 0xC3;
            broken[before.length + 1] = (byte) 0x28;
            System.arraycopy(after, 0, broken, before.length + 2, after.length);
            cases.add(new Case(op, "body", "invalid UTF-8 inside a string", Map.of(), query, Map.of(), mediaType, null,
                    broken, null));
        }
        Map<String, String> types = new LinkedHashMap<>();
        types.put("text/plain", text);
        types.put("application/xml", "<lead><firstName>Ada</firstName></lead>");
        types.put("application/x-www-form-urlencoded", "firstName=Ada&lastName=Lovelace");
        types.put("multipart/form-data; boundary=fuzz", "--fuzz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--fuzz--\r\n");
        types.put(mediaType.equals("application/json") ? "application/merge-patch+json" : "application/json", text);
        types.put("application/json; charset=no-such-charset", text);
        types.put("application/json; charset=ISO-8859-1", text);
        types.put("text/csv", "a,b\n1,2\n");
        types.put("application/octet-stream", text);
        types.put("*/*", text);
        types.put("garbage", text);
        types.forEach((type, body) -> cases.add(new Case(op, "body", "Content-Type " + type, Map.of(), query, Map.of(),
                type, body, null, null)));
        cases.add(new Case(op, "body", "no Content-Type", Map.of(), query, Map.of(), null, text, null, null));
        return cases;
    }

    private List<Case> bodiesWhereNoneIsDeclared(Operation op, List<Map.Entry<String, Text>> query) {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(op, "body", "unexpected JSON body", Map.of(), query, Map.of(), "application/json",
                "{\"fuzzUnknownMember\": \"x\"}", null, null));
        cases.add(new Case(op, "body", "unexpected malformed JSON body", Map.of(), query, Map.of(), "application/json",
                "{\"fuzz", null, null));
        cases.add(new Case(op, "body", "unexpected text/plain body", Map.of(), query, Map.of(), "text/plain",
                "hello", null, null));
        return cases;
    }

    private List<Case> csv(Operation op, List<Map.Entry<String, Text>> query) {
        String header = "firstName,lastName,email,source\n";
        String row = "Ada,Lovelace," + Examples.UNIQUE_EMAIL + ",WEB_FORM\n";
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("valid CSV", header + row);
        bodies.put("CSV: empty", "");
        bodies.put("CSV: header only", header);
        bodies.put("CSV: NUL in a cell", header + "A\u0000da,Lovelace," + Examples.UNIQUE_EMAIL + ",WEB_FORM\n");
        bodies.put("CSV: control characters in a cell", header + "A\u0001\u001bda,Lovelace," + Examples.UNIQUE_EMAIL + ",WEB_FORM\n");
        bodies.put("CSV: unknown column", "firstName,lastName,email,source,fuzzColumn\nAda,Lovelace," + Examples.UNIQUE_EMAIL
                + ",WEB_FORM,x\n");
        bodies.put("CSV: repeated column", "firstName,firstName,lastName,email,source\nA,B,C," + Examples.UNIQUE_EMAIL + ",WEB_FORM\n");
        bodies.put("CSV: required column missing", "firstName,lastName\nAda,Lovelace\n");
        bodies.put("CSV: unbalanced quote", header + "\"Ada,Lovelace," + Examples.UNIQUE_EMAIL + ",WEB_FORM\n");
        bodies.put("CSV: cell of 100000 chars", header + "x".repeat(100_000) + ",Lovelace," + Examples.UNIQUE_EMAIL + ",WEB_FORM\n");
        bodies.put("CSV: 5000 columns", "x,".repeat(5000) + "y\n" + "1,".repeat(5000) + "2\n");
        bodies.put("CSV: unknown enum value", header + "Ada,Lovelace," + Examples.UNIQUE_EMAIL + ",FUZZ_SOURCE\n");
        bodies.put("CSV: extreme numbers", "firstName,lastName,email,source,companyEmployees,estimatedAmount,estimatedCurrency\n"
                + "Ada,Lovelace," + Examples.UNIQUE_EMAIL + ",WEB_FORM,1e999999999,1e-999999999,EUR\n");
        bodies.put("CSV: BOM and CRLF", "\ufeff" + header.replace("\n", "\r\n") + row.replace("\n", "\r\n"));
        bodies.put("CSV: binary garbage", "\u0000\u0001\u0002\u00ff\ufffe");
        List<Case> cases = new ArrayList<>();
        bodies.forEach((label, body) -> cases.add(new Case(op, "csv", label, Map.of(), query, Map.of(), "text/csv", body,
                null, null)));
        cases.add(new Case(op, "csv", "CSV: Latin-1 bytes declared UTF-8", Map.of(), query, Map.of(),
                "text/csv; charset=UTF-8", null, (header + "Zo\u00eb,M\u00fcller,latin@" + marker + "-b" + (++unique)
                + ".example.org,WEB_FORM\n").getBytes(StandardCharsets.ISO_8859_1), null));
        cases.add(new Case(op, "csv", "CSV: unknown charset", Map.of(), query, Map.of(), "text/csv; charset=no-such-charset",
                header + row, null, null));
        return cases;
    }

    // ------------------------------------------------------------------ query, path, headers, method

    /** The required query parameters with valid values (an example, the first value the description names). */
    List<Map.Entry<String, Text>> validQuery(Operation op) {
        List<Map.Entry<String, Text>> query = new ArrayList<>();
        for (Param param : op.params("query")) {
            if (param.required()) {
                query.add(new SimpleEntry<>(param.name(), Text.of("valid", validValue(param))));
            }
        }
        return query;
    }

    static String validValue(Param param) {
        if (param.example() != null) {
            return param.example();
        }
        if (param.schema().has("enum")) {
            return param.schema().get("enum").get(0).asText();
        }
        return switch (BadValues.kind(param.name(), param.description())) {
            case LIMIT -> "1";
            case DATE -> "2027-01-01";
            case INSTANT -> "2027-01-01T00:00:00Z";
            case ID -> "00000000-0000-7000-8000-000000000001";
            case CURRENCY -> "EUR";
            case PERIOD -> "2027-Q1";
            default -> param.description().split("[ ,;(]+")[0];
        };
    }

    private List<Case> query(Operation op, List<Map.Entry<String, Text>> validQuery, String realCursor) {
        List<Case> cases = new ArrayList<>();
        for (Param param : op.params("query")) {
            Kind kind = BadValues.kind(param.name(), param.description());
            List<Text> values = new ArrayList<>(bad.forParameter(kind));
            if (kind == Kind.CURSOR) {
                values.addAll(bad.cursorTamperings(realCursor != null ? realCursor
                        : java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                                "2027-01-01T00:00:00Z\u001f01930000-0000-7000-8000-000000000001"
                                        .getBytes(StandardCharsets.UTF_8))));
            }
            if (param.schema().has("enum")) {
                values.add(Text.of("unknown enum value", "UNKNOWN_FUZZ_VALUE"));
                values.add(Text.of("enum in upper case", param.schema().get("enum").get(0).asText().toUpperCase()));
            }
            values.addAll(bad.forAnyParameter());
            for (Text value : values) {
                List<Map.Entry<String, Text>> query = new ArrayList<>();
                validQuery.stream().filter(e -> !e.getKey().equals(param.name())).forEach(query::add);
                query.add(new SimpleEntry<>(param.name(), value));
                cases.add(new Case(op, "query", param.name() + " = " + value.label(), Map.of(), query, Map.of(),
                        null, null, null, null));
            }
            List<Map.Entry<String, Text>> twice = new ArrayList<>(validQuery);
            twice.add(new SimpleEntry<>(param.name(), Text.of("valid", validValue(param))));
            twice.add(new SimpleEntry<>(param.name(), Text.of("second", "UNKNOWN_FUZZ_VALUE")));
            cases.add(new Case(op, "query", param.name() + " given twice", Map.of(), twice, Map.of(), null, null, null, null));
        }
        List<Map.Entry<String, Text>> unknown = new ArrayList<>(validQuery);
        unknown.add(new SimpleEntry<>("fuzzUnknownParameter", Text.of("x", "x")));
        cases.add(new Case(op, "query", "unknown parameter", Map.of(), unknown, Map.of(), null, null, null, null));
        List<Map.Entry<String, Text>> broken = new ArrayList<>(validQuery);
        broken.add(new SimpleEntry<>("", Text.encoded("broken query", "%zz&&=&a=%")));
        cases.add(new Case(op, "query", "malformed query string", Map.of(), broken, Map.of(), null, null, null, null));
        return withBodies(op, cases);
    }

    private List<Case> path(Operation op, Map<String, String> realPath, List<Map.Entry<String, Text>> validQuery) {
        List<Case> cases = new ArrayList<>();
        for (Param param : op.params("path")) {
            Kind kind = BadValues.kind(param.name(), param.description());
            List<Text> values = new ArrayList<>();
            if (kind == Kind.ID) {
                values.addAll(bad.idTamperings(realPath.get(param.name())));
            } else {
                values.addAll(bad.forParameter(kind));
                if (kind == Kind.ENUM) {
                    String real = realPath.getOrDefault(param.name(), "");
                    values.add(Text.of("value in lower case", real.toLowerCase()));
                }
            }
            values.add(Text.encoded("encoded NUL", "%00"));
            values.add(Text.of("huge (5000 chars)", "x".repeat(5000)));
            for (Text value : values) {
                cases.add(new Case(op, "path", "{" + param.name() + "} = " + value.label(), Map.of(param.name(), value),
                        validQuery, Map.of(), null, null, null, null));
            }
        }
        return withBodies(op, cases);
    }

    private List<Case> headers(Operation op, String mediaType, String validText, List<Map.Entry<String, Text>> query) {
        List<Case> cases = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        if (op.method().equals("PATCH")) {
            Map<String, String> ifMatch = new LinkedHashMap<>();
            ifMatch.put("absent", Case.ABSENT);
            ifMatch.put("garbage", "garbage");
            ifMatch.put("\"0\"", "\"0\"");
            ifMatch.put("\"99999999999999999999\"", "\"99999999999999999999\"");
            ifMatch.put("\"-1\"", "\"-1\"");
            ifMatch.put("W/\"1\"", "W/\"1\"");
            ifMatch.put("*", "*");
            ifMatch.put("empty", "");
            ifMatch.put("a lone quote", "\"");
            ifMatch.put("two ETags", "\"1\", \"2\"");
            ifMatch.put("6000 chars", "\"" + "9".repeat(6000) + "\"");
            ifMatch.forEach((label, value) -> {
                Map<String, String> one = new LinkedHashMap<>();
                one.put("If-Match", value);
                cases.add(new Case(op, "header", "If-Match " + label, Map.of(), query, one, mediaType, validText, null, null));
            });
        }
        if (op.hasHeader("Idempotency-Key")) {
            headers.put("Idempotency-Key of 256 chars", "k".repeat(256));
            headers.put("Idempotency-Key of 6000 chars", "k".repeat(6000));
            headers.put("blank Idempotency-Key", " ");
            headers.put("Idempotency-Key with non-ASCII", "cl\u00e9-\u00fc-" + Examples.UNIQUE);
        }
        headers.put("Accept: application/xml", "application/xml");
        headers.put("Accept: text/html", "text/html");
        headers.put("Accept: application/json;q=0", "application/json;q=0");
        headers.put("header of 20000 chars", "x".repeat(20_000));
        headers.forEach((label, value) -> {
            String name = label.startsWith("Accept") ? "Accept" : label.contains("Idempotency") ? "Idempotency-Key" : "X-Fuzz";
            cases.add(new Case(op, "header", label, Map.of(), query, Map.of(name, value), mediaType, validText, null, null));
        });
        return cases;
    }

    private List<Case> method(Operation op, List<Map.Entry<String, Text>> query) {
        for (String method : METHODS) {
            if (!op.pathMethods().contains(method)) {
                return new ArrayList<>(List.of(new Case(op, "method", method + " (not declared on this path)", Map.of(),
                        query, Map.of(), "application/json", method.equals("GET") || method.equals("DELETE") ? null : "{}",
                        null, method)));
            }
        }
        return new ArrayList<>();
    }

    /** Cases that only change the query or path still send the operation's valid body. */
    private List<Case> withBodies(Operation op, List<Case> cases) {
        JsonNode valid = validBody(op);
        if (valid == null) {
            return cases;
        }
        String mediaType = jsonBody(op).getKey();
        String text = Json.write(valid);
        List<Case> result = new ArrayList<>();
        for (Case c : cases) {
            result.add(new Case(c.op(), c.category(), c.label(), c.path(), c.query(), c.headers(), mediaType, text, null,
                    c.method()));
        }
        return result;
    }
}
