package dev.salesplatform.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Lead-service benchmarks against the running local stack, as ratios within one run:
 * <ul>
 * <li>lead creation through the gateway vs. directly at lead-service vs. the same statement sent to
 * PostgreSQL over JDBC (the ceiling), at the same concurrency, after a warm-up: throughput, latency
 * percentiles and the CPU each process of the stack spent;</li>
 * <li>a bulk CSV import of N rows: upload (202) and completion time, rows per second.</li>
 * </ul>
 * Settings are system properties (see {@link #setting}); results go to tools/bench/results/.
 */
public final class LeadBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Only to date the results; durations are measured on System.nanoTime. */
    private static final Clock WALL_CLOCK = Clock.systemUTC();
    /** HTTP/1.1, as integrators' and browsers' API calls are (no cleartext HTTP/2 upgrade). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String gateway = setting("bench.gateway", "http://127.0.0.1:8080");
    private final String leadService = setting("bench.leadService", "http://127.0.0.1:8081");
    private final String tokenUrl = setting("bench.tokenUrl",
            "http://127.0.0.1:8180/realms/sales/protocol/openid-connect/token");
    private final String jdbcUrl = setting("bench.jdbcUrl", "jdbc:postgresql://127.0.0.1:15432/lead");
    private final int concurrency = Integer.parseInt(setting("bench.concurrency", "16"));
    private final int requests = Integer.parseInt(setting("bench.requests", "20000"));
    /** Until throughput is steady: the JIT has compiled the hot path and the pools are full. */
    private final int warmup = Integer.parseInt(setting("bench.warmup", "10000"));
    private final Path runDir = Path.of(setting("bench.runDir", ".platform/run"));
    private final int importRows = Integer.parseInt(setting("bench.importRows", "100000"));
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    public static void main(String[] args) throws Exception {
        new LeadBench().run(Path.of(setting("bench.results", "tools/bench/results")));
    }

    private void run(Path resultsDir) throws Exception {
        String sdrToken = token(Map.of("grant_type", "password", "client_id", "sales-frontend",
                "username", "sara.sdr", "password", "demo"));
        String integrationToken = token(Map.of("grant_type", "client_credentials", "client_id", "marketing-tool",
                "client_secret", "marketing-tool-secret"));
        template = template(sdrToken);
        List<String> lines = new ArrayList<>();
        lines.add("# Lead benchmarks " + DateTimeFormatter.ISO_INSTANT.format(WALL_CLOCK.instant()));
        lines.add("");
        lines.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, JDK "
                + Runtime.version() + "; concurrency " + concurrency + ", " + requests + " requests per target"
                + " after " + warmup + " warm-up requests (not counted).");
        lines.add("");
        lines.add("| target | requests/s | p50 ms | p95 ms | p99 ms | vs PostgreSQL | CPU s per 1000 requests |");
        lines.add("|---|---|---|---|---|---|---|");

        Result postgres = load("postgres", this::insertDirect);
        Result direct = load("direct", i -> createLead(leadService, sdrToken, "direct", i));
        Result viaGateway = load("gateway", i -> createLead(gateway, sdrToken, "gateway", i));
        for (Result result : List.of(postgres, direct, viaGateway)) {
            lines.add(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %.1f | %.2f | %s |", result.name,
                    result.perSecond(), result.percentile(50), result.percentile(95), result.percentile(99),
                    result.perSecond() / postgres.perSecond(), result.cpu.perThousand(result.nanos.size())));
        }
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Gateway vs direct: %.2f.", viaGateway.perSecond() / direct.perSecond()));
        lines.add("");
        lines.add("postgres = the statement lead-service runs for a create, over JDBC in autocommit at the same "
                + "concurrency: the lead row (ON CONFLICT on the open-email index), its lead.created.v1 outbox "
                + "row (the payload of a real create) and its history row, with the same indexes; direct = POST "
                + "/api/v1/leads on lead-service as an SDR (JWT, validation, score, the same statement); gateway "
                + "= the same through api-gateway. CPU is each process's user+system time during the counted "
                + "requests (/proc), of the processes in .platform/run (with their child processes, such as "
                + "PostgreSQL's backends) and of this benchmark's client; PostgreSQL's includes what the consumers "
                + "of lead.created.v1 (analytics) and the relay do for each create.");
        lines.add("");
        lines.addAll(importRun(integrationToken));

        Files.createDirectories(resultsDir);
        Path file = resultsDir.resolve("lead-bench-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC).format(WALL_CLOCK.instant()) + ".md");
        Files.write(file, lines);
        Files.write(resultsDir.resolve("lead-bench-latest.md"), lines);
        Files.writeString(resultsDir.resolve("lead-bench-latest.json"), JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(Map.of("concurrency", concurrency, "requests", requests, "warmup", warmup,
                        "targets", List.of(postgres.json(postgres), direct.json(postgres), viaGateway.json(postgres)))));
        lines.forEach(System.out::println);
        System.out.println("\nwritten to " + file + " (and lead-bench-latest.md, lead-bench-latest.json)");
    }

    private List<String> importRun(String token) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/lead-imports"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "text/csv")
                        .timeout(Duration.ofMinutes(10))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(this::csv))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("import answered " + accepted.statusCode() + ": " + accepted.body());
        }
        Duration upload = Duration.ofNanos(System.nanoTime() - start);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode job;
        long deadline = start + Duration.ofMinutes(30).toNanos();
        do {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("import " + location + " not finished after 30 minutes");
            }
            HttpResponse<String> status = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + location))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            job = JSON.readTree(status.body());
            if (!job.path("status").asText().equals("COMPLETED") && !job.path("status").asText().equals("FAILED")) {
                Thread.sleep(250);
            }
        } while (!job.path("status").asText().equals("COMPLETED") && !job.path("status").asText().equals("FAILED"));
        Duration total = Duration.ofNanos(System.nanoTime() - start);
        return List.of("## Bulk import of " + importRows + " CSV rows (through the gateway)", "",
                "| upload to 202 | upload rows/s | until COMPLETED | end-to-end rows/s | created | failed |",
                "|---|---|---|---|---|---|",
                String.format(Locale.ROOT, "| %.1f s | %.0f | %.1f s | %.0f | %s | %s |", upload.toMillis() / 1000.0,
                        importRows / (upload.toMillis() / 1000.0), total.toMillis() / 1000.0,
                        importRows / (total.toMillis() / 1000.0), job.path("counts").path("created").asText(),
                        job.path("counts").path("failed").asText()),
                "", "Job status: " + job.path("status").asText() + ".");
    }

    /** The CSV, made while it is sent: the benchmark holds no file in memory either. */
    private InputStream csv() {
        Enumeration<InputStream> chunks = new Enumeration<>() {
            private int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next < importRows;
            }

            @Override
            public InputStream nextElement() {
                StringBuilder chunk = new StringBuilder();
                if (next < 0) {
                    chunk.append("firstName,lastName,email,title,companyName,companyEmployees,source,utmCampaign\n");
                    next = 0;
                }
                for (int end = Math.min(importRows, next + 1000); next < end; next++) {
                    chunk.append("Bench,Row").append(next).append(",import-").append(runId).append('-').append(next)
                            .append("@bench.example,Head of Sales,Bench Ltd,").append(50 + next % 500)
                            .append(",MARKETING_AUTOMATION,bench\n");
                }
                return new ByteArrayInputStream(chunk.toString().getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(chunks);
    }

    private int createLead(String base, String token, String target, int i) throws IOException, InterruptedException {
        String body = """
                {"firstName": "Bench", "lastName": "Lead", "email": "%s-%s-%d@bench.example", "title": "CTO",
                 "company": {"name": "Bench Ltd", "employees": 120}, "source": "WEB_FORM"}"""
                .formatted(target, runId, i);
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/leads"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private final ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
        try {
            return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    });

    /**
     * What lead-service's LeadRepository.INSERT_NEW and the kit's Outbox.recordWith send for an SDR's
     * create, as one statement in autocommit: the ceiling is the same work, not a narrower row.
     */
    private static final String CREATE = """
            WITH change AS (
                INSERT INTO lead (id, first_name, last_name, email, phone, title, company_name, company_website,
                                  company_employees, company_industry, source, utm_source, utm_medium, utm_campaign,
                                  utm_term, utm_content, landing_page, referrer, estimated_amount, estimated_currency,
                                  notes, status, owner_id, score, score_reasons, referral_id, created_by, created_at,
                                  updated_at, version)
                VALUES (?, 'Bench', 'Lead', ?, NULL, 'CTO', 'Bench Ltd', NULL, 120, NULL, 'WEB_FORM', NULL, NULL, NULL,
                        NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'NEW', ?, ?, ?, NULL, ?, now(), now(), 0)
                ON CONFLICT (lower(email)) WHERE status IN ('NEW', 'CONTACTED', 'QUALIFIED') DO NOTHING
                RETURNING id),
            rows (ord, id, aggregate_type, aggregate_id, type, payload, created_at, actor_id, trace) AS (VALUES
                (0, CAST(? AS uuid), 'lead', CAST(? AS text), 'lead.created.v1', CAST(? AS jsonb), now(), CAST(? AS text),
                 CAST(NULL AS text))),
            event AS (
                INSERT INTO outbox (id, aggregate_type, aggregate_id, type, payload, created_at, tracingspancontext)
                SELECT id, aggregate_type, aggregate_id, type, payload, created_at, trace FROM rows
                WHERE EXISTS (SELECT 1 FROM change) ORDER BY ord
                RETURNING id),
            history AS (
                INSERT INTO event_history (id, aggregate_type, aggregate_id, type, actor_id, occurred_at, payload)
                SELECT r.id, r.aggregate_type, r.aggregate_id, r.type, r.actor_id, r.created_at, r.payload
                FROM rows r JOIN event e ON e.id = r.id ORDER BY r.ord)
            SELECT count(*) FROM change""";

    /** A real create's values that the ceiling writes again: owner, score, reasons, event payload. */
    private record Template(UUID owner, int score, String scoreReasons, String payload) {
    }

    private volatile Template template;

    private int insertDirect(int i) throws SQLException {
        Connection connection = connections.get();
        UUID id = UUID.randomUUID();
        try (PreparedStatement create = connection.prepareStatement(CREATE)) {
            create.setObject(1, id);
            create.setString(2, "pg-" + runId + "-" + i + "@bench.example");
            create.setObject(3, template.owner());
            create.setInt(4, template.score());
            create.setString(5, template.scoreReasons());
            create.setString(6, template.owner().toString());
            create.setObject(7, UUID.randomUUID());
            create.setString(8, id.toString());
            create.setString(9, template.payload().replace("{{id}}", id.toString()));
            create.setString(10, template.owner().toString());
            try (var result = create.executeQuery()) {
                return result.next() && result.getLong(1) == 1 ? 201 : 409;
            }
        }
    }

    /** One create through lead-service, read back from its database as the ceiling's template. */
    private Template template(String token) throws Exception {
        if (createLead(leadService, token, "template", 0) != 201) {
            throw new IllegalStateException("lead-service did not create the template lead");
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             PreparedStatement query = connection.prepareStatement("SELECT l.id, l.owner_id, l.score, l.score_reasons,"
                     + " h.payload::text AS payload FROM lead l JOIN event_history h ON h.aggregate_id = l.id::text"
                     + " AND h.type = 'lead.created.v1' WHERE l.email = ?")) {
            query.setString(1, "template-" + runId + "-0@bench.example");
            try (var result = query.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalStateException("no lead.created.v1 of the template lead");
                }
                return new Template(result.getObject("owner_id", UUID.class), result.getInt("score"),
                        result.getString("score_reasons"),
                        result.getString("payload").replace(result.getString("id"), "{{id}}"));
            }
        }
    }

    @FunctionalInterface
    private interface Call {
        int run(int i) throws Exception;
    }

    private Result load(String name, Call call) throws Exception {
        run(call, warmup, 1_000_000);
        Cpu before = Cpu.sample(runDir);
        long start = System.nanoTime();
        List<Long> latencies = run(call, requests, 0);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Result(name, latencies, elapsed, Cpu.sample(runDir).minus(before));
    }

    private List<Long> run(Call call, int count, int offset) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(count));
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        int status = call.run(offset + i);
                        latencies.add(System.nanoTime() - t0);
                        if (status != 201) {
                            throw new IllegalStateException("request " + i + " answered " + status);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        return latencies;
    }

    private record Result(String name, List<Long> nanos, Duration elapsed, Cpu cpu) {
        double perSecond() {
            return nanos.size() / (elapsed.toNanos() / 1e9);
        }

        double percentile(int p) {
            List<Long> sorted = nanos.stream().sorted().collect(Collectors.toList());
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
        }

        Map<String, Object> json(Result ceiling) {
            return Map.of("target", name, "requestsPerSecond", Math.round(perSecond()), "p50Ms", percentile(50),
                    "p95Ms", percentile(95), "p99Ms", percentile(99), "vsPostgres", perSecond() / ceiling.perSecond(),
                    "cpuSeconds", cpu.seconds());
        }
    }

    /**
     * User+system CPU seconds of each process of the local stack (its pid files) with its descendants
     * (PostgreSQL's backends), and of this benchmark's own load generator, from /proc.
     */
    private record Cpu(Map<String, Double> seconds) {
        private static final double TICKS_PER_SECOND = 100.0;

        static Cpu sample(Path runDir) throws IOException {
            Map<Long, long[]> processes = new HashMap<>();
            try (var entries = Files.list(Path.of("/proc"))) {
                for (Path entry : entries.filter(e -> e.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    try {
                        String stat = Files.readString(entry.resolve("stat"));
                        // The fields after the command name (which may hold spaces): ppid is the 2nd, utime the 12th, stime the 13th.
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        processes.put(Long.parseLong(entry.getFileName().toString()),
                                new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12])});
                    } catch (IOException | RuntimeException gone) {
                        // A process that ended while it was read.
                    }
                }
            }
            Map<String, Long> named = new TreeMap<>();
            named.put("bench-client", ProcessHandle.current().pid());
            if (Files.isDirectory(runDir)) {
                try (var pidFiles = Files.list(runDir)) {
                    for (Path pidFile : pidFiles.filter(f -> f.toString().endsWith(".pid")).toList()) {
                        Files.readAllLines(pidFile).stream().filter(line -> line.startsWith("pid=")).findFirst()
                                .ifPresent(line -> named.put(pidFile.getFileName().toString().replace(".pid", ""),
                                        Long.parseLong(line.substring(4).strip())));
                    }
                }
            }
            Map<String, Double> seconds = new TreeMap<>();
            Set<Long> pids = Set.copyOf(named.values());
            named.forEach((name, pid) -> seconds.put(name, ticks(processes, pid, pids) / TICKS_PER_SECOND));
            return new Cpu(seconds);
        }

        /** The ticks of {@code pid} and of the processes below it, but for those counted under their own name. */
        private static long ticks(Map<Long, long[]> processes, long pid, Set<Long> named) {
            long[] own = processes.get(pid);
            long total = own == null ? 0 : own[1];
            for (Map.Entry<Long, long[]> process : processes.entrySet()) {
                if (process.getValue()[0] == pid && !named.contains(process.getKey())) {
                    total += ticks(processes, process.getKey(), named);
                }
            }
            return total;
        }

        Cpu minus(Cpu before) {
            Map<String, Double> spent = new TreeMap<>();
            seconds.forEach((name, total) -> spent.put(name, total - before.seconds.getOrDefault(name, total)));
            return new Cpu(spent);
        }

        /** The processes that spent at least 0.05 s per 1000 requests, busiest first. */
        String perThousand(int requests) {
            return seconds.entrySet().stream()
                    .filter(e -> e.getValue() * 1000 / requests >= 0.05)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() * 1000 / requests))
                    .collect(Collectors.joining(", "));
        }
    }

    private String token(Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static String setting(String name, String fallback) {
        return System.getProperty(name, fallback);
    }
}
