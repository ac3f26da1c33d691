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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * <li>lead creation through the gateway vs. directly at lead-service vs. raw PostgreSQL single-row
 * insert transactions (the ceiling), at the same concurrency: throughput and latency percentiles;</li>
 * <li>a bulk CSV import of N rows: upload (202) and completion time, rows per second.</li>
 * </ul>
 * Settings are system properties (see {@link #setting}); results go to tools/bench/results/.
 */
public final class LeadBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1, as integrators' and browsers' API calls are (no cleartext HTTP/2 upgrade). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String gateway = setting("bench.gateway", "http://127.0.0.1:8080");
    private final String leadService = setting("bench.leadService", "http://127.0.0.1:8081");
    private final String tokenUrl = setting("bench.tokenUrl",
            "http://127.0.0.1:8180/realms/sales/protocol/openid-connect/token");
    private final String jdbcUrl = setting("bench.jdbcUrl", "jdbc:postgresql://127.0.0.1:15432/lead");
    private final int concurrency = Integer.parseInt(setting("bench.concurrency", "16"));
    private final int requests = Integer.parseInt(setting("bench.requests", "3000"));
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
        List<String> lines = new ArrayList<>();
        lines.add("# Lead benchmarks " + DateTimeFormatter.ISO_INSTANT.format(Instant.now()));
        lines.add("");
        lines.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, JDK "
                + Runtime.version() + "; concurrency " + concurrency + ", " + requests + " requests per target"
                + " (after " + requests / 10 + " warm-up requests).");
        lines.add("");
        lines.add("| target | requests/s | p50 ms | p95 ms | p99 ms | vs PostgreSQL |");
        lines.add("|---|---|---|---|---|---|");

        Result postgres = load("postgres", i -> insertDirect(i));
        Result direct = load("direct", i -> createLead(leadService, sdrToken, "direct", i));
        Result viaGateway = load("gateway", i -> createLead(gateway, sdrToken, "gateway", i));
        for (Result result : List.of(postgres, direct, viaGateway)) {
            lines.add(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %.1f | %.2f |", result.name,
                    result.perSecond(), result.percentile(50), result.percentile(95), result.percentile(99),
                    result.perSecond() / postgres.perSecond()));
        }
        lines.add("");
        lines.add("postgres = one `INSERT INTO lead` + one `INSERT INTO outbox` per transaction over JDBC, the "
                + "ceiling of a lead create; direct = POST /api/v1/leads on lead-service (validation, JWT, "
                + "Hibernate Reactive, outbox + history rows, score); gateway = the same through api-gateway.");
        lines.add("");
        lines.addAll(importRun(integrationToken));

        Files.createDirectories(resultsDir);
        Path file = resultsDir.resolve("lead-bench-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC).format(Instant.now()) + ".md");
        Files.write(file, lines);
        lines.forEach(System.out::println);
        System.out.println("\nwritten to " + file);
    }

    private List<String> importRun(String token) throws Exception {
        Instant start = Instant.now();
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
        Duration upload = Duration.between(start, Instant.now());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode job;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        do {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("import " + location + " not finished after 30 minutes");
            }
            HttpResponse<String> status = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + location))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            job = JSON.readTree(status.body());
            if (!job.path("status").asText().equals("COMPLETED") && !job.path("status").asText().equals("FAILED")) {
                Thread.sleep(250);
            }
        } while (!job.path("status").asText().equals("COMPLETED") && !job.path("status").asText().equals("FAILED"));
        Duration total = Duration.between(start, Instant.now());
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

    private int insertDirect(int i) throws SQLException {
        Connection connection = connections.get();
        connection.setAutoCommit(false);
        UUID id = UUID.randomUUID();
        try (PreparedStatement lead = connection.prepareStatement("INSERT INTO lead (id, first_name, last_name, email,"
                + " source, status, created_by, created_at, updated_at, version) VALUES (?, 'Bench', 'Lead', ?, 'WEB_FORM',"
                + " 'DISQUALIFIED', 'bench', now(), now(), 0)");
             PreparedStatement outbox = connection.prepareStatement("INSERT INTO outbox (id, aggregate_type,"
                     + " aggregate_id, type, payload, created_at, published_at) VALUES (?, 'bench', ?, 'bench.v1',"
                     + " '{}'::jsonb, now(), now())")) {
            lead.setObject(1, id);
            lead.setString(2, "pg-" + runId + "-" + i + "@bench.example");
            lead.executeUpdate();
            outbox.setObject(1, UUID.randomUUID());
            outbox.setString(2, id.toString());
            outbox.executeUpdate();
            connection.commit();
            return 201;
        }
    }

    @FunctionalInterface
    private interface Call {
        int run(int i) throws Exception;
    }

    private Result load(String name, Call call) throws Exception {
        run(call, requests / 10, 1_000_000);
        Instant start = Instant.now();
        List<Long> latencies = run(call, requests, 0);
        return new Result(name, latencies, Duration.between(start, Instant.now()));
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

    private record Result(String name, List<Long> nanos, Duration elapsed) {
        double perSecond() {
            return nanos.size() / (elapsed.toNanos() / 1e9);
        }

        double percentile(int p) {
            List<Long> sorted = nanos.stream().sorted().collect(Collectors.toList());
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
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
