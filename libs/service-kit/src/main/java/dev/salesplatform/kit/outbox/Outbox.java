package dev.salesplatform.kit.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.salesplatform.kit.id.UuidV7;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Records events in the outbox table through the caller's current Hibernate Reactive session, so
 * the event commits or rolls back with the change it describes. {@link OutboxRelay} publishes it;
 * {@link EventHistory} keeps it as the aggregate's history.
 */
@ApplicationScoped
public class Outbox {

    /** One statement writes the outbox row and the history row: both or neither. */
    private static final String INSERT = """
            WITH event AS (
                INSERT INTO outbox (id, aggregate_type, aggregate_id, type, payload, created_at, tracingspancontext)
                VALUES (?1, ?2, ?3, ?4, CAST(CAST(?5 AS text) AS jsonb), ?6, CAST(?8 AS text))
                RETURNING id, aggregate_type, aggregate_id, type, payload, created_at)
            INSERT INTO event_history (id, aggregate_type, aggregate_id, type, actor_id, occurred_at, payload)
            SELECT id, aggregate_type, aggregate_id, type, ?7, created_at, payload FROM event""";

    /** Events per statement of {@link #recordAll}: 9 parameters each, well below PostgreSQL's 65,535. */
    static final int EVENTS_PER_STATEMENT = 500;

    private final ObjectMapper mapper;

    @Inject
    public Outbox(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Must run inside the transaction of the change; returns the event id ({@code ce_id}). The trace
     * context current here (the request's or the consumer's) goes with the event, for its consumers to
     * continue.
     */
    public Uni<UUID> record(OutboxEvent event) {
        UUID id = UuidV7.next();
        String payload = envelope(event);
        String traceContext = TracingSpanContext.ofCurrent();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, id)
                        .setParameter(2, event.aggregateType())
                        .setParameter(3, event.aggregateId())
                        .setParameter(4, event.type())
                        .setParameter(5, payload)
                        .setParameter(6, OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                        .setParameter(7, event.actorId())
                        .setParameter(8, traceContext)
                        .executeUpdate())
                .replaceWith(id);
    }

    /**
     * Records {@code events} as {@link #record} does each, in as few statements as there are chunks of
     * {@value #EVENTS_PER_STATEMENT}: a bulk change (an import) writes its events in one round trip, not
     * one per event. Their order in the list is their order in the outbox (its sequence), so the relay
     * publishes an aggregate's events in that order. Returns the event ids in list order.
     */
    public Uni<List<UUID>> recordAll(List<OutboxEvent> events) {
        List<UUID> ids = new ArrayList<>(events.size());
        String traceContext = TracingSpanContext.ofCurrent();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (int from = 0; from < events.size(); from += EVENTS_PER_STATEMENT) {
            List<OutboxEvent> chunk = events.subList(from, Math.min(events.size(), from + EVENTS_PER_STATEMENT));
            List<UUID> chunkIds = chunk.stream().map(event -> UuidV7.next()).toList();
            ids.addAll(chunkIds);
            all = all.chain(() -> Panache.getSession().chain(session -> {
                var query = session.createNativeQuery("WITH " + rowsAndInserts(chunk.size(), 0, "true")
                        + "\nSELECT count(*) FROM event", Long.class);
                bindEvents(query, 1, chunk, chunkIds, traceContext);
                return query.getSingleResult();
            }).replaceWithVoid());
        }
        return all.replaceWith(ids);
    }

    /**
     * Runs {@code change}, a data-modifying statement with {@code RETURNING} whose parameters are
     * {@code ?1} to {@code ?n} of {@code parameters}, and records {@code events} (at most {@value
     * #EVENTS_PER_STATEMENT}) only if it returned a row; all in one statement. Outside a transaction
     * that statement is one round trip and atomic on its own: a create's lead, events and history rows
     * commit together with no BEGIN or COMMIT of their own. Inside the caller's transaction it joins it,
     * as {@link #record} does. Answers whether the change returned a row (false, say, for an insert
     * that met {@code ON CONFLICT DO NOTHING}: then nothing is recorded).
     */
    public Uni<Boolean> recordWith(String change, List<Object> parameters, List<OutboxEvent> events) {
        if (events.isEmpty() || events.size() > EVENTS_PER_STATEMENT) {
            throw new IllegalArgumentException("1 to " + EVENTS_PER_STATEMENT + " events, not " + events.size());
        }
        List<UUID> ids = events.stream().map(event -> UuidV7.next()).toList();
        String traceContext = TracingSpanContext.ofCurrent();
        String sql = "WITH change AS (" + change + "),\n"
                + rowsAndInserts(events.size(), parameters.size(), "EXISTS (SELECT 1 FROM change)")
                + "\nSELECT count(*) FROM change";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Long.class);
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            bindEvents(query, parameters.size() + 1, events, ids, traceContext);
            return query.getSingleResult();
        }).map(changed -> changed > 0);
    }

    private void bindEvents(Mutiny.SelectionQuery<?> query, int first,
                            List<OutboxEvent> events, List<UUID> ids, String traceContext) {
        int p = first;
        for (int i = 0; i < events.size(); i++) {
            OutboxEvent event = events.get(i);
            query.setParameter(p++, i)
                    .setParameter(p++, ids.get(i))
                    .setParameter(p++, event.aggregateType())
                    .setParameter(p++, event.aggregateId())
                    .setParameter(p++, event.type())
                    .setParameter(p++, envelope(event))
                    .setParameter(p++, OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                    .setParameter(p++, event.actorId())
                    .setParameter(p++, traceContext);
        }
    }

    /**
     * The CTEs that write the outbox and history rows of {@code count} events whose parameters follow
     * the first {@code offset}, when {@code condition} holds; inserted in the order of {@code ord}, so
     * that each row's sequence number follows the list.
     */
    private static String rowsAndInserts(int count, int offset, String condition) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int p = offset + i * 9;
            values.append(i == 0 ? "" : ",\n").append("(CAST(?").append(p + 1).append(" AS int), CAST(?").append(p + 2)
                    .append(" AS uuid), CAST(?").append(p + 3).append(" AS text), CAST(?").append(p + 4)
                    .append(" AS text), CAST(?").append(p + 5).append(" AS text), CAST(CAST(?").append(p + 6)
                    .append(" AS text) AS jsonb), CAST(?").append(p + 7).append(" AS timestamptz), CAST(?").append(p + 8)
                    .append(" AS text), CAST(?").append(p + 9).append(" AS text))");
        }
        return """
                rows (ord, id, aggregate_type, aggregate_id, type, payload, created_at, actor_id, trace) AS (VALUES
                %s),
                event AS (
                    INSERT INTO outbox (id, aggregate_type, aggregate_id, type, payload, created_at, tracingspancontext)
                    SELECT id, aggregate_type, aggregate_id, type, payload, created_at, trace FROM rows
                    WHERE %s ORDER BY ord
                    RETURNING id),
                history AS (
                    INSERT INTO event_history (id, aggregate_type, aggregate_id, type, actor_id, occurred_at, payload)
                    SELECT r.id, r.aggregate_type, r.aggregate_id, r.type, r.actor_id, r.created_at, r.payload
                    FROM rows r JOIN event e ON e.id = r.id ORDER BY r.ord)""".formatted(values, condition);
    }

    private String envelope(OutboxEvent event) {
        ObjectNode json = mapper.valueToTree(event.payload());
        json.put("occurredAt", event.occurredAt().toString());
        json.put("actorId", event.actorId());
        json.put("aggregateVersion", event.aggregateVersion());
        return json.toString();
    }
}
