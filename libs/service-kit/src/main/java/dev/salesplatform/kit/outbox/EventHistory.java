package dev.salesplatform.kit.outbox;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.salesplatform.kit.http.Cursor;
import dev.salesplatform.kit.http.Page;
import dev.salesplatform.kit.http.PageRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** An aggregate's history, oldest first, from the events recorded through the {@link Outbox}. */
@ApplicationScoped
public class EventHistory {

    private static final String PAGE = "SELECT id, type, actor_id, occurred_at, payload::text FROM event_history"
            + " WHERE aggregate_type = ?1 AND aggregate_id = ?2 AND (CAST(?3 AS uuid) IS NULL OR id > CAST(?3 AS uuid))"
            + " ORDER BY id LIMIT ?4";

    private final ObjectMapper mapper;

    @Inject
    public EventHistory(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Must run inside a session (e.g. a {@code @WithSession} method). */
    public Uni<Page<HistoryEntry>> page(String aggregateType, String aggregateId, PageRequest page) {
        String after = page.cursor() == null ? null : page.cursor().id(0).toString();
        return Panache.getSession().chain(session -> session.createNativeQuery(PAGE, Object[].class)
                        .setParameter(1, aggregateType)
                        .setParameter(2, aggregateId)
                        .setParameter(3, after)
                        .setParameter(4, page.limit() + 1)
                        .getResultList())
                .map(rows -> Page.of(rows, page.limit(), row -> Cursor.of(row[0]), this::entry));
    }

    private HistoryEntry entry(Object[] row) {
        try {
            ObjectNode data = (ObjectNode) mapper.readTree((String) row[4]);
            data.remove(List.of("occurredAt", "actorId", "aggregateVersion"));
            return new HistoryEntry((UUID) row[0], (String) row[1], (String) row[2], ((OffsetDateTime) row[3]).toInstant(), data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event_history holds invalid JSON", e);
        }
    }
}
