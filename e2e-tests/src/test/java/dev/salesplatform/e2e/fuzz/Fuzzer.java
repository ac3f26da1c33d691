package dev.salesplatform.e2e.fuzz;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.salesplatform.e2e.fuzz.BadValues.Text;
import dev.salesplatform.e2e.fuzz.Findings.Failure;
import dev.salesplatform.e2e.fuzz.OpenApiDocument.Operation;
import dev.salesplatform.e2e.fuzz.Verdicts.Verdict;

/**
 * Drives every operation of the document with its generated cases, the operations taking turns
 * (so that any budget covers all of them), until the request budget is spent: judges each answer,
 * reads back what a create or a merge patch accepted, and collects every failure.
 */
public final class Fuzzer {

    /** The request budget, and a wall-clock guard that only stops a run gone wrong. */
    public record Settings(int requests, Duration guard) {
    }

    /** What a run did and found. */
    public record Result(int requests, int setupRequests, Duration setupTime, int cases, Set<String> covered, int operations,
                         Map<String, String> notDriven, Map<String, Integer> statuses, int tooManyRequests,
                         int readBacks, boolean guardHit, Findings findings) {
    }

    /**
     * Operations whose success acts on the whole stack rather than on a record of ours: a rebuild of
     * every projection, the redelivery of every open dead letter. They only get the requests that
     * cannot succeed (another method; a service name that is not theirs).
     */
    static final Map<String, List<String>> GUARDED = Map.of(
            "POST /api/v1/analytics/rebuild", List.of("method"),
            "POST /api/v1/dead-letters/{service}/redeliver", List.of("method", "path"));

    private final Http http;
    private final OpenApiDocument document;
    private final Fixtures fixtures;
    private final CaseGenerator generator;
    private final String marker;
    private final Findings findings = new Findings();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private int unique;
    private int readBacks;
    private List<String> trace;

    /** Keeps one line per case (operation, case, status, media type, answer) in {@code lines}. */
    public Fuzzer trace(List<String> lines) {
        trace = lines;
        return this;
    }

    public Fuzzer(Http http, OpenApiDocument document, Fixtures fixtures, CaseGenerator generator, String marker) {
        this.http = http;
        this.document = document;
        this.fixtures = fixtures;
        this.generator = generator;
        this.marker = marker;
        http.onRateLimited(answer -> judge(null, answer, "429 before a retry"));
    }

    public Result run(Settings settings) {
        int start = http.sent();
        long startedAt = System.nanoTime();
        List<Operation> operations = document.operations();
        long customerOperations = operations.stream().filter(op -> !op.method().equals("GET")
                && (op.path().startsWith("/api/v1/customers/{id}") || op.path().startsWith("/api/v1/renewals/{id}"))).count();
        fixtures.prepareCustomers((int) customerOperations + 5);

        Map<String, String> notDriven = new LinkedHashMap<>();
        List<List<Case>> queues = new ArrayList<>();
        for (Operation op : operations) {
            List<Case> cases;
            try {
                Map<String, String> path = fixtures.values(op);
                cases = generator.generate(op, path, fixtures.cursor(op, path));
            } catch (RuntimeException e) {
                findings.add(new Failure(op.key(), Findings.FIXTURE, "making its records", "-", 0,
                        BadValues.abbreviate(String.valueOf(e.getMessage()), 600)));
                notDriven.put(op.key(), "its records could not be made: " + BadValues.abbreviate(e.getMessage(), 200));
                continue;
            }
            List<String> allowed = GUARDED.get(op.key());
            if (allowed != null) {
                cases = cases.stream().filter(c -> allowed.contains(c.category())).toList();
                notDriven.put(op.key(), "acts on the whole stack: only " + String.join(" and ", allowed) + " cases");
            }
            queues.add(new ArrayList<>(cases));
        }
        queues.add(new ArrayList<>(gatewayCases()));
        int setup = http.sent() - start;
        Duration setupTime = Duration.ofNanos(System.nanoTime() - startedAt);

        int budget = settings.requests();
        long deadline = System.nanoTime() + settings.guard().toNanos();
        Set<String> covered = new LinkedHashSet<>();
        int cases = 0;
        boolean guardHit = false;
        int fuzzStart = http.sent();
        outer:
        while (queues.stream().anyMatch(q -> !q.isEmpty())) {
            for (List<Case> queue : queues) {
                if (queue.isEmpty()) {
                    continue;
                }
                if (http.sent() - fuzzStart >= budget) {
                    break outer;
                }
                if (System.nanoTime() > deadline) {
                    guardHit = true;
                    break outer;
                }
                Case next = queue.remove(0);
                try {
                    execute(next);
                } catch (RuntimeException e) {
                    // A record for it could not be made (the fixture's own request failed): say so, go on.
                    findings.add(new Failure(next.op().key(), Findings.FIXTURE, next.category() + ": " + next.label(),
                            "-", 0, BadValues.abbreviate(String.valueOf(e.getMessage()), 600)));
                }
                cases++;
                if (!next.op().path().startsWith("(")) {
                    covered.add(next.op().key());
                }
            }
        }
        return new Result(http.sent() - fuzzStart, setup, setupTime, cases, covered, operations.size(), notDriven, statuses,
                http.tooManyRequests(), readBacks, guardHit, findings);
    }

