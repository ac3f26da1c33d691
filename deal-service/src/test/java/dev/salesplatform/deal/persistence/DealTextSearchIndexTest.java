package dev.salesplatform.deal.persistence;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.salesplatform.deal.api.DealApi;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.SearchPlan;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The deal list's text search (q) runs on the trigram indexes of migration V6, not on a sequential scan. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DealTextSearchIndexTest {

    /** Enough rows that a sequential scan costs several times the index scans; rolled back after the EXPLAIN. */
    private static final int ROWS = 20_000;

    @Test
    void theListsTextSearchIsABitmapOrOfTheTwoTrigramIndexes() {
        String marker = "qx" + UUID.randomUUID().toString().substring(0, 8);
        String sql = SearchPlan.searchSql(() -> given().header("Authorization", DealApi.manager())
                .queryParam("q", marker).when().get("/api/v1/deals").then().statusCode(200));

        String plan = SearchPlan.explain(sql, "%" + marker + "%", 51, """
                INSERT INTO deal (id, name, company_name, amount, currency, pipeline_id, stage_code, stage_entered_at,
                                  status, owner_id, created_by, created_at, updated_at, version)
                SELECT gen_random_uuid(), 'Deal ' || md5(i::text),
                       CASE WHEN mod(i, 3) = 0 THEN NULL ELSE 'Company ' || md5((i + 1)::text) END,
                       1000, 'EUR', '%s', 'DISCOVERY', now(), 'OPEN', gen_random_uuid(), 'plan-test', now(), now(), 0
                FROM generate_series(1, %d) AS i""".formatted(DealApi.DEFAULT_PIPELINE, ROWS),
                "ANALYZE deal",
                // The new rows wait in the indexes' pending lists (GIN fastupdate), which every index scan
                // reads and the planner costs; autovacuum empties them in a running system, this does it now.
                "SELECT gin_clean_pending_list(index) FROM unnest(ARRAY['deal_search_name', 'deal_search_company']"
                        + "::regclass[]) AS index");

        for (String index : new String[] {"deal_search_name", "deal_search_company"}) {
            assertTrue(plan.contains("Bitmap Index Scan on " + index), index + " not used by\n" + sql + "\n" + plan);
        }
        assertTrue(plan.contains("BitmapOr"), plan);
        assertFalse(plan.contains("Seq Scan"), plan);
    }
}
