package dev.salesplatform.e2e.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.hamcrest.Matchers;

import com.fasterxml.jackson.databind.JsonNode;

import dev.salesplatform.e2e.fuzz.OpenApiDocument.Operation;
import dev.salesplatform.e2e.fuzz.OpenApiDocument.Param;

/**
 * Real records for the path parameters, so that bad input reaches validation rather than a 404:
 * each operation that changes a record gets its own (a lead in the state its command needs, a deal
 * with a team member, an obstacle or a proposal, a customer onboarded from a won deal, its open
 * renewal), read-only operations share one with enough children to page. A command whose success
 * used its record up (a won deal) gets a new one, a few times. Made through the API, as the caller.
 */
public final class Fixtures {

    static final String SPECIALIST = "00000000-0000-7000-8000-000000000004";
    static final String AE = "00000000-0000-7000-8000-000000000003";
    static final int REFRESHES = 6;
    static final Duration EVENTUAL = Duration.ofSeconds(60);

    private final Http http;
    private final String marker;
    private final LocalDate serverToday;
    private final BadValues bad;
    private final String rep;
    private final Map<String, Map<String, String>> byOperation = new HashMap<>();
    private final Map<String, Integer> refreshes = new HashMap<>();
    private final Map<String, String> shared = new HashMap<>();
    private final Deque<String> customers = new ArrayDeque<>();
    private int sequence;

    public Fixtures(Http http, String marker, LocalDate serverToday, BadValues bad) {
        this.http = http;
        this.marker = marker;
        this.serverToday = serverToday;
        this.bad = bad;
        this.rep = bad.uuid().toString();
    }

