package dev.salesplatform.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Publishes outbox rows to Kafka, at least once and in order per aggregate.
 * <p>
 * One thread per instance drains batches: it locks unpublished rows with {@code FOR UPDATE SKIP
 * LOCKED} (so N instances share the work), takes only the oldest unpublished row of each aggregate
 * (so an aggregate's later event never overtakes an earlier one held by another instance), sends
 * them with {@code acks=all} and the idempotent producer, and marks them published in the same
 * transaction only after the broker acknowledged all of them. If the broker is down, the batch rolls
 * back and is retried with backoff: the backlog stays in PostgreSQL until the broker returns.
 * It wakes on {@code LISTEN outbox} (the insert trigger's NOTIFY at commit) and also polls.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String SELECT_BATCH = """
            SELECT o.id, o.aggregate_type, o.aggregate_id, o.type, o.payload::text AS payload, o.created_at
            FROM outbox o
            WHERE o.published_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM outbox e
                              WHERE e.published_at IS NULL
                                AND e.aggregate_type = o.aggregate_type AND e.aggregate_id = o.aggregate_id
                                AND (e.created_at, e.id) < (o.created_at, o.id))
            ORDER BY o.created_at, o.id
            LIMIT $1
            FOR UPDATE OF o SKIP LOCKED""";
    private static final String MARK_PUBLISHED = "UPDATE outbox SET published_at = now() WHERE id = ANY($1)";
    private static final String LAG = """
            SELECT count(*) AS pending,
                   COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::bigint AS oldest_age
            FROM outbox WHERE published_at IS NULL""";
    private static final String DELETE_PUBLISHED = "DELETE FROM outbox WHERE published_at < now() - make_interval(secs => $1)";

    @Inject
    OutboxConfig config;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String databaseUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String databaseUser;

    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    String databasePassword;

    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private volatile boolean running;
    private volatile String lastError;
    private volatile Thread thread;
    private KafkaProducer<String, byte[]> producer;
    private PgSubscriber subscriber;
    private Instant nextCleanup = Instant.EPOCH;
    private Instant nextLagUpdate = Instant.EPOCH;

    void start(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            return;
        }
        Gauge.builder("outbox.pending", pending, AtomicLong::get)
                .description("Outbox events not yet acknowledged by Kafka").register(registry);
        Gauge.builder("outbox.oldest.pending.seconds", oldestPendingSeconds, AtomicLong::get)
                .description("Age of the oldest unpublished outbox event").register(registry);
        Gauge.builder("outbox.published", published, AtomicLong::get)
                .description("Outbox events published by this instance").register(registry);
        openProducer();
        listen();
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    KafkaProducer<String, byte[]> producer() {
        return producer;
    }

    void openProducer() {
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
    }

    void stop(@Observes ShutdownEvent event) {
        if (thread == null) {
            return;
        }
        running = false;
        wakeUp.release();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
        producer.close(Duration.ofSeconds(5));
    }

    /** Events waiting for the broker, for metrics and readiness. */
    public long pending() {
        return pending.get();
    }

    public long oldestPendingSeconds() {
        return oldestPendingSeconds.get();
    }

    public String lastError() {
        return lastError;
    }

    public boolean isRunning() {
        return !config.relay().enabled() || (running && thread != null && thread.isAlive());
    }

    public boolean isEnabled() {
        return config.relay().enabled();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try {
                int count = drainBatch();
                lastError = null;
                backoff = Duration.ofMillis(200);
                // Also under constant load: lag stays current and published rows never pile up.
                updateLagIfDue();
                cleanUpPublished();
                if (count < config.relay().batchSize()) {
                    awaitWakeUp(config.relay().pollInterval());
                }
            } catch (Exception e) {
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.warnf("Outbox relay could not publish, retrying in %s ms: %s", backoff.toMillis(), lastError);
                safely(this::updateLag);
                awaitWakeUp(backoff);
                backoff = min(backoff.multipliedBy(2), config.relay().maxBackoff());
            }
        }
    }

    /** Publishes one batch; returns how many events it published. */
    int drainBatch() throws Exception {
        SqlConnection connection = pool.getConnectionAndAwait();
        Transaction transaction = null;
        try {
            transaction = connection.beginAndAwait();
            RowSet<Row> rows = connection.preparedQuery(SELECT_BATCH)
                    .executeAndAwait(Tuple.of(config.relay().batchSize()));
            if (rows.size() == 0) {
                transaction.commitAndAwait();
                return 0;
            }
            List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
            List<UUID> ids = new ArrayList<>(rows.size());
            for (Row row : rows) {
                ids.add(row.getUUID("id"));
                sends.add(producer.send(toRecord(row)));
            }
            long deadline = System.nanoTime() + config.relay().sendTimeout().toNanos();
            for (Future<RecordMetadata> send : sends) {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            connection.preparedQuery(MARK_PUBLISHED).executeAndAwait(Tuple.of(ids.toArray(UUID[]::new)));
            transaction.commitAndAwait();
            published.addAndGet(ids.size());
            return ids.size();
        } catch (Exception e) {
            if (transaction != null) {
                Transaction failed = transaction;
                safely(failed::rollbackAndAwait);
            }
            throw e;
        } finally {
            connection.closeAndAwait();
        }
    }

    private ProducerRecord<String, byte[]> toRecord(Row row) {
        String aggregateType = row.getString("aggregate_type");
        String aggregateId = row.getString("aggregate_id");
        OffsetDateTime createdAt = row.getOffsetDateTime("created_at");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                String.format(config.topicPattern(), aggregateType), aggregateId,
                row.getString("payload").getBytes(StandardCharsets.UTF_8));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", row.getUUID("id").toString());
        header(record, "ce_source", config.source());
        header(record, "ce_type", row.getString("type"));
        header(record, "ce_time", createdAt.toInstant().toString());
        header(record, "ce_subject", aggregateId);
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void updateLagIfDue() {
        if (Instant.now().isBefore(nextLagUpdate)) {
            return;
        }
        nextLagUpdate = Instant.now().plusSeconds(1);
        updateLag();
    }

    private void updateLag() {
        Row row = pool.preparedQuery(LAG).executeAndAwait().iterator().next();
        pending.set(row.getLong("pending"));
        oldestPendingSeconds.set(row.getLong("oldest_age"));
    }

    private void cleanUpPublished() {
        if (Instant.now().isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = Instant.now().plus(Duration.ofMinutes(10));
        pool.preparedQuery(DELETE_PUBLISHED).executeAndAwait(Tuple.of(config.relay().keepPublished().toSeconds()));
    }

    private void listen() {
        PgConnectOptions options = PgConnectOptions.fromUri(databaseUrl.replaceFirst("^vertx-reactive:", ""))
                .setUser(databaseUser)
                .setPassword(databasePassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> 1000L);
        subscriber.channel("outbox").handler(payload -> wakeUp.release());
        // Polling covers the time until LISTEN is established, or if it never is.
        subscriber.connect().subscribe().with(
                ignored -> LOG.debug("Outbox relay listening for NOTIFY outbox"),
                failure -> LOG.warnf("Outbox relay cannot LISTEN, polling only: %s", failure.getMessage()));
    }

    private void awaitWakeUp(Duration timeout) {
        try {
            if (wakeUp.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUp.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private Properties producerConfig() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay" + config.source().replace('/', '-'));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        int timeout = (int) config.relay().sendTimeout().toMillis();
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(timeout));
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(Math.min(timeout / 2, 10_000)));
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Integer.toString(Math.min(timeout / 2, 10_000)));
        return properties;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void safely(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.debugf("ignored while recovering: %s", e.getMessage());
        }
    }
}
