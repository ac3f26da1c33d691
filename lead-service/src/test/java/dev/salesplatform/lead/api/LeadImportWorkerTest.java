package dev.salesplatform.lead.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.salesplatform.kit.id.UuidV7;
import dev.salesplatform.testkit.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Jobs left behind by another instance: taken over once its lease ran out, left alone while it holds it. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LeadImportWorkerTest {

    @Inject
    Pool pool;

    static String lead(int row) {
        return """
                {"firstName": "Row", "lastName": "%d", "email": "%s", "source": "EVENT"}"""
                .formatted(row, LeadImportResourceTest.email("worker"));
    }

    /**
     * A job as the database holds it after a POST (RECEIVED) or while a worker is on it (PROCESSING, held
     * for {@code leaseSeconds} more): {@code done} rows already created, the others still staged from row 2 + done.
     */
    private UUID job(String actor, String status, Integer leaseSeconds, int done, String... staged) {
        UUID id = UuidV7.next();
        pool.preparedQuery("""
                INSERT INTO lead_import (id, status, format, on_duplicate, created_by, created_at, touched_at,
                                         total, created, claimed_by, lease_until)
                VALUES ($1, $2, 'CSV', 'SKIP', $3, now(), now(), $4, $5, $6,
                        CASE WHEN $7::int IS NULL THEN NULL ELSE now() + make_interval(secs => $7::int) END)""")
                .executeAndAwait(Tuple.from(Arrays.asList(id, status, actor, done + staged.length, done,
                        leaseSeconds == null ? null : UUID.randomUUID(), leaseSeconds)));
        for (int i = 0; i < staged.length; i++) {
            pool.preparedQuery("INSERT INTO lead_import_row (import_id, row_number, payload)"
                            + " VALUES ($1, $2, CAST(CAST($3 AS text) AS jsonb))")
                    .executeAndAwait(Tuple.of(id, 2 + done + i, staged[i]));
        }
        return id;
    }

    @Test
    void aJobWhoseWorkerDiedIsFinishedByAnotherAndALiveOneIsLeftAlone() {
        UUID actor = UUID.randomUUID();
        // The live job is older, so a worker that ignored leases would take it first.
        UUID live = job(actor.toString(), "PROCESSING", 3600, 3, lead(5), lead(6));
        UUID abandoned = job(actor.toString(), "PROCESSING", -1, 3, lead(5), lead(6));

        Response done = LeadImportResourceTest.awaitDone(LeadImportResourceTest.integration(actor),
                LeadImportResourceTest.IMPORTS + "/" + abandoned, Duration.ofSeconds(30));
        assertEquals("COMPLETED", done.path("status"));
        LeadImportResourceTest.assertCounts(done, 5, 5, 0, 0, 0);

        Row untouched = pool.preparedQuery("SELECT status, created, (SELECT count(*) FROM lead_import_row WHERE import_id = $1)"
                + " AS staged FROM lead_import WHERE id = $1").executeAndAwait(Tuple.of(live)).iterator().next();
        assertEquals("PROCESSING", untouched.getString("status"));
        assertEquals(3, untouched.getInteger("created"));
        assertEquals(2L, untouched.getLong("staged"));
    }

    @Test
    void aRowThatCannotBeImportedFailsAloneAndTheOthersAreImported() {
        UUID actor = UUID.randomUUID();
        UUID id = job(actor.toString(), "RECEIVED", null, 0, lead(2), lead(3), "\"not a lead\"", lead(5));

        Response done = LeadImportResourceTest.awaitDone(LeadImportResourceTest.integration(actor),
                LeadImportResourceTest.IMPORTS + "/" + id, Duration.ofSeconds(30));
        assertEquals("COMPLETED", done.path("status"));
        LeadImportResourceTest.assertCounts(done, 4, 3, 0, 0, 1);
        assertEquals(List.of(LeadImportResourceTest.error(4, null, "could not be imported")), done.path("errors"));
        assertEquals(1, done.<Integer>path("errorsTotal"));
    }
}
