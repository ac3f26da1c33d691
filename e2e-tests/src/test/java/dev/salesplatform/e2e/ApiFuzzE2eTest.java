package dev.salesplatform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.salesplatform.e2e.fuzz.BadValues;
import dev.salesplatform.e2e.fuzz.CaseGenerator;
import dev.salesplatform.e2e.fuzz.Examples;
import dev.salesplatform.e2e.fuzz.Findings;
import dev.salesplatform.e2e.fuzz.Fixtures;
import dev.salesplatform.e2e.fuzz.Fuzzer;
import dev.salesplatform.e2e.fuzz.Http;
import dev.salesplatform.e2e.fuzz.OpenApiDocument;

/**
 * The merged OpenAPI drives a fuzz test of every operation through the gateway, with a real admin
 * token so that input gets past authorization: each member of a valid body replaced by bad values of
 * its type (wrong types, null, blank, huge and control-character strings with NUL, numbers like
 * 1e999999999 and 1e-999999999, dates and instants out of range, unknown enums), bad query and path
 * parameters (tampered cursors and ids, limit and sort abuse), whole-body abuse (not JSON, arrays,
 * duplicate and unknown members, deep nesting, encodings, wrong content types), headers and methods.
 * It fails on any 5xx, any 4xx that is not application/problem+json with type, title and status, any
 * error naming a Java class or showing a stack frame, and any accepted value that does not read back
 * identically (a create's record at its Location, the record after a merge patch, the record a
 * command answers with). Operations that act on the whole stack (rebuild every projection, redeliver
 * every dead letter) only get the requests that cannot succeed.
 *
 * <p>Deterministic for a seed ({@code -Dfuzz.seed=N}, printed at the start; the default is fixed so
 * that CI is reproducible) within a request budget ({@code -Dfuzz.requests}); the operations take
 * turns, so any budget covers every one (a rate-limited answer waits its Retry-After). Records are
 * new ones of this run; valid dates are fixed
 * ones (2000-2200) except where the server holds a date to its own today (a proposal's validUntil),
 * which is taken from the server's clock. A report of every failure goes to
 * {@code target/fuzz-report.txt} ({@code -Dfuzz.report}); {@code -Dfuzz.trace=FILE} keeps one line per
 * request sent (operation, case, status, answer). It runs after the other e2e tests ({@link Order}):
 * while a service still accepts a value it should refuse (a date in the year -999999999), what it
 * stored can disturb what other tests read.
 */
@Order(Integer.MAX_VALUE)
class ApiFuzzE2eTest {

    static final long DEFAULT_SEED = 20261202L;
    static final int DEFAULT_REQUESTS = 4000;
    static final int EXAMPLES_PER_GROUP = 3;

    @Test
    void everyOperationAnswersBadInputWithAProblemAndKeepsWhatItAccepts() throws IOException {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int budget = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
        Duration guard = Duration.ofSeconds(Long.getLong("fuzz.guardSeconds", 240));
        String marker = UUID.randomUUID().toString().substring(0, 8);
        System.out.println("fuzz seed " + seed + " (reproduce: -Dfuzz.seed=" + seed + " -Dfuzz.requests=" + budget
                + "), run marker " + marker);

        Http http = new Http(Stack.GATEWAY, () -> Stack.userToken("ada.admin"));
        Http.Answer openApi = http.send(Http.Request.of("GET", "/q/openapi"));
        assertEquals(200, openApi.status(), "the gateway's merged OpenAPI: " + openApi.body());
        JsonNode root = openApi.json();
        assertFalse(root.path("info").path("description").asText().contains("Not reachable"),
                "every service's document is in the merged one: " + root.path("info").path("description").asText());
        OpenApiDocument document = new OpenApiDocument(root);

        // The server's today, from the Date of an API answer: not the test machine's clock.
        LocalDate serverToday = http.send(Http.Request.of("GET", "/api/v1/pipelines")).header("Date")
                .map(date -> ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .withZoneSameInstant(ZoneOffset.UTC).toLocalDate())
                .orElseThrow(() -> new AssertionError("the gateway sends no Date header"));
        // The records' random ids draw from a generator of their own: how many records a run makes
        // (refreshed fixtures) must not move the values of the cases.
        Fixtures fixtures = new Fixtures(http, marker, serverToday, new BadValues(new Random(seed + 1)));
        CaseGenerator generator = new CaseGenerator(document, new Examples(document, serverToday),
                new BadValues(new Random(seed)), seed, marker);

        long started = System.nanoTime();
        String tracePath = System.getProperty("fuzz.trace");
        List<String> trace = tracePath == null ? null : new ArrayList<>();
        Fuzzer.Result result = new Fuzzer(http, document, fixtures, generator, marker).trace(trace)
                .run(new Fuzzer.Settings(budget, guard));
        if (trace != null) {
            Files.write(Path.of(tracePath), trace, StandardCharsets.UTF_8);
        }
        Findings findings = result.findings();
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        String summary = "fuzz summary: seed " + seed + ", " + result.requests() + " requests (+"
                + result.setupRequests() + " to make records in " + result.setupTime().toSeconds() + " s), "
                + result.cases() + " cases, " + result.covered().size() + " of " + result.operations()
                + " operations covered, " + findings.count(Findings.SERVER_ERROR) + " 5xx, "
                + findings.count(Findings.NOT_PROBLEM) + " non-problem 4xx, " + findings.count(Findings.MISMATCH)
                + " read-back mismatches (of " + result.readBacks() + " read back), " + findings.count(Findings.LEAK)
                + " naming Java classes, " + findings.count(Findings.NO_ANSWER) + " without an answer, "
                + findings.count(Findings.FIXTURE) + " records not made, " + result.tooManyRequests()
                + " times 429, answers " + result.statuses() + ", " + seconds + " s"
                + (result.guardHit() ? ", STOPPED BY THE TIME GUARD before the budget was spent" : "");
        System.out.println(summary);
        result.notDriven().forEach((op, why) -> System.out.println("fuzz: " + op + " " + why));
        for (Map.Entry<String, Long> total : findings.totals().entrySet()) {
            System.out.println("fuzz: " + total.getValue() + " x " + total.getKey());
        }

        Path report = Path.of(System.getProperty("fuzz.report", "target/fuzz-report.txt"));
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, summary + "\n" + findings.grouped(Integer.MAX_VALUE) + "\n", StandardCharsets.UTF_8);
        System.out.println("fuzz report: " + report.toAbsolutePath());

        if (!findings.isEmpty()) {
            fail(findings.all().size() + " failures, by operation and kind (first " + EXAMPLES_PER_GROUP
                    + " of each; all in " + report.toAbsolutePath() + "):\n" + summary
                    + findings.grouped(EXAMPLES_PER_GROUP));
        }
    }
}
