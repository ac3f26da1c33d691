package dev.salesplatform.kit.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/** When the topic check asks the broker again, and what readiness gets meanwhile. */
class TopicCheckTest {

    static final List<TopicProblem> GOOD = List.of();
    static final List<TopicProblem> MISSING = List.of(new TopicProblem("t", "does not exist"));
    static final List<TopicProblem> AWAY = List.of(new TopicProblem(null, "Kafka not reachable at x:1: timed out"));
    static final Duration INTERVAL = Duration.ofSeconds(5);

    final AtomicLong now = new AtomicLong();
    final AtomicInteger verifications = new AtomicInteger();
    final List<List<TopicProblem>> told = new ArrayList<>();

    /** A check whose verifications answer {@code answers} in turn (the last one again and again), at once. */
    @SafeVarargs
    final TopicCheck check(Executor executor, Supplier<List<TopicProblem>>... answers) {
        Deque<Supplier<List<TopicProblem>>> next = new ArrayDeque<>(List.of(answers));
        return new TopicCheck(() -> {
            verifications.incrementAndGet();
            return (next.size() > 1 ? next.poll() : next.peek()).get();
        }, INTERVAL, now::get, executor, told::add);
    }

    static List<TopicProblem> answerOf(TopicCheck check) {
        return check.answer().await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void aProblemIsKeptUntilTheIntervalHasPassedThenAskedAgain() {
        TopicCheck check = check(Runnable::run, () -> MISSING, () -> GOOD);
        assertEquals(MISSING, answerOf(check));
        now.addAndGet(INTERVAL.minusMillis(1).toNanos());
        assertEquals(MISSING, answerOf(check));
        assertEquals(1, verifications.get());
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertEquals(GOOD, answerOf(check));
        assertEquals(2, verifications.get());
        assertEquals(List.of(MISSING, GOOD), told);
    }

    @Test
    void onceAllIsRightTheBrokerIsNotAskedAgain() {
        TopicCheck check = check(Runnable::run, () -> GOOD, () -> MISSING);
        assertEquals(GOOD, answerOf(check));
        now.addAndGet(Duration.ofDays(1).toNanos());
        assertEquals(GOOD, answerOf(check));
        assertEquals(1, verifications.get());
    }

    @Test
    void callersBeforeTheFirstAnswerShareOneVerification() {
        Deque<Runnable> queued = new ArrayDeque<>();
        TopicCheck check = check(queued::add, () -> AWAY);
        List<List<TopicProblem>> answers = new ArrayList<>();
        check.answer().subscribe().with(answers::add);
        check.answer().subscribe().with(answers::add);
        assertEquals(List.of(), answers, "no answer before the verification ran");
        queued.forEach(Runnable::run);
        assertEquals(List.of(AWAY, AWAY), answers);
        assertEquals(1, verifications.get());
    }

    @Test
    void laterCallersGetTheLatestAnswerAtOnceWhileTheNextIsOnItsWay() {
        Deque<Runnable> queued = new ArrayDeque<>();
        TopicCheck check = check(queued::add, () -> AWAY, () -> GOOD);
        check.answer().subscribe().with(first -> { });
        queued.poll().run();
        now.addAndGet(INTERVAL.toNanos());
        assertEquals(AWAY, answerOf(check), "the latest answer, while the next verification waits to run");
        assertEquals(AWAY, answerOf(check));
        assertEquals(1, queued.size(), "one verification on its way, not one per call");
        queued.poll().run();
        assertEquals(GOOD, answerOf(check));
    }

    @Test
    void aVerificationThatFailsIsAProblemAndTheCheckGoesOn() {
        TopicCheck check = check(Runnable::run, () -> {
            throw new IllegalStateException("boom");
        }, () -> GOOD);
        List<TopicProblem> failed = answerOf(check);
        assertEquals(1, failed.size());
        assertTrue(failed.getFirst().text().startsWith("topic check failed: java.lang.IllegalStateException: boom"),
                failed.toString());
        now.addAndGet(INTERVAL.toNanos());
        assertEquals(GOOD, answerOf(check));
    }
}