    // ------------------------------------------------------------------ one case

    private void execute(Case c) {
        Operation op = c.op();
        Map<String, String> real = op.path().startsWith("(") ? Map.of() : fixtures.values(op);
        Map<String, String> segments = new LinkedHashMap<>();
        real.forEach((name, value) -> segments.put(name, encode(value)));
        c.path().forEach((name, value) -> segments.put(name, value.encoded() ? value.value() : encode(value.value())));
        String path = op.path().startsWith("(") ? c.label() : Fixtures.fill(op.path(), segments);
        String target = path + query(c.query());

        String body = c.bodyText() == null ? null : c.bodyText()
                .replace(Examples.UNIQUE_EMAIL, "fuzz@" + marker + "-" + (++unique) + ".example.org")
                .replace(Examples.UNIQUE, marker + "-" + (++unique));
        Map<String, String> headers = new LinkedHashMap<>();
        if (c.contentType() != null && c.hasBody()) {
            headers.put("Content-Type", c.contentType());
        }
        boolean patch = c.method().equals("PATCH") && op.method().equals("PATCH");
        if (patch && !c.headers().containsKey("If-Match")) {
            Http.Answer current = http.send(Http.Request.of("GET", Fixtures.fill(op.path(), segments)));
            current.header("ETag").ifPresent(etag -> headers.put("If-Match", etag));
        }
        c.headers().forEach((name, value) -> {
            if (value != null) {
                headers.put(name, value.replace(Examples.UNIQUE, marker + "-" + (++unique)));
            }
        });
        Http.Request request = new Http.Request(c.method(), target, headers, c.bytes(body));
        Http.Answer answer = http.send(request);
        statuses.merge(answer.status() <= 0 ? "none" : answer.status() / 100 + "xx", 1, Integer::sum);
        if (trace != null) {
            trace.add(op.key() + "\t" + c.category() + ": " + BadValues.printable(c.label()) + "\t" + answer.status()
                    + "\t" + answer.contentType() + "\t" + excerpt(answer.body()).replace("\t", " "));
        }
        judge(c, answer, null);

        boolean accepted = answer.status() >= 200 && answer.status() < 300 && c.method().equals(op.method());
        if (accepted && CaseGenerator.oneShot(op)) {
            fixtures.consumed(op);
        }
        if (accepted && body != null && (op.method().equals("POST") || op.method().equals("PUT") || patch)) {
            readBack(c, request, answer, body, path);
        }
    }

    /** Where a command's answer holds what its body set (a won deal's "won"), when not at the top. */
    static final Map<String, String> ANSWER_SECTIONS = Map.of("win", "won", "lose", "lost", "qualify", "qualification",
            "disqualify", "disqualification");

    private void judge(Case c, Http.Answer answer, String note) {
        for (Verdict verdict : Verdicts.judge(answer)) {
            String operation = c == null ? operationOf(answer.request())
                    : c.op().path().startsWith("(") ? c.method() + " " + c.label() + " (no such operation)" : c.op().key();
            String label = c == null ? note : c.category() + ": " + c.label();
            findings.add(new Failure(operation, verdict.kind(), label, describe(answer.request()), answer.status(),
                    verdict.detail() + " | " + excerpt(answer.body())));
        }
    }

