package dev.salesplatform.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import io.restassured.response.Response;

/** Parallel writes to one record, released together, and what their answers must be. */
public final class Race {

    public static final int RACERS = 4;
    /** How long the racers may take to start and to be answered, on any machine. */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(60);

    private Race() {
    }

    /** Runs {@code request} for racers 0 to {@link #RACERS}-1 at once; answers what each got, in order. */
    public static List<Response> of(IntFunction<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CyclicBarrier start = new CyclicBarrier(RACERS);
            List<CompletableFuture<Response>> running = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                int racer = i;
                running.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("racers not released together", e);
                    }
                    return request.apply(racer);
                }, pool));
            }
            List<Response> answers = new ArrayList<>();
            for (CompletableFuture<Response> answer : running) {
                answers.add(answer.get(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every answer is {@code won} or, as problem+json, {@code lost} (never a 5xx); answers how many won. */
    public static int winners(List<Response> answers, int won, int lost) {
        int winners = 0;
        for (Response answer : answers) {
            String seen = answer.statusCode() + " " + answer.contentType() + " " + answer.asString();
            if (answer.statusCode() == won) {
                winners++;
            } else {
                assertEquals(lost, answer.statusCode(), seen);
                assertTrue(answer.contentType().startsWith("application/problem+json"), seen);
            }
        }
        return winners;
    }
}
