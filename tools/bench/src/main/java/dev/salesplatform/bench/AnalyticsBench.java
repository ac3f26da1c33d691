package dev.salesplatform.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Analytics at scale against the running local stack: publishes N synthetic events (default one
 * million, dated 2001-2002 so that they stay out of current dashboards) to the three topics, measures
 * how fast the live consumers apply them, the latency of each query with them loaded, and the time
 * of a full rebuild from offset 0; then checks that the rebuild gave the same figures.
 */
public final class AnalyticsBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Instant START = Instant.parse("2001-01-01T00:00:00Z");
    private static final Duration SPAN = Duration.ofDays(730);
    private static final String[] SOURCES = {"WEB_FORM", "REFERRAL", "EVENT", "OUTBOUND", "PARTNER"};
    private static final String PIPELINE = "01930000-0000-7000-8000-000000000001";
    /** Every synthetic lead and deal (deals close up to months after the span). */
    private static final String ALL_LEADS = "/funnel?from=2001-01-01&to=2004-01-01";
    private static final String ALL_DEALS = "/deals?from=2001-01-01&to=2004-01-01";

    private final String analytics = setting("bench.analytics", "http://127.0.0.1:8084");
    private final String kafka = setting("bench.kafka", "127.0.0.1:9092");
    private final String tokenUrl = setting("bench.tokenUrl",
            "http://127.0.0.1:8180/realms/sales/protocol/openid-connect/token");
    private final int events = Integer.parseInt(setting("bench.events", "1000000"));
    private final int queryRuns = Integer.parseInt(setting("bench.queryRuns", "30"));
    private final Duration timeout = Duration.parse(setting("bench.timeout", "PT60M"));
    private final Random random = new Random(20261130L);
    private final UUID[] sdrs = ids(20);
    private final UUID[] aes = ids(10);
    private final UUID[] csms = ids(8);

    private KafkaProducer<String, String> producer;
    private int sent;
    private int leads;
    private int won;

    public static void main(String[] args) throws Exception {
        new AnalyticsBench().run(Path.of(setting("bench.results", "tools/bench/results")));
    }

    private void run(Path resultsDir) throws Exception {
        String manager = token("morgan.manager");
        String admin = token("ada.admin");
        List<String> lines = new ArrayList<>();
        lines.add("# Analytics benchmark " + DateTimeFormatter.ISO_INSTANT.format(Instant.now()));
        lines.add("");
        lines.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, JDK " + Runtime.version()
                + ". The whole stack runs on the same machine.");
        lines.add("");

        long wonBefore = count(manager, ALL_DEALS, "won");
        long leadsBefore = count(manager, ALL_LEADS, "created");
        Instant publishStart = Instant.now();
        if (events > 0) {
            publish();
            Duration publishing = Duration.between(publishStart, Instant.now());
            lines.add(String.format(Locale.ROOT, "Published %,d events (%,d leads, %,d won deals) in %.1f s: %,.0f events/s.",
                    sent, leads, won, seconds(publishing), sent / seconds(publishing)));
        } else {
            lines.add(String.format(Locale.ROOT, "Nothing published (bench.events=0): the events already in the topics, "
                    + "%,d leads and %,d won deals dated 2001-2003.", leadsBefore, wonBefore));
        }

        Instant deadline = Instant.now().plus(timeout);
        while (count(manager, ALL_LEADS, "created") < leadsBefore + leads
                || count(manager, ALL_DEALS, "won") < wonBefore + won) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("analytics did not apply the events within " + timeout);
            }
            pause();
        }
        Duration live = Duration.between(publishStart, Instant.now());
        if (events > 0) {
            lines.add(String.format(Locale.ROOT, "Live consumers applied them %.1f s after publishing started: %,.0f events/s.",
                    seconds(live), sent / seconds(live)));
        }
        lines.add("");

        List<String[]> queries = List.of(
                new String[] {"funnel, one month", "/funnel?from=2002-03-01&to=2002-04-01"},
                new String[] {"funnel, one quarter", "/funnel?from=2002-01-01&to=2002-04-01"},
                new String[] {"funnel, two years", "/funnel?from=2001-01-01&to=2003-01-01"},
                new String[] {"conversion by month, one year", "/conversion?from=2002-01-01&to=2003-01-01&groupBy=month"},
                new String[] {"deals, one quarter", "/deals?from=2002-01-01&to=2002-04-01"},
                new String[] {"deals, two years", "/deals?from=2001-01-01&to=2003-01-01"},
                new String[] {"retention, one quarter", "/retention?from=2002-01-01&to=2002-04-01"},
                new String[] {"retention, one year", "/retention?from=2002-01-01&to=2003-01-01"},
                new String[] {"pipeline now", "/pipeline"},
                new String[] {"reps, one quarter", "/reps?period=2002-Q1"},
                new String[] {"timeseries, deals won by week, one year",
                        "/timeseries?metric=deals-won&interval=week&from=2002-01-01&to=2003-01-01"});
        lines.add("| query | p50 ms | p95 ms | max ms |");
        lines.add("|---|---|---|---|");
        List<String> before = new ArrayList<>();
        for (String[] query : queries) {
            List<Long> nanos = new ArrayList<>();
            for (int i = 0; i < queryRuns + 3; i++) {
                long t0 = System.nanoTime();
                String body = get(manager, query[1]);
                if (i >= 3) {
                    nanos.add(System.nanoTime() - t0);
                } else if (i == 0) {
                    before.add(withoutFreshness(body));
                }
            }
            nanos.sort(null);
            lines.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |", query[0], percentile(nanos, 50),
                    percentile(nanos, 95), nanos.get(nanos.size() - 1) / 1e6));
        }
        lines.add("");

        Instant rebuildStart = Instant.now();
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(analytics + "/api/v1/analytics/rebuild"))
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rebuild answered " + started.statusCode() + ": " + started.body());
        }
        JsonNode status;
        do {
            pause();
            status = JSON.readTree(get(admin, "/rebuild"));
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the rebuild did not finish within " + timeout);
            }
        } while ("RUNNING".equals(status.path("state").asText()));
        Duration rebuild = Duration.between(rebuildStart, Instant.now());
        if (!"COMPLETED".equals(status.path("state").asText())) {
            throw new IllegalStateException("rebuild ended " + status);
        }
        long records = status.path("recordsTotal").asLong();
        lines.add(String.format(Locale.ROOT, "Rebuild from offset 0 of all %,d records in the topics: %.1f s (%,.0f records/s).",
                records, seconds(rebuild), records / seconds(rebuild)));
        int same = 0;
        for (int i = 0; i < queries.size(); i++) {
            if (before.get(i).equals(withoutFreshness(get(manager, queries.get(i)[1])))) {
                same++;
            }
        }
        lines.add("Figures after the rebuild equal those before it: " + same + " of " + queries.size() + " queries.");

        Files.createDirectories(resultsDir);
        Path file = resultsDir.resolve("analytics-bench-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC).format(Instant.now()) + ".md");
        Files.write(file, lines);
        lines.forEach(System.out::println);
        System.out.println("\nwritten to " + file);
        if (same != queries.size()) {
            throw new IllegalStateException("the rebuild changed figures");
        }
    }

    /** Leads spread over two years until {@link #events} events are out; their deals and customers follow. */
    private void publish() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // About 3.9 events per lead with the odds below; later leads share the last moment of the span.
        int plannedLeads = (int) (events / 3.9);
        try (KafkaProducer<String, String> kafkaProducer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer = kafkaProducer;
            while (sent < events) {
                Instant created = START.plusMillis((SPAN.toMillis() - 1) * Math.min(leads, plannedLeads) / plannedLeads);
                lead(created);
                leads++;
            }
            producer.flush();
        }
    }

    private void lead(Instant created) {
        UUID lead = UUID.randomUUID();
        UUID sdr = sdrs[random.nextInt(sdrs.length)];
        String owner = "\"ownerId\": \"" + sdr + "\"";
        long v = 0;
        send("sales.lead.events", "lead.created.v1", lead, created, v++, "\"leadId\": \"" + lead + "\", \"source\": \""
                + SOURCES[random.nextInt(SOURCES.length)] + "\", \"ownerId\": null");
        send("sales.lead.events", "lead.assigned.v1", lead, created.plusSeconds(60), v++, "\"leadId\": \"" + lead
                + "\", " + owner);
        if (random.nextInt(100) >= 80) {
            return;
        }
        send("sales.lead.events", "lead.activity-logged.v1", lead, created.plusSeconds(3600), v++, "\"leadId\": \""
                + lead + "\", " + owner + ", \"status\": \"CONTACTED\"");
        if (random.nextInt(100) >= 60) {
            return;
        }
        send("sales.lead.events", "lead.qualified.v1", lead, created.plusSeconds(86_400), v++, "\"leadId\": \"" + lead
                + "\", " + owner);
        if (random.nextInt(100) >= 50) {
            return;
        }
        Instant handedOff = created.plusSeconds(2 * 86_400);
        send("sales.lead.events", "lead.handed-off.v1", lead, handedOff, v, "\"leadId\": \"" + lead + "\", " + owner);
        deal(lead, handedOff.plusSeconds(60));
    }

    private void deal(UUID lead, Instant created) {
        UUID deal = UUID.randomUUID();
        String owner = "\"ownerId\": \"" + aes[random.nextInt(aes.length)] + "\"";
        String money = "{\"amount\": \"" + (1000 + random.nextInt(90) * 500) + ".00\", \"currency\": \""
                + (random.nextInt(10) == 0 ? "USD" : "EUR") + "\"}";
        send("sales.deal.events", "deal.created.v1", deal, created, 0, "\"dealId\": \"" + deal + "\", " + owner
                + ", \"leadId\": \"" + lead + "\", \"pipelineId\": \"" + PIPELINE + "\", \"stage\": \"DISCOVERY\", "
                + "\"winProbability\": \"0.2\", \"amount\": " + money + ", \"expectedCloseDate\": \""
                + created.plus(Duration.ofDays(60)).toString().substring(0, 10) + "\"");
        send("sales.deal.events", "deal.stage-changed.v1", deal, created.plus(Duration.ofDays(5)), 1, "\"dealId\": \""
                + deal + "\", " + owner + ", \"to\": \"DEMO\", \"winProbability\": \"0.4\", \"amount\": " + money);
        int outcome = random.nextInt(100);
        Instant closed = created.plus(Duration.ofDays(10 + random.nextInt(80)));
        if (outcome < 40) {
            won++;
            send("sales.deal.events", "deal.won.v1", deal, closed, 2, "\"dealId\": \"" + deal + "\", " + owner
                    + ", \"leadId\": \"" + lead + "\", \"stage\": \"CLOSED_WON\", \"finalAmount\": " + money);
            customer(closed.plusSeconds(30), money);
        } else if (outcome < 60) {
            send("sales.deal.events", "deal.lost.v1", deal, closed, 2, "\"dealId\": \"" + deal + "\", " + owner
                    + ", \"leadId\": \"" + lead + "\", \"stage\": \"CLOSED_LOST\", \"reason\": \"PRICE\"");
        }
    }

    private void customer(Instant onboarded, String dealMoney) {
        UUID customer = UUID.randomUUID();
        String csm = "\"csmId\": \"" + csms[random.nextInt(csms.length)] + "\"";
        String currency = dealMoney.contains("USD") ? "USD" : "EUR";
        String id = "\"customerId\": \"" + customer + "\", " + csm;
        long v = 0;
        send("sales.customer.events", "customer.onboarded.v1", customer, onboarded, v++, id + ", \"contract\": {\"mrr\": "
                + "{\"amount\": \"1000.00\", \"currency\": \"" + currency + "\"}}");
        if (random.nextInt(100) < 30) {
            send("sales.customer.events", "customer.expanded.v1", customer, onboarded.plus(Duration.ofDays(90)), v++,
                    id + ", \"kind\": \"UPSELL\", \"delta\": {\"amount\": \"200.00\", \"currency\": \"" + currency + "\"}");
        }
        if (random.nextInt(100) < 10) {
            send("sales.customer.events", "customer.contracted.v1", customer, onboarded.plus(Duration.ofDays(120)), v++,
                    id + ", \"kind\": \"DOWNGRADE\", \"delta\": {\"amount\": \"100.00\", \"currency\": \"" + currency + "\"}");
        }
        if (random.nextInt(100) < 50) {
            send("sales.customer.events", "customer.feedback-recorded.v1", customer, onboarded.plus(Duration.ofDays(30)),
                    v++, id + ", \"score\": " + random.nextInt(11));
        }
        if (random.nextInt(100) < 10) {
            send("sales.customer.events", "customer.churned.v1", customer, onboarded.plus(Duration.ofDays(200)), v,
                    id + ", \"reason\": \"BUDGET\", \"mrrLost\": [{\"amount\": \"900.00\", \"currency\": \"" + currency
                            + "\"}], \"closedRenewalIds\": []");
        }
    }

    private void send(String topic, String type, UUID aggregate, Instant at, long version, String fields) {
        String payload = "{" + fields + ", \"occurredAt\": \"" + at + "\", \"actorId\": \"bench\", \"aggregateVersion\": "
                + version + "}";
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, aggregate.toString(), payload);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", "/bench");
        header(record, "ce_type", type);
        header(record, "ce_time", at.toString());
        header(record, "ce_subject", aggregate.toString());
        header(record, "content-type", "application/json");
        producer.send(record);
        sent++;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private long count(String token, String path, String field) throws Exception {
        return JSON.readTree(get(token, path)).path(field).asLong();
    }

    private String get(String token, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(analytics + "/api/v1/analytics" + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private String token(String user) throws Exception {
        Map<String, String> form = Map.of("grant_type", "password", "client_id", "sales-frontend", "username", user,
                "password", "demo");
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    /** Polling interval while waiting for the stack (bounded by the run's deadline). */
    private static void pause() throws InterruptedException {
        Thread.sleep(2000);
    }

    private static String withoutFreshness(String json) {
        return json.replaceAll("\"completeUntil\":\"[^\"]*\"", "");
    }

    private static UUID[] ids(int count) {
        UUID[] ids = new UUID[count];
        for (int i = 0; i < count; i++) {
            ids[i] = UUID.randomUUID();
        }
        return ids;
    }

    private static double percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static String setting(String name, String fallback) {
        return System.getProperty(name, fallback);
    }
}