    private void readBack(Case c, Http.Request request, Http.Answer answer, String body, String path) {
        JsonNode sent = ReadBack.sent(body);
        if (sent == null || !sent.isObject()) {
            return;
        }
        String location = c.op().method().equals("PATCH") ? path
                : answer.status() == 201 ? answer.header("Location").orElse(null) : null;
        if (location == null) {
            // A command: the record it answers with is what it stored.
            JsonNode record = answer.json();
            String last = c.op().path().substring(c.op().path().lastIndexOf('/') + 1);
            if (record != null && ANSWER_SECTIONS.containsKey(last)) {
                record = record.path(ANSWER_SECTIONS.get(last));
            }
            if (record == null || !record.isObject()) {
                return;
            }
            readBacks++;
            List<String> differences = ReadBack.differences(sent, record, c.op().method().equals("PATCH"));
            if (!differences.isEmpty()) {
                findings.add(new Failure(c.op().key(), Findings.MISMATCH, c.category() + ": " + c.label(),
                        describe(request), answer.status(), "the answer of the command: " + String.join("; ", differences)));
            }
            return;
        }
        if (location.startsWith("http")) {
            URI uri = URI.create(location);
            location = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
        readBacks++;
        Http.Answer read = http.send(Http.Request.of("GET", location));
        judge(c, read, null);
        JsonNode record = read.json();
        if (read.status() != 200 || record == null) {
            findings.add(new Failure(c.op().key(), Findings.MISMATCH, c.category() + ": " + c.label(), describe(request),
                    answer.status(), "accepted, but GET " + location + " answered " + read.status() + " | "
                    + excerpt(read.body())));
            return;
        }
        JsonNode list = record.isArray() ? record : record.has("items") && record.get("items").isArray() ? record.get("items") : null;
        if (list != null) {
            String id = answer.json() == null ? null : answer.json().path("id").asText(null);
            JsonNode found = null;
            for (JsonNode item : list) {
                if (id != null && id.equals(item.path("id").asText())) {
                    found = item;
                }
            }
            if (found == null) {
                // The first page need not hold it (a list sorted otherwise); the answer to the POST is the record then.
                found = answer.json();
            }
            record = found;
        }
        List<String> differences = ReadBack.differences(sent, record, c.op().method().equals("PATCH"));
        if (!differences.isEmpty()) {
            findings.add(new Failure(c.op().key(), Findings.MISMATCH, c.category() + ": " + c.label(), describe(request),
                    answer.status(), "GET " + location + ": " + String.join("; ", differences)));
        }
    }

    // ------------------------------------------------------------------ gateway-level cases

    /** A few requests no operation owns: routes that do not exist, odd spellings of ones that do. */
    private static List<Case> gatewayCases() {
        Operation gateway = new Operation("GET", "(gateway)", List.of(), Map.of(), Map.of(), false, Set.of("GET"));
        List<Case> cases = new ArrayList<>();
        for (String path : List.of("/api/v1/fuzz-unknown-route", "/api/v1", "/api/v1/leads/", "/api/v1//leads",
                "/api/v1/leads/%2e%2e/deals", "/api/v1/leads;jsessionid=x", "/api/v1/LEADS", "/api/v2/leads",
                "/api/v1/leads?limit=1#fragment", "/api/v1/%00")) {
            cases.add(new Case(gateway, "gateway", path, Map.of(), List.of(), Map.of(), null, null, null, null));
        }
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            cases.add(new Case(gateway, "gateway", "/api/v1/fuzz-unknown-route", Map.of(), List.of(), Map.of(),
                    "application/json", method.equals("DELETE") ? null : "{}", null, method));
        }
        return cases;
    }

    // ------------------------------------------------------------------ text

    private static String query(List<Map.Entry<String, Text>> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Text> parameter : query) {
            text.append(text.isEmpty() ? "?" : "&");
            if (!parameter.getKey().isEmpty()) {
                text.append(encode(parameter.getKey())).append('=');
            }
            text.append(parameter.getValue().encoded() ? parameter.getValue().value() : encode(parameter.getValue().value()));
        }
        return text.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The request as someone would type it again: method, target, headers (not the token), body. */
    static String describe(Http.Request request) {
        StringBuilder text = new StringBuilder(request.method()).append(' ')
                .append(BadValues.abbreviate(request.target(), 400));
        request.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Authorization")) {
                text.append("\n").append(name).append(": ").append(BadValues.printable(BadValues.abbreviate(value, 80)));
            }
        });
        if (request.body() != null) {
            text.append("\nbody: ").append(BadValues.printable(BadValues.abbreviate(
                    new String(request.body(), StandardCharsets.UTF_8), 600)));
        }
        return text.toString();
    }

    private static String excerpt(String body) {
        return BadValues.printable(BadValues.abbreviate(body == null ? "" : body.replace("\n", " "), 400));
    }

    private String operationOf(Http.Request request) {
        String path = request.target().split("\\?")[0];
        for (Operation op : document.operations()) {
            if (op.method().equals(request.method()) && path.matches(op.path().replaceAll("\\{[^}]+}", "[^/]+"))) {
                return op.key();
            }
        }
        return request.method() + " " + path;
    }
}
