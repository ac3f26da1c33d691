package dev.salesplatform.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import dev.salesplatform.kit.database.DatabaseMigrations;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes outbox rows to Kafka, at least once and in order per aggregate.
 * <p>
 * One thread per instance drains batches: it locks pending rows with {@code FOR UPDATE SKIP LOCKED}
 * (so N instances share the work), takes only the oldest pending row of each aggregate (so an
 * aggregate's later event never overtakes an earlier one held by another instance), sends them with
 * {@code acks=all} and the idempotent producer and waits for each acknowledgement. "Oldest" is by
 * {@code seq}, a database sequence drawn at insert: an aggregate's changes commit one after another
 * (its row serialises them), so {@code seq} follows the aggregate version, whereas
 * {@code created_at} is the writer's clock and orders nothing.
 * <p>
 * Each row of a batch is settled on its own, in the batch's transaction:
 * <ul>
 * <li>acknowledged: marked published;</li>
 * <li>refused for good ({@link #refusedForGood}: a non-retriable Kafka error about the record itself,
 * e.g. larger than {@code max.request.size}, or an invalid topic name): <em>parked</em>
 * ({@code parked_at}, {@code park_reason}), logged, counted in the {@code outbox.parked} gauge and
 * shown in readiness (which stays UP), and never sent again by the relay;</li>
 * <li>any other failure (broker away, timeouts, retriable errors, or faults of the producer or its
 * credentials rather than of the record): left pending and sent again after a backoff, so the backlog
 * drains when the broker returns.</li>
 * </ul>
 * A parked event does not hold back its aggregate: the aggregate's later events are published as
 * usual, which consumers tolerate because they guard fields by {@code aggregateVersion}; the parked
 * change itself stays unseen. To publish it after all (e.g. once the size limit was raised), clear its
 * {@code parked_at}: it goes out as its aggregate's next event, after the later versions already
 * published. To give it up, delete the row ({@code event_history} keeps it).
 * <p>
 * It is woken in-process ({@link #wake}) once a write of this instance that may have recorded events
 * has committed: a mutating HTTP request answered (a response filter), a consumed event applied, a
 * background job's transaction done. Other instances' rows, and anything written outside the
 * service, are found by polling every {@code poll-interval}. There is no NOTIFY: PostgreSQL
 * serialises the commits of every notifying transaction of the cluster on one lock. The
 * producer gets every {@code kafka.*} property (TLS, SASL, ...) as the Kafka connector does, with the
 * relay's delivery settings on top.
 * <p>
 * An event written inside a trace ({@code tracingspancontext}) is sent in a producer span, a child of
 * the span that wrote it, whose context goes in the record's {@code traceparent} (and {@code tracestate})
 * header: the consumers' spans continue the writer's trace.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /**
     * The heads (each aggregate's oldest pending row that no other instance holds), then every pending
     * row of those aggregates, in {@code seq} order: an aggregate's created and assigned events go out
     * in one batch. Another instance never holds a later row of an aggregate whose head this batch
     * holds (it takes rows only behind a published head), so the prefix by {@code seq} that the limit
     * keeps has no gap within an aggregate. The heads are materialised so that they are locked once.
     */
    private static final String SELECT_BATCH = """
            WITH heads AS MATERIALIZED (
                SELECT o.aggregate_type, o.aggregate_id
                FROM outbox o
                WHERE o.published_at IS NULL AND o.parked_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM outbox e
                                  WHERE e.published_at IS NULL AND e.parked_at IS NULL
                                    AND e.aggregate_type = o.aggregate_type AND e.aggregate_id = o.aggregate_id
                                    AND e.seq < o.seq)
                ORDER BY o.seq
                LIMIT $1
                FOR UPDATE OF o SKIP LOCKED)
            SELECT o.id, o.aggregate_type, o.aggregate_id, o.type, o.payload::text AS payload, o.created_at,
                   o.tracingspancontext
            FROM outbox o
            JOIN heads h ON h.aggregate_type = o.aggregate_type AND h.aggregate_id = o.aggregate_id
            WHERE o.published_at IS NULL AND o.parked_at IS NULL
            ORDER BY o.seq
            LIMIT $1
            FOR UPDATE OF o""";
    private static final String MARK_PUBLISHED = "UPDATE outbox SET published_at = now() WHERE id = ANY($1)";
    private static final String MARK_PARKED = "UPDATE outbox SET parked_at = now(), park_reason = $2 WHERE id = $1";
    /** Each part reads only its partial index. */
    private static final String LAG = """
            SELECT p.pending, p.oldest_age, k.parked, f.id AS first_parked_id, f.park_reason AS first_parked_reason
            FROM (SELECT count(*) AS pending,
                         COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::bigint AS oldest_age
                  FROM outbox WHERE published_at IS NULL AND parked_at IS NULL) p
            CROSS JOIN (SELECT count(*) AS parked FROM outbox WHERE parked_at IS NOT NULL) k
            LEFT JOIN LATERAL (SELECT id, park_reason FROM outbox WHERE parked_at IS NOT NULL ORDER BY seq LIMIT 1) f
                ON true""";
    private static final String DELETE_PUBLISHED = "DELETE FROM outbox WHERE published_at < now() - make_interval(secs => $1)";

    /** Beyond the send timeout, for a batch to mark its rows and commit. */
    private static final Duration SETTLE_MARGIN = Duration.ofSeconds(5);

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    /** A header set by the propagator replaces one of the same name. */
    private static final TextMapSetter<ProducerRecord<String, byte[]>> HEADER_SETTER = (record, name, value) -> {
        record.headers().remove(name);
        header(record, name, value);
    };
    private static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> MESSAGING_DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> MESSAGING_OPERATION = AttributeKey.stringKey("messaging.operation");
    private static final AttributeKey<String> MESSAGING_MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<String> MESSAGING_KAFKA_KEY = AttributeKey.stringKey("messaging.kafka.message.key");

    /** The oldest parked event and why Kafka refused it. */
    public record Parked(UUID eventId, String reason) {
    }

    /** A record to send, and the producer span it is sent in (null for an event written outside a trace). */
    private record Outgoing(ProducerRecord<String, byte[]> record, Span span) {
    }

    private final OutboxConfig config;
    private final DatabaseMigrations migrations;
    private final Pool pool;
    private final MeterRegistry registry;
    private final Tracer tracer;
    private final Map<String, Object> kafkaConfig;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private volatile Parked firstParked;
    private volatile boolean running;
    private volatile String lastError;
    private volatile Thread thread;
    private KafkaProducer<String, byte[]> producer;
    // Monotonic (System.nanoTime) deadlines: housekeeping intervals, not business time.
    private long nextCleanup = System.nanoTime();
    private long nextLagUpdate = System.nanoTime();

    /** {@code kafkaConfig} is every {@code kafka.*} setting of the service, as its Kafka connector gets them. */
    public OutboxRelay(OutboxConfig config, Pool pool, MeterRegistry registry, OpenTelemetry openTelemetry,
                       DatabaseMigrations migrations, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.config = config;
        this.migrations = migrations;
        this.pool = pool;
        this.registry = registry;
        this.tracer = openTelemetry.getTracer(OutboxRelay.class.getPackageName());
        this.kafkaConfig = Map.copyOf(kafkaConfig);
    }

    void start(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            return;
        }
        Gauge.builder("outbox.pending", pending, AtomicLong::get)
                .description("Outbox events waiting to be published (parked ones excluded)").register(registry);
        Gauge.builder("outbox.oldest.pending.seconds", oldestPendingSeconds, AtomicLong::get)
                .description("Age of the oldest unpublished outbox event").register(registry);
        Gauge.builder("outbox.published", published, AtomicLong::get)
                .description("Outbox events published by this instance").register(registry);
        Gauge.builder("outbox.parked", parked, AtomicLong::get)
                .description("Outbox events Kafka refused for good, set aside with their reason").register(registry);
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    /**
     * Quarkus fires the shutdown event once the HTTP server has drained and closed, and closes the pool
     * after it. The batch being sent is settled before the producer closes: it may wait for its
     * acknowledgements for up to the send timeout, and so does the join, since a row the broker
     * acknowledged that the relay could not mark published any more would be published again after
     * the restart. Only a batch that outlasts that (the broker away) is cut short: it has no
     * acknowledgement to lose.
     */
    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp.release();
        if (thread != null) {
            try {
                thread.join(config.relay().sendTimeout().plus(SETTLE_MARGIN));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Asks the relay to look for events now: called once a transaction that may have recorded events
     * has committed (before the commit it would find nothing). Cheap; wakes that come while a batch is
     * being sent fold into one more batch.
     */
    public void wake() {
        if (running) {
            wakeUp.release();
        }
    }

    /** Events waiting for the broker (parked ones excluded), for metrics and readiness. */
    public long pending() {
        return pending.get();
    }

    public long oldestPendingSeconds() {
        return oldestPendingSeconds.get();
    }

    /** Events Kafka refused for good, of every instance. */
    public long parked() {
        return parked.get();
    }

    /** The oldest parked event, or null when none is. */
    public Parked firstParked() {
        return firstParked;
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
            if (!migrations.isDone()) {
                awaitWakeUp(config.relay().pollInterval());
                continue;
            }
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
                lastError = describe(e);
                LOG.warnf("Outbox relay could not publish, retrying in %s ms: %s", backoff.toMillis(), lastError);
                safely(this::updateLag);
                awaitWakeUp(backoff);
                backoff = min(backoff.multipliedBy(2), config.relay().maxBackoff());
            }
        }
    }

    /**
     * Sends one batch and settles each row: published, parked, or left pending. Returns how many it
     * published or parked; throws the first transient failure, after committing the rest.
     */
    int drainBatch() throws Exception {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
        }
        SqlConnection connection = pool.getConnectionAndAwait();
        Exception transientFailure = null;
        int settled;
        try {
            Transaction transaction = connection.beginAndAwait();
            try {
                RowSet<Row> rows = connection.preparedQuery(SELECT_BATCH)
                        .executeAndAwait(Tuple.of(config.relay().batchSize()));
                List<Row> batch = new ArrayList<>(rows.size());
                List<Span> spans = new ArrayList<>(rows.size());
                List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
                for (Row row : rows) {
                    Outgoing outgoing = toRecord(row);
                    batch.add(row);
                    spans.add(outgoing.span());
                    sends.add(send(outgoing.record()));
                }
                long deadline = System.nanoTime() + config.relay().sendTimeout().toNanos();
                List<UUID> acknowledged = new ArrayList<>();
                List<Tuple> refused = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    Row row = batch.get(i);
                    Exception failure = failureOf(sends.get(i), deadline);
                    endSpan(spans.get(i), failure);
                    if (failure == null) {
                        acknowledged.add(row.getUUID("id"));
                    } else if (refusedForGood(failure)) {
                        String reason = describe(failure);
                        LOG.errorf("Kafka refused outbox event %s (%s of %s %s) for good; parked: %s", row.getUUID("id"),
                                row.getString("type"), row.getString("aggregate_type"), row.getString("aggregate_id"), reason);
                        refused.add(Tuple.of(row.getUUID("id"), reason));
                    } else if (transientFailure == null) {
                        transientFailure = failure;
                    }
                }
                if (!acknowledged.isEmpty()) {
                    connection.preparedQuery(MARK_PUBLISHED).executeAndAwait(Tuple.of(acknowledged.toArray(UUID[]::new)));
                }
                if (!refused.isEmpty()) {
                    connection.preparedQuery(MARK_PARKED).executeBatchAndAwait(refused);
                }
                transaction.commitAndAwait();
                published.addAndGet(acknowledged.size());
                settled = acknowledged.size() + refused.size();
            } catch (Exception e) {
                safely(transaction::rollbackAndAwait);
                throw e;
            }
        } finally {
            connection.closeAndAwait();
        }
        if (transientFailure != null) {
            throw transientFailure;
        }
        return settled;
    }

    /**
     * Whether Kafka refused the record itself for good. Retriable errors, and faults of the producer,
     * its credentials or the broker's version (which an operator fixes, after which the backlog
     * drains), are not: parking would drop every event until then.
     */
    static boolean refusedForGood(Throwable failure) {
        if (failure instanceof RetriableException
                || failure instanceof AuthenticationException
                || failure instanceof AuthorizationException
                || failure instanceof OutOfOrderSequenceException
                || failure instanceof ProducerFencedException
                || failure instanceof UnsupportedVersionException) {
            return false;
        }
        return failure instanceof ApiException || failure instanceof SerializationException;
    }

    /** A send that throws (rather than failing its future) is settled the same way. */
    private Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Null once the broker acknowledged the send; its failure otherwise, or a timeout past the deadline. */
    private Exception failureOf(Future<RecordMetadata> send, long deadline) {
        try {
            send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof Exception cause ? cause : e;
        } catch (java.util.concurrent.TimeoutException e) {
            return new java.util.concurrent.TimeoutException(
                    "not acknowledged within " + config.relay().sendTimeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private Outgoing toRecord(Row row) {
        String aggregateType = row.getString("aggregate_type");
        String aggregateId = row.getString("aggregate_id");
        String topic = String.format(config.topicPattern(), aggregateType);
        String eventId = row.getUUID("id").toString();
        OffsetDateTime createdAt = row.getOffsetDateTime("created_at");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, aggregateId,
                row.getString("payload").getBytes(StandardCharsets.UTF_8));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_source", config.source());
        header(record, "ce_type", row.getString("type"));
        header(record, "ce_time", createdAt.toInstant().toString());
        header(record, "ce_subject", aggregateId);
        header(record, "content-type", "application/json");
        Span span = publishSpan(row.getString("tracingspancontext"), topic, eventId, aggregateId);
        if (span != null) {
            W3C.inject(Context.root().with(span), record, HEADER_SETTER);
        }
        return new Outgoing(record, span);
    }

    /** A producer span, child of the span that wrote the event; null for an event written outside a trace. */
    private Span publishSpan(String writerContext, String topic, String eventId, String aggregateId) {
        Context parent = TracingSpanContext.parse(writerContext);
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return null;
        }
        return tracer.spanBuilder(topic + " publish")
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(parent)
                .setAttribute(MESSAGING_SYSTEM, "kafka")
                .setAttribute(MESSAGING_DESTINATION, topic)
                .setAttribute(MESSAGING_OPERATION, "publish")
                .setAttribute(MESSAGING_MESSAGE_ID, eventId)
                .setAttribute(MESSAGING_KAFKA_KEY, aggregateId)
                .startSpan();
    }

    /** Ends when the broker settled the send: acknowledged, or failed (parked or to be retried). */
    private static void endSpan(Span span, Exception failure) {
        if (span == null) {
            return;
        }
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, describe(failure));
        }
        span.end();
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void updateLagIfDue() {
        long now = System.nanoTime();
        if (now - nextLagUpdate < 0) {
            return;
        }
        nextLagUpdate = now + Duration.ofSeconds(1).toNanos();
        updateLag();
    }

    private void updateLag() {
        Row row = pool.preparedQuery(LAG).executeAndAwait().iterator().next();
        pending.set(row.getLong("pending"));
        oldestPendingSeconds.set(row.getLong("oldest_age"));
        parked.set(row.getLong("parked"));
        UUID firstParkedId = row.getUUID("first_parked_id");
        firstParked = firstParkedId == null ? null : new Parked(firstParkedId, row.getString("first_parked_reason"));
    }

    private void cleanUpPublished() {
        long now = System.nanoTime();
        if (now - nextCleanup < 0) {
            return;
        }
        nextCleanup = now + Duration.ofMinutes(10).toNanos();
        pool.preparedQuery(DELETE_PUBLISHED).executeAndAwait(Tuple.of(config.relay().keepPublished().toSeconds()));
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
        // Every kafka.* setting (bootstrap, TLS, SASL, ...); the relay's delivery settings win.
        properties.putAll(kafkaConfig);
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
