package dev.salesplatform.kit.topics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * The latest answer of a topic verification, so that readiness probes do not each ask the broker: a
 * new verification starts at most once per interval, and none once all was right (topics are not
 * expected to lose their settings). Only a caller before the first answer waits; later ones get the
 * latest answer at once while a new one is on its way.
 */
final class TopicCheck {

    private final Supplier<List<TopicProblem>> verification;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Executor executor;
    private final Consumer<List<TopicProblem>> onAnswer;
    private List<TopicProblem> latest;
    private Uni<List<TopicProblem>> running;
    private long startedAt;

    /**
     * @param verification blocking, run on {@code executor}
     * @param nanoTime     a monotonic clock ({@code System::nanoTime})
     * @param onAnswer     told every answer, e.g. to log what is new in it
     */
    TopicCheck(Supplier<List<TopicProblem>> verification, Duration interval, LongSupplier nanoTime, Executor executor,
               Consumer<List<TopicProblem>> onAnswer) {
        this.verification = verification;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.executor = executor;
        this.onAnswer = onAnswer;
    }

    /** The problems found last (empty: all as defined); the first answer once it is there. */
    synchronized Uni<List<TopicProblem>> answer() {
        if (latest != null && latest.isEmpty()) {
            return Uni.createFrom().item(latest);
        }
        if (running == null && (latest == null || nanoTime.getAsLong() - startedAt >= intervalNanos)) {
            start();
        }
        // start() may have answered already (a direct executor)
        return latest == null ? running : Uni.createFrom().item(latest);
    }

    private void start() {
        startedAt = nanoTime.getAsLong();
        Uni<List<TopicProblem>> verifying = Uni.createFrom().item(verification)
                .runSubscriptionOn(executor)
                .onFailure().recoverWithItem(failure -> List.of(new TopicProblem(null, "topic check failed: " + failure)))
                .invoke(this::answered)
                .memoize().indefinitely();
        running = verifying;
        verifying.subscribe().with(onAnswer::accept);
    }

    private synchronized void answered(List<TopicProblem> problems) {
        latest = List.copyOf(problems);
        running = null;
    }
}
