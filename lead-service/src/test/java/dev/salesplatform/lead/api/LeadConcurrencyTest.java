package dev.salesplatform.lead.api;

import static dev.salesplatform.lead.api.LeadApi.PROBLEM;
import static dev.salesplatform.lead.api.LeadApi.SARA;
import static dev.salesplatform.lead.api.LeadApi.create;
import static dev.salesplatform.lead.api.LeadApi.email;
import static dev.salesplatform.lead.api.LeadApi.get;
import static dev.salesplatform.lead.api.LeadApi.leadJson;
import static dev.salesplatform.lead.api.LeadApi.sdr;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Parallel writes to one lead: each either wins or loses the race with a 409 (412 when it named the
 * version with If-Match) problem, never a 500, and what is stored is exactly what the winners wrote.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LeadConcurrencyTest {

    static final int PARALLEL = 4;

    /** Runs {@code request} {@link #PARALLEL} times at once; answers the responses. */
    static List<Response> together(Supplier<Response> request) throws Exception {
        CyclicBarrier start = new CyclicBarrier(PARALLEL);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<CompletableFuture<Response>> answers = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return request.get();
                }, pool));
            }
            List<Response> responses = new ArrayList<>();
            for (CompletableFuture<Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    static long count(List<Response> responses, int status) {
        return responses.stream().filter(r -> r.statusCode() == status).count();
    }

    static void losersAreProblems(List<Response> responses, int winStatus, int loseStatus) {
        for (Response response : responses) {
            assertTrue(response.statusCode() == winStatus || response.statusCode() == loseStatus,
                    response.statusCode() + " " + response.asString());
            if (response.statusCode() == loseStatus) {
                assertEquals(PROBLEM, response.contentType().split(";")[0]);
            }
        }
    }

    @Test
    void parallelActivitiesOnOneLeadEachWinOrLoseWith409() throws Exception {
        String id = create(sdr(SARA), leadJson(email("race-activity")));
        List<Response> responses = together(() -> given().header("Authorization", sdr(SARA)).contentType(ContentType.JSON)
                .body("{\"type\": \"CALL\", \"outcome\": \"Connected\"}")
                .when().post("/api/v1/leads/" + id + "/activities"));
        losersAreProblems(responses, 201, 409);
        long won = count(responses, 201);
        assertTrue(won >= 1, "at least one activity is logged");
        List<Object> stored = get(sdr(SARA), "/api/v1/leads/" + id + "/activities").statusCode(200).extract().path("items");
        assertEquals(won, stored.size());
        // The same number of activities one after the other gives the lead the same version.
        String sequential = create(sdr(SARA), leadJson(email("race-reference")));
        for (int i = 0; i < won; i++) {
            LeadApi.call(sdr(SARA), sequential).statusCode(201);
        }
        assertEquals(version(sequential), version(id));
    }

    static int version(String id) {
        return get(sdr(SARA), "/api/v1/leads/" + id).statusCode(200).extract().path("version");
    }

    @Test
    void parallelPatchesOfOneVersionHaveExactlyOneWinner() throws Exception {
        String id = create(sdr(SARA), leadJson(email("race-patch")));
        List<Response> responses = together(() -> given().header("Authorization", sdr(SARA)).header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json").body("{\"title\": \"Editor " + Thread.currentThread().getId() + "\"}")
                .when().patch("/api/v1/leads/" + id));
        losersAreProblems(responses, 200, 412);
        assertEquals(1, count(responses, 200), responses.stream().map(Response::asString).toList().toString());
        String winner = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow().path("title");
        get(sdr(SARA), "/api/v1/leads/" + id).statusCode(200)
                .body("version", equalTo(1)).body("title", equalTo(winner));
    }
}
