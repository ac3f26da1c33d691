package dev.salesplatform.kit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.testkit.PlatformTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** The Idempotency-Key rules against the real table: replay, other body, in flight, abandoned, failure. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class IdempotentRequestsTest {

    @Inject
    IdempotentRequests idempotency;

    @Inject
    ObjectMapper mapper;

    final AtomicInteger runs = new AtomicInteger();

    static final String TARGET = "POST /things";

    Response execute(String key, String caller, Object body) throws Throwable {
        return execute(key, caller, TARGET, body);
    }

    Response execute(String key, String caller, String target, Object body) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> idempotency.execute(key, caller, target, body, () -> {
            runs.incrementAndGet();
            return Uni.createFrom().item(Response.status(201).header("Location", "/things/1")
                    .entity(Map.of("id", 1)).build());
        }));
    }

    void sql(String statement, Object... parameters) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        })));
    }

    @Test
    void aRetryReplaysTheFirstAnswerWithoutRunningAgain() throws Throwable {
        String key = UUID.randomUUID().toString();
        Response first = execute(key, "caller-a", Map.of("name", "x"));
        Response again = execute(key, "caller-a", Map.of("name", "x"));
        assertEquals(1, runs.get());
        assertEquals(201, again.getStatus());
        assertEquals("true", again.getHeaderString("Idempotent-Replayed"));
        assertEquals(first.getHeaderString("Location"), again.getHeaderString("Location"));
        assertEquals("{\"id\":1}", again.getEntity());
        // Keys belong to their caller.
        execute(key, "caller-b", Map.of("name", "x"));
        assertEquals(2, runs.get());
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() throws Throwable {
        String key = UUID.randomUUID().toString();
        execute(key, "caller-a", Map.of("name", "x"));
        ProblemException problem = assertThrows(ProblemException.class, () -> execute(key, "caller-a", Map.of("name", "y")));
        assertEquals(422, problem.status());
    }

    /** The same key and body sent to another record's path is another request, never the first one's answer. */
    @Test
    void theSameKeyAndBodyOnAnotherPathIs422() throws Throwable {
        String key = UUID.randomUUID().toString();
        execute(key, "caller-a", "POST /deals/1/proposals", Map.of("name", "x"));
        ProblemException problem = assertThrows(ProblemException.class,
                () -> execute(key, "caller-a", "POST /deals/2/proposals", Map.of("name", "x")));
        assertEquals(422, problem.status());
        assertEquals(1, runs.get());
    }

    /** Retries that find the same abandoned claim at once: the one whose update changed the row runs, once. */
    @Test
    void anAbandonedKeyIsTakenOverByOneRetryOnly() throws Throwable {
        String key = UUID.randomUUID().toString();
        sql("INSERT INTO idempotency_key (caller, key, request_hash, created_at)"
                + " VALUES (?1, ?2, ?3, now() - interval '10 minutes')", "caller-a", key,
                IdempotentRequests.hash(mapper, TARGET, Map.of("name", "x")));
        int retries = 6;
        CyclicBarrier start = new CyclicBarrier(retries);
        ExecutorService pool = Executors.newFixedThreadPool(retries);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < retries; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    try {
                        return execute(key, "caller-a", Map.of("name", "x")).getStatus();
                    } catch (ProblemException e) {
                        return e.status();
                    } catch (Throwable e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                assertTrue(status == 201 || status == 409, "status " + status);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, runs.get());
    }

    @Test
    void aKeyStillInFlightIs409ButAnAbandonedOneIsTakenOver() throws Throwable {
        String busy = UUID.randomUUID().toString();
        String hash = hashOf(Map.of("name", "x"));
        sql("INSERT INTO idempotency_key (caller, key, request_hash, created_at) VALUES (?1, ?2, ?3, now())",
                "caller-a", busy, hash);
        ProblemException problem = assertThrows(ProblemException.class, () -> execute(busy, "caller-a", Map.of("name", "x")));
        assertEquals(409, problem.status());
        assertEquals("1", problem.headers().get("Retry-After"));
        assertEquals(0, runs.get());

        String abandoned = UUID.randomUUID().toString();
        sql("INSERT INTO idempotency_key (caller, key, request_hash, created_at)"
                + " VALUES (?1, ?2, ?3, now() - interval '10 minutes')", "caller-a", abandoned, hash);
        assertEquals(201, execute(abandoned, "caller-a", Map.of("name", "x")).getStatus());
        assertEquals(1, runs.get());
    }

    @Test
    void aFailedRequestReleasesItsKey() throws Throwable {
        String key = UUID.randomUUID().toString();
        assertThrows(IllegalStateException.class, () -> VertxContextSupport.subscribeAndAwait(() ->
                idempotency.execute(key, "caller-a", TARGET, Map.of("name", "x"),
                        () -> Uni.createFrom().failure(new IllegalStateException("boom")))));
        assertEquals(201, execute(key, "caller-a", Map.of("name", "x")).getStatus());
    }

    @Test
    void keysAreOneTo255Characters() {
        assertEquals(400, assertThrows(ProblemException.class, () -> execute("", "caller-a", Map.of())).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> execute("k".repeat(256), "caller-a", Map.of()))
                .status());
    }

    private String hashOf(Object body) {
        return IdempotentRequests.hash(mapper, TARGET, body);
    }
}
