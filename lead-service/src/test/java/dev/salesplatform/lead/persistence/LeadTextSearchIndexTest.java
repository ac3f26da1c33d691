package dev.salesplatform.lead.persistence;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.SearchPlan;
import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The lead list's text search (q) runs on the trigram indexes of migration V6, not on a sequential scan. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LeadTextSearchIndexTest {

    /** Enough rows that a sequential scan costs several times the index scans; rolled back after the EXPLAIN. */
    private static final int ROWS = 20_000;

    @Test
    void theListsTextSearchIsABitmapOrOfTheThreeTrigramIndexes() {
        String marker = "qx" + UUID.randomUUID().toString().substring(0, 8);
        String sql = SearchPlan.searchSql(() -> given()
                .header("Authorization", TestTokens.bearer(UUID.randomUUID(), "sales-manager"))
                .queryParam("q", marker).when().get("/api/v1/leads").then().statusCode(200));

        String plan = SearchPlan.explain(sql, "%" + marker + "%", 51, """
                INSERT INTO lead (id, first_name, last_name, email, company_name, source, status, created_by,
                                  created_at, updated_at, version)
                SELECT gen_random_uuid(), 'First' || md5(i::text), 'Last' || md5((i + 1)::text),
                       'plan-' || md5((i + 2)::text) || '@example.com',
                       CASE WHEN mod(i, 3) = 0 THEN NULL ELSE 'Company ' || md5((i + 3)::text) END,
                       'EVENT', 'DISQUALIFIED', 'plan-test', now(), now(), 0
                FROM generate_series(1, %d) AS i""".formatted(ROWS),
                "ANALYZE lead",
                // The new rows wait in the indexes' pending lists (GIN fastupdate), which every index scan
                // reads and the planner costs; autovacuum empties them in a running system, this does it now.
                "SELECT gin_clean_pending_list(index) FROM unnest(ARRAY['lead_search_name', 'lead_search_email',"
                        + " 'lead_search_company']::regclass[]) AS index");

        for (String index : new String[] {"lead_search_name", "lead_search_email", "lead_search_company"}) {
            assertTrue(plan.contains("Bitmap Index Scan on " + index), index + " not used by\n" + sql + "\n" + plan);
        }
        assertTrue(plan.contains("BitmapOr"), plan);
        assertFalse(plan.contains("Seq Scan"), plan);
    }
}