    /**
     * Onboards {@code count} customers at once (won deals, then waits for customer-success to have them
     * all). Each deal's contact has a domain of its own: customer-success makes one customer per domain.
     */
    public void prepareCustomers(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "FuzzCustomer-" + marker + "-" + next();
            String deal = create("/api/v1/deals", """
                    {"name": "Fuzz won %s", "companyName": "%s", "contact": {"email": "buyer@%s.example.org"},
                     "amount": {"amount": "1200.00", "currency": "EUR"}}""".formatted(name, name, name.toLowerCase()));
            // Started 11 months before the server's today: its 12-month term ends within the renewal window.
            expect(http.send(Http.Request.json("POST", "/api/v1/deals/" + deal + "/win", """
                    {"finalAmount": {"amount": "1200.00", "currency": "EUR"},
                     "contract": {"startDate": "%s", "termMonths": 12,
                                  "monthlyRecurringRevenue": {"amount": "100.00", "currency": "EUR"}}}"""
                    .formatted(serverToday.minusMonths(11)))), 200, "win a deal");
            names.add(name);
        }
        for (String name : names) {
            customers.add(await("customer " + name, () -> {
                for (JsonNode item : get("/api/v1/customers?limit=200&q=" + encode(name)).path("items")) {
                    if (item.path("companyName").asText().equals(name)) {
                        return item.path("id").asText();
                    }
                }
                return null;
            }));
        }
    }

    /** The real values of the operation's path parameters (its own records, made on first use). */
    public Map<String, String> values(Operation op) {
        return byOperation.computeIfAbsent(op.key(), key -> make(op));
    }

    /** The operation's record was used up by an accepted command: the next request gets a new one. */
    public void consumed(Operation op) {
        int used = refreshes.merge(op.key(), 1, Integer::sum);
        if (used <= REFRESHES) {
            byOperation.remove(op.key());
        }
    }

    /** A real nextCursor of the list the operation answers (limit=1), or null. */
    public String cursor(Operation op, Map<String, String> path) {
        if (!op.method().equals("GET") || op.params("query").stream().noneMatch(p -> p.name().equals("cursor"))) {
            return null;
        }
        StringBuilder query = new StringBuilder("?limit=1");
        for (Param param : op.params("query")) {
            if (param.required()) {
                query.append('&').append(param.name()).append('=').append(encode(CaseGenerator.validValue(param)));
            }
        }
        Http.Answer answer = http.send(Http.Request.of("GET", fill(op.path(), path) + query));
        JsonNode next = answer.json() == null ? null : answer.json().path("nextCursor");
        return next != null && next.isTextual() ? next.asText() : null;
    }

    public static String fill(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }

    // ------------------------------------------------------------------ per operation

    private Map<String, String> make(Operation op) {
        Map<String, String> values = new LinkedHashMap<>();
        String path = op.path();
        boolean read = op.method().equals("GET");
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (path.startsWith("/api/v1/leads/{id}")) {
            values.put("id", read ? shared("lead", this::leadWithActivities) : lead(switch (last) {
                case "qualify" -> "CONTACTED";
                case "handoff" -> "QUALIFIED";
                case "reopen" -> "DISQUALIFIED";
                default -> "NEW";
            }));
        } else if (path.startsWith("/api/v1/deals/{id}")) {
            if (path.contains("{userId}")) {
                String deal = deal();
                expect(http.send(Http.Request.json("POST", "/api/v1/deals/" + deal + "/team",
                        "{\"userId\": \"" + SPECIALIST + "\", \"role\": \"SALES_SPECIALIST\"}")), 200, "add a team member");
                values.put("id", deal);
                values.put("userId", SPECIALIST);
            } else if (path.contains("{obstacleId}")) {
                String deal = deal();
                values.put("id", deal);
                values.put("obstacleId", create("/api/v1/deals/" + deal + "/obstacles", "{\"type\": \"LEGAL\"}"));
            } else if (path.contains("{proposalId}")) {
                String deal = read ? shared("deal-with-proposal", this::deal) : deal();
                values.put("id", deal);
                values.put("proposalId", read ? shared("proposal", () -> proposal(deal, false))
                        : proposal(deal, last.equals("accept") || last.equals("reject")));
            } else {
                values.put("id", read ? shared("deal", this::dealWithHistory) : deal());
            }
        } else if (path.startsWith("/api/v1/customers/{id}")) {
            values.put("id", read ? shared("customer", this::customerWithChildren) : customer());
        } else if (path.startsWith("/api/v1/renewals/{id}")) {
            values.put("id", renewal(read ? shared("customer", this::customerWithChildren) : customer()));
        } else if (path.startsWith("/api/v1/pipelines/{id}")) {
            values.put("id", shared("pipeline", () -> get("/api/v1/pipelines").path(0).path("id").asText()));
        } else if (path.startsWith("/api/v1/lead-imports/{id}")) {
            values.put("id", shared("import", this::leadImport));
        } else if (path.startsWith("/api/v1/dead-letters/{service}")) {
            values.put("service", "lead-service");
        } else if (path.startsWith("/api/v1/analytics/targets/{repId}")) {
            values.put("repId", rep);
            values.put("period", "2027-Q1");
            values.put("metric", "REVENUE");
        }
        for (Param param : op.params("path")) {
            values.putIfAbsent(param.name(), bad.uuid().toString());
        }
        return values;
    }

    private String shared(String name, Supplier<String> make) {
        String value = shared.get(name);
        if (value == null) {
            value = make.get();
            shared.put(name, value);
        }
        return value;
    }

    private String lead(String state) {
        String id = create("/api/v1/leads", """
                {"firstName": "Fuzz", "lastName": "Lead %1$s", "email": "lead-%1$s@fuzz-%2$s.example.org",
                 "company": {"name": "Fuzz Lead Co %1$s"}, "source": "WEB_FORM"}""".formatted(next(), marker));
        if (!state.equals("NEW")) {
            create("/api/v1/leads/" + id + "/activities", "{\"type\": \"CALL\"}");
        }
        if (state.equals("QUALIFIED")) {
            expect(http.send(Http.Request.json("POST", "/api/v1/leads/" + id + "/qualify", """
                    {"budget": {"amount": "5000.00", "currency": "EUR"}, "authority": "CFO", "need": "Reports",
                     "timeline": "2027-03-31"}""")), 200, "qualify a lead");
        }
        if (state.equals("DISQUALIFIED")) {
            expect(http.send(Http.Request.json("POST", "/api/v1/leads/" + id + "/disqualify", "{\"reason\": \"OTHER\"}")),
                    200, "disqualify a lead");
        }
        return id;
    }

    private String leadWithActivities() {
        String id = lead("NEW");
        create("/api/v1/leads/" + id + "/activities", "{\"type\": \"NOTE\", \"notes\": \"first\"}");
        create("/api/v1/leads/" + id + "/activities", "{\"type\": \"NOTE\", \"notes\": \"second\"}");
        return id;
    }

    private String deal() {
        int n = next();
        return create("/api/v1/deals", """
                {"name": "Fuzz deal %1$s", "companyName": "Fuzz Deal Co %2$s-%1$s",
                 "contact": {"email": "buyer@deal-%1$s-%2$s.example.org"},
                 "amount": {"amount": "1000.00", "currency": "EUR"}}""".formatted(n, marker));
    }

    private String dealWithHistory() {
        String id = deal();
        expect(http.send(Http.Request.json("POST", "/api/v1/deals/" + id + "/stage", "{\"stage\": \"DEMO\"}")), 200,
                "move a deal");
        return id;
    }

    private String proposal(String deal, boolean sent) {
        String id = create("/api/v1/deals/" + deal + "/proposals", """
                {"lines": [{"product": "Fuzz seat", "quantity": "2", "unitPrice": {"amount": "100.00", "currency": "EUR"}}],
                 "validUntil": "%s"}""".formatted(serverToday.plusDays(30)));
        if (sent) {
            expect(http.send(new Http.Request("POST", "/api/v1/deals/" + deal + "/proposals/" + id + "/send", Map.of(), null)),
                    200, "send a proposal");
        }
        return id;
    }

    private String customer() {
        if (customers.isEmpty()) {
            prepareCustomers(1);
        }
        return customers.pop();
    }

    private String customerWithChildren() {
        String id = customer();
        for (int i = 0; i < 2; i++) {
            create("/api/v1/customers/" + id + "/check-ins", "{\"type\": \"CALL\", \"sentiment\": \"POSITIVE\"}");
            create("/api/v1/customers/" + id + "/feedback", "{\"score\": " + (8 + i) + "}");
            create("/api/v1/customers/" + id + "/reviews", "{\"platform\": \"G2\", \"rating\": 5}");
            create("/api/v1/customers/" + id + "/referrals", """
                    {"contact": {"firstName": "Ref", "lastName": "Erral", "email": "referral-%s@fuzz-%s.example.org"}}"""
                    .formatted(next(), marker));
        }
        return id;
    }

    private String renewal(String customer) {
        return await("open renewal of " + customer, () -> {
            JsonNode items = get("/api/v1/renewals?customer=" + customer).path("items");
            return items.isEmpty() ? null : items.get(0).path("id").asText();
        });
    }

    private String leadImport() {
        Http.Answer answer = http.send(Http.Request.json("POST", "/api/v1/lead-imports", """
                [{"firstName": "Fuzz", "lastName": "Import", "email": "import-%s@fuzz-%s.example.org", "source": "WEB_FORM"}]"""
                .formatted(next(), marker)));
        expect(answer, 202, "import leads");
        return answer.json().path("id").asText();
    }

    // ------------------------------------------------------------------ helpers

    private String create(String path, String json) {
        Http.Answer answer = http.send(Http.Request.json("POST", path, json));
        expect(answer, 201, "POST " + path);
        return answer.json().path("id").asText();
    }

    private JsonNode get(String path) {
        Http.Answer answer = http.send(Http.Request.of("GET", path));
        expect(answer, 200, "GET " + path);
        return answer.json();
    }

    private static void expect(Http.Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException("Fixture: " + what + " answered " + answer.status() + " (expected " + status
                    + "): " + (answer.error() != null ? answer.error() : BadValues.abbreviate(answer.body(), 500)));
        }
    }

    /** Polls until the value is there, within a deadline (events travel through Kafka). */
    private static String await(String what, Supplier<String> probe) {
        return Awaitility.await(what).atMost(EVENTUAL).pollInterval(Duration.ofMillis(200))
                .until(probe::get, Matchers.notNullValue());
    }

    private int next() {
        return ++sequence;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
