package dev.salesplatform.lead.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.testkit.Management;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** One CSV of 100 000 rows, streamed in without a declared length: every lead created, every event published. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LeadImportBulkTest {

    private static final Logger LOG = Logger.getLogger(LeadImportBulkTest.class);
    private static final int ROWS = 100_000;
    private static final String HEADER = "firstName,lastName,email,phone,title,companyName,companyWebsite,companyEmployees,"
            + "companyIndustry,source,utmSource,utmMedium,utmCampaign,utmTerm,utmContent,landingPage,referrer,"
            + "estimatedAmount,estimatedCurrency,notes\n";

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    @Test
    void aHundredThousandRowsAreAllImportedWithTheirEvents() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID caller = UUID.randomUUID();
        String token = TestTokens.bearer(caller, "integration");
        HeapWatch heap = new HeapWatch();

        long start = System.nanoTime();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder()
                        .uri(URI.create("http://127.0.0.1:" + RestAssured.port + LeadImportResourceTest.IMPORTS))
                        .header("Authorization", token)
                        .header("Content-Type", "text/csv")
                        // A stream of unknown length: sent chunked, read by the service as it arrives.
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedCsv(run, ROWS)))
                        .timeout(Duration.ofMinutes(3))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long staged = System.nanoTime();
        long stagingHeap = heap.peak();
        assertEquals(202, answer.statusCode(), answer.body());
        JsonNode job = mapper.readTree(answer.body());
        assertEquals("RECEIVED", job.path("status").asText());
        assertEquals(ROWS, job.path("counts").path("total").asInt());
        assertEquals(0, job.path("counts").path("failed").asInt());

        Response done = LeadImportResourceTest.awaitDone(token, answer.headers().firstValue("Location").orElseThrow(),
                Duration.ofMinutes(5), Duration.ofSeconds(1));
        long imported = System.nanoTime();
        assertEquals("COMPLETED", done.path("status"));
        LeadImportResourceTest.assertCounts(done, ROWS, ROWS, 0, 0, 0);
        assertEquals(ROWS, count("SELECT count(*) FROM lead WHERE email LIKE $1", run));

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> count("""
                SELECT count(*) FROM outbox o JOIN lead l ON o.aggregate_id = l.id::text
                WHERE l.email LIKE $1 AND o.type = 'lead.created.v1' AND o.published_at IS NOT NULL""", run) == ROWS);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> relayPending() == 0);
        long published = System.nanoTime();
        heap.stop();

        LOG.infof("100 000-row import: staged in %d ms (%d rows/s), imported %d ms later (%d rows/s), "
                        + "all %d events published %d ms later; end to end %d rows/s; peak heap used %d MB while "
                        + "staging, %d MB overall (max heap %d MB)",
                millis(start, staged), rate(start, staged), millis(staged, imported), rate(staged, imported),
                ROWS, millis(imported, published), rate(start, published), stagingHeap >> 20, heap.peak() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private long count(String sql, String run) {
        return pool.preparedQuery(sql).executeAndAwait(Tuple.of("bulk-" + run + "-%")).iterator().next().getLong(0);
    }

    private static int relayPending() {
        List<Map<String, Object>> checks = Management.given().when().get("/q/health/ready").then().extract().path("checks");
        return checks.stream().filter(check -> "outbox-relay".equals(check.get("name")))
                .map(check -> ((Number) ((Map<?, ?>) check.get("data")).get("pending")).intValue())
                .findFirst().orElseThrow();
    }

    private static long millis(long from, long to) {
        return Math.max(1, (to - from) / 1_000_000);
    }

    private static long rate(long from, long to) {
        return ROWS * 1000L / millis(from, to);
    }

    /** Rows made as they are read, so that the test does not hold the file either. */
    private static final class GeneratedCsv extends InputStream {

        private final String run;
        private final int rows;
        private int next;
        private byte[] chunk = HEADER.getBytes(StandardCharsets.UTF_8);
        private int position;

        GeneratedCsv(String run, int rows) {
            this.run = run;
            this.rows = rows;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            while (position == chunk.length) {
                if (next == rows) {
                    return -1;
                }
                StringBuilder text = new StringBuilder();
                for (int end = Math.min(rows, next + 1000); next < end; next++) {
                    text.append("First").append(next).append(",Last").append(next).append(",bulk-").append(run)
                            .append('-').append(next).append("@example.com,+1 555 ").append(next)
                            .append(",VP Sales,Company ").append(next).append(",https://c").append(next)
                            .append(".example,").append(next % 500 + 1).append(",Software,WEB_FORM,newsletter,email,")
                            .append("spring,crm,banner,https://example.com/landing,https://ref.example,")
                            .append(next).append(".50,EUR,Imported row ").append(next).append('\n');
                }
                chunk = text.toString().getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            int count = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, buffer, offset, count);
            position += count;
            return count;
        }
    }

    /** The most heap in use while the test runs (live data plus garbage not yet collected), sampled. */
    private static final class HeapWatch {

        private final AtomicLong peak = new AtomicLong();
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

        HeapWatch() {
            sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max),
                    0, 20, TimeUnit.MILLISECONDS);
        }

        long peak() {
            return peak.get();
        }

        void stop() {
            sampler.shutdownNow();
        }
    }
}
