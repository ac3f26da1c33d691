package dev.salesplatform.kit.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A change and its events in one statement: the events are recorded exactly when the change wrote
 * its row, in order and with their history, and a change that met its conflict records nothing.
 * The change here claims an idempotency key, a table of the kit itself.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OutboxRecordWithTest {

    private static final String CLAIM = "INSERT INTO idempotency_key (caller, key, request_hash, created_at)"
            + " VALUES (CAST(?1 AS text), CAST(?2 AS text), 'hash', CAST(?3 AS timestamptz))"
            + " ON CONFLICT DO NOTHING RETURNING key";

    @Inject
    Outbox outbox;

    @Inject
    Pool pool;

    @Test
    void theEventsAreRecordedWithTheChangeAndNotWhenTheChangeWroteNothing() throws Throwable {
        String aggregateType = "kittest" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        List<OutboxEvent> events = List.of(
                new OutboxEvent(aggregateType, key, "kit.tested.v1", 0, "actor-1", TestClock.current().instant(), Map.of("n", 0)),
                new OutboxEvent(aggregateType, key, "kit.tested.v1", 1, "actor-1", TestClock.current().instant(), Map.of("n", 1)));

        // Outside a transaction, as a create runs: the statement commits on its own.
        assertTrue(claim(key, events));
        assertEquals(List.of("0", "1"), recorded("outbox", aggregateType));
        assertEquals(List.of("0", "1"), recorded("event_history", aggregateType));

        assertFalse(claim(key, events), "the key is taken: the change wrote nothing");
        assertEquals(List.of("0", "1"), recorded("outbox", aggregateType), "and no event was recorded");
        assertEquals(List.of("0", "1"), recorded("event_history", aggregateType));
    }

    @Test
    void aChangeWithoutEventsOrWithMoreThanOneStatementsWorthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> outbox.recordWith(CLAIM, List.of(), List.of()));
        OutboxEvent event = new OutboxEvent("kittest", "a", "kit.tested.v1", 0, "actor", TestClock.current().instant(),
                Map.of("n", 0));
        assertThrows(IllegalArgumentException.class, () -> outbox.recordWith(CLAIM, List.of(),
                Collections.nCopies(Outbox.EVENTS_PER_STATEMENT + 1, event)));
    }

    private boolean claim(String key, List<OutboxEvent> events) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> outbox.recordWith(CLAIM,
                List.of("caller", key, OffsetDateTime.ofInstant(TestClock.current().instant(), ZoneOffset.UTC)), events)));
    }

    /** The {@code n} of each event of {@code aggregateType} in {@code table}, in the order recorded. */
    private List<String> recorded(String table, String aggregateType) {
        String order = table.equals("outbox") ? "seq" : "id";
        List<String> recorded = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT payload->>'n' AS n FROM " + table + " WHERE aggregate_type = $1 ORDER BY "
                + order).executeAndAwait(Tuple.of(aggregateType))) {
            recorded.add(row.getString("n"));
        }
        return recorded;
    }
}
