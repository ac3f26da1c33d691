package dev.salesplatform.customersuccess.persistence;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.salesplatform.customersuccess.api.CustomerApi;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.SearchPlan;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The customer list's text search (q) runs on the trigram indexes of migration V2, not on a sequential scan. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CustomerTextSearchIndexTest {

    /** Enough rows that a sequential scan costs several times the index scans; rolled back after the EXPLAIN. */
    private static final int ROWS = 20_000;

    private static final String[] INDEXES = {"customer_search_company", "customer_search_contact_first_name",
            "customer_search_contact_last_name", "customer_search_contact_email"};

    @Test
    void theListsTextSearchIsABitmapOrOfTheFourTrigramIndexes() {
        String marker = "qx" + UUID.randomUUID().toString().substring(0, 8);
        String sql = SearchPlan.searchSql(() -> given().header("Authorization", CustomerApi.manager())
                .queryParam("q", marker).when().get("/api/v1/customers").then().statusCode(200));

        String plan = SearchPlan.explain(sql, "%" + marker + "%", 51, """
                INSERT INTO customer (id, company_name, company_key, contact_first_name, contact_last_name,
                                      contact_email, status, deal_id, health_score, health_band, health_reasons,
                                      health_computed_on, created_at, updated_at, version)
                SELECT gen_random_uuid(), 'Company ' || md5(i::text), 'company ' || md5(i::text),
                       'First' || md5((i + 1)::text), 'Last' || md5((i + 2)::text),
                       CASE WHEN mod(i, 3) = 0 THEN NULL ELSE 'plan-' || md5((i + 3)::text) || '@example.com' END,
                       'CHURNED', gen_random_uuid(), 50, 'YELLOW', '[]', '2000-01-01', now(), now(), 0
                FROM generate_series(1, %d) AS i""".formatted(ROWS),
                "ANALYZE customer",
                // The new rows wait in the indexes' pending lists (GIN fastupdate), which every index scan
                // reads and the planner costs; autovacuum empties them in a running system, this does it now.
                "SELECT gin_clean_pending_list(index) FROM unnest(ARRAY['" + String.join("', '", INDEXES)
                        + "']::regclass[]) AS index");

        for (String index : INDEXES) {
            assertTrue(plan.contains("Bitmap Index Scan on " + index), index + " not used by\n" + sql + "\n" + plan);
        }
        assertTrue(plan.contains("BitmapOr"), plan);
        assertFalse(plan.contains("Seq Scan"), plan);
    }
}
