package dev.salesplatform.kit.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.salesplatform.kit.http.Cursor;
import dev.salesplatform.kit.http.Page;
import dev.salesplatform.kit.http.PageRequest;
import dev.salesplatform.kit.id.UuidV7;
import dev.salesplatform.kit.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Poison records, set aside one by one: each is kept in {@code dead_letter} exactly as it was read
 * (for listing and redelivery) and published to {@code <topic>.dlq} with the reason, the failure's
 * class and where it came from in headers. Both writes are retried for as long as the database or
 * the broker is away, so that a record is acknowledged only once it is safely set aside.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final String UPSERT = """
            INSERT INTO dead_letter (id, consumer, topic, partition, record_offset, record_key, record_value, headers,
                                     event_id, event_type, reason, exception, attempts, dead_lettered_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, CAST($8::text AS jsonb), $9, $10, $11, $12, 1, now())
            ON CONFLICT (consumer, topic, partition, record_offset) DO UPDATE SET
                reason = EXCLUDED.reason, exception = EXCLUDED.exception, attempts = dead_letter.attempts + 1,
                redelivered_at = NULL""";
    private static final String COLUMNS = "id, consumer, topic, partition, record_offset, event_id, event_type, reason,"
            + " exception, attempts, dead_lettered_at, redelivered_at";
    private static final String FIND = "SELECT " + COLUMNS + ", record_key, record_value, headers FROM dead_letter"
            + " WHERE id = $1";
    private static final String LIST = "SELECT " + COLUMNS + " FROM dead_letter"
            + " WHERE ($1::text IS NULL OR consumer = $1)"
            + " AND ($2::text IS NULL OR ($2 = 'OPEN') = (redelivered_at IS NULL))"
            + " AND ($3::timestamptz IS NULL OR (dead_lettered_at, id) < ($3, $4))"
            + " ORDER BY dead_lettered_at DESC, id DESC LIMIT $5";
    private static final String OPEN_IDS = "SELECT id FROM dead_letter WHERE redelivered_at IS NULL"
            + " AND ($1::text IS NULL OR consumer = $1) ORDER BY dead_lettered_at, id LIMIT $2";
    private static final String REDELIVERED = "UPDATE dead_letter SET redelivered_at = now() WHERE id = $1";
    /** The first time stays: it orders the list, and a page must not move under a client paging through it. */
    private static final String FAILED_AGAIN = "UPDATE dead_letter SET reason = $2, exception = $3,"
            + " attempts = attempts + 1 WHERE id = $1";

    private final Pool pool;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final ConsumerHealth health;
    private final Instance<DeadLetterHandler> handlers;
    private final MutinyEmitter<String> topics;
    private volatile boolean stopping;

    @Inject
    public DeadLetters(Pool pool,
                       ObjectMapper mapper,
                       MeterRegistry registry,
                       ConsumerHealth health,
                       @Any Instance<DeadLetterHandler> handlers,
                       @Channel("dead-letters") MutinyEmitter<String> topics) {
        this.pool = pool;
        this.mapper = mapper;
        this.registry = registry;
        this.health = health;
        this.handlers = handlers;
        this.topics = topics;
    }

    /** What a bulk redelivery did. */
    @Schema(name = "DeadLetterRedelivery")
    public record Redelivery(int redelivered, int stillFailing) {
    }

    void stop(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) {
        stopping = true;
    }

    /** Whether the service is shutting down, when nothing is set aside. */
    public boolean stopping() {
        return stopping;
    }

    /**
     * Sets {@code record} aside for {@code consumer} because of {@code reason}; completes once it is safe.
     * While the service shuts down it never completes: a failure then is most likely the teardown itself
     * (the pool closing under a retry), so the record stays unacknowledged and comes again after the
     * restart, for every consumer alike.
     */
    public Uni<Void> record(String consumer, ConsumerRecord<String, String> record, Throwable reason) {
        if (stopping()) {
            LOG.infof("not dead-lettering %s for %s while shutting down (%s): delivered again after the restart",
                    IdempotentConsumer.where(record), consumer, Problems.describe(reason));
            return Uni.createFrom().nothing();
        }
        LOG.warnf("dead-lettering %s for %s: %s", IdempotentConsumer.where(record), consumer, Problems.describe(reason));
        return health.retryWhileTransient(consumer, "dead letter", () -> store(consumer, record, reason))
                .onFailure().invoke(failure -> LOG.errorf(failure, "could not keep dead letter %s of %s",
                        IdempotentConsumer.where(record), consumer))
                .chain(() -> health.retryWhileTransient(consumer, "dead-letter topic", () -> publish(consumer, record, reason))
                        // The row above is what counts; the topic copy is for tools that read topics.
                        .onFailure().recoverWithItem(failure -> {
                            LOG.errorf("could not copy dead letter %s to %s.dlq: %s", IdempotentConsumer.where(record),
                                    record.topic(), Problems.describe(failure));
                            return null;
                        }))
                .invoke(() -> Counter.builder("events.dead.lettered").description("Records a consumer set aside as poison")
                        .tag("consumer", consumer).tag("topic", record.topic()).register(registry).increment());
    }

    public Uni<Page<DeadLetter>> list(String consumer, String status, PageRequest page) {
        Cursor cursor = page.cursor();
        OffsetDateTime after = null;
        UUID afterId = null;
        if (cursor != null) {
            after = OffsetDateTime.ofInstant(cursor.instant(0), ZoneOffset.UTC);
            afterId = cursor.id(1);
        }
        return pool.preparedQuery(LIST).execute(Tuple.from(Arrays.asList(consumer, status, after, afterId,
                        page.limit() + 1)))
                .map(rows -> {
                    List<Row> all = new ArrayList<>();
                    rows.forEach(all::add);
                    return Page.of(all, page.limit(),
                            row -> Cursor.of(row.getOffsetDateTime("dead_lettered_at"), row.getUUID("id")),
                            DeadLetters::view);
                });
    }

    public Uni<DeadLetter> find(UUID id) {
        return pool.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null
                : view(rows.iterator().next()));
    }

    /**
     * Applies the dead letter once more through its consumer. Redelivering one that was already
     * applied changes nothing; one that fails again stays open with the new reason; a passing fault
     * is a 503 and leaves it as it was.
     */
    public Uni<DeadLetter> redeliver(UUID id) {
        return pool.preparedQuery(FIND).execute(Tuple.of(id)).chain(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("Dead letter", id);
            }
            Row row = rows.iterator().next();
            if (row.getOffsetDateTime("redelivered_at") != null) {
                return Uni.createFrom().item(view(row));
            }
            DeadLetterHandler handler = handler(row.getString("consumer"));
            return Uni.createFrom().deferred(() -> handler.redeliver(toRecord(row)))
                    .chain(() -> pool.preparedQuery(REDELIVERED).execute(Tuple.of(id)).replaceWithVoid())
                    .onFailure(failure -> !Failures.isTransient(failure)).recoverWithUni(failure ->
                            pool.preparedQuery(FAILED_AGAIN).execute(Tuple.of(id, Problems.describe(failure),
                                    failure.getClass().getName())).replaceWithVoid())
                    .onFailure().transform(failure -> new ProblemException(503, "dependency-unavailable",
                            "Try again later", "The dead letter could not be redelivered now: " + Problems.describe(failure)))
                    .chain(() -> find(id));
        });
    }

    /** Redelivers up to {@code limit} open dead letters (of {@code consumer}, or of all), oldest first. */
    public Uni<Redelivery> redeliverOpen(String consumer, int limit) {
        return pool.preparedQuery(OPEN_IDS).execute(Tuple.of(consumer, limit)).chain(rows -> {
            List<UUID> ids = new ArrayList<>();
            rows.forEach(row -> ids.add(row.getUUID(0)));
            int[] counts = new int[2];
            Uni<Void> done = Uni.createFrom().voidItem();
            for (UUID id : ids) {
                done = done.chain(() -> redeliver(id).invoke(letter -> counts[letter.redeliveredAt() != null ? 0 : 1]++)
                        .replaceWithVoid());
            }
            return done.map(ignored -> new Redelivery(counts[0], counts[1]));
        });
    }

    private DeadLetterHandler handler(String consumer) {
        for (DeadLetterHandler handler : handlers) {
            if (handler.consumer().equals(consumer)) {
                return handler;
            }
        }
        throw ProblemException.conflict("no-consumer", "No such consumer",
                "This service has no consumer " + consumer + " any more to redeliver to");
    }

    private Uni<Void> store(String consumer, ConsumerRecord<String, String> record, Throwable reason) {
        ArrayNode headers = mapper.createArrayNode();
        for (Header header : record.headers()) {
            headers.addObject().put("name", header.key())
                    .put("value", header.value() == null ? null : Base64.getEncoder().encodeToString(header.value()));
        }
        return pool.preparedQuery(UPSERT).execute(Tuple.from(Arrays.asList(UuidV7.next(), consumer, record.topic(),
                        record.partition(), record.offset(), bytes(record.key()), bytes(record.value()),
                        headers.toString(), header(record, "ce_id"), header(record, "ce_type"),
                        Problems.describe(reason), reason.getClass().getName())))
                .replaceWithVoid();
    }

    private Uni<Void> publish(String consumer, ConsumerRecord<String, String> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        add(headers, "dead-letter-reason", Problems.describe(reason));
        add(headers, "dead-letter-exception", reason.getClass().getName());
        add(headers, "dead-letter-consumer", consumer);
        add(headers, "dead-letter-topic", record.topic());
        add(headers, "dead-letter-partition", String.valueOf(record.partition()));
        add(headers, "dead-letter-offset", String.valueOf(record.offset()));
        return topics.sendMessage(Message.of(record.value() == null ? "" : record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withTopic(record.topic() + ".dlq")
                        .withKey(record.key()).withHeaders(headers).build()));
    }

    private ConsumerRecord<String, String> toRecord(Row row) {
        RecordHeaders headers = new RecordHeaders();
        try {
            for (JsonNode header : mapper.readTree(row.getValue("headers").toString())) {
                JsonNode value = header.get("value");
                headers.add(header.get("name").asText(),
                        value == null || value.isNull() ? null : Base64.getDecoder().decode(value.asText()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("dead letter headers are not the JSON this class wrote", e);
        }
        return new ConsumerRecord<>(row.getString("topic"), row.getInteger("partition"), row.getLong("record_offset"),
                ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE, ConsumerRecord.NULL_SIZE,
                ConsumerRecord.NULL_SIZE, text(row.getBuffer("record_key")), text(row.getBuffer("record_value")),
                headers, Optional.empty());
    }

    private static DeadLetter view(Row row) {
        OffsetDateTime redelivered = row.getOffsetDateTime("redelivered_at");
        return new DeadLetter(row.getUUID("id"), row.getString("consumer"), row.getString("topic"),
                row.getInteger("partition"), row.getLong("record_offset"), row.getString("event_id"),
                row.getString("event_type"), row.getString("reason"), row.getString("exception"),
                row.getInteger("attempts"), row.getOffsetDateTime("dead_lettered_at").toInstant(),
                redelivered == null ? null : redelivered.toInstant(), redelivered == null ? "OPEN" : "REDELIVERED");
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null
                : Problems.bounded(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** A bytea parameter: the SQL client encodes Vert.x core buffers, not their Mutiny wrappers. */
    private static io.vertx.core.buffer.Buffer bytes(String text) {
        return text == null ? null : io.vertx.core.buffer.Buffer.buffer(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Buffer buffer) {
        return buffer == null ? null : buffer.toString(StandardCharsets.UTF_8);
    }
}
