package dev.salesplatform.kit.messaging;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.common.errors.RetriableException;

import com.fasterxml.jackson.core.JacksonException;

import dev.salesplatform.kit.database.DatabaseMigrations;
import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;

/**
 * Tells a failure that passes (the database or the broker away, a lock or a concurrent write) from
 * one that retrying cannot cure (a poison record). A transient failure is retried for as long as it
 * lasts and never dead-lettered; anything else is poison.
 */
public final class Failures {

    /**
     * SQLSTATE classes and codes of a server that is away or busy: 08 connection, 53 resources,
     * 57 operator intervention (shutdown, cannot connect now), 58 system, 40001 serialization,
     * 40P01 deadlock, 55P03 lock not available.
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57", "58");
    private static final Set<String> TRANSIENT_CODES = Set.of("40001", "40P01", "55P03");

    private Failures() {
    }

    /** The failure in words for logs, headers and status: its class and message, bounded, without control characters. */
    public static String describe(Throwable failure) {
        return Problems.describe(failure);
    }

    /** Whether {@code failure}, or any of its causes, is a passing fault. */
    public static boolean isTransient(Throwable failure) {
        return anyCause(failure, Failures::transientItself);
    }

    /**
     * Whether {@code failure} is a write that lost to a concurrent one on the same rows (an optimistic
     * lock, a serialization failure or a deadlock): the caller's retry reads the winner's state.
     */
    public static boolean isConcurrentWrite(Throwable failure) {
        return anyCause(failure, Failures::concurrentWriteItself);
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.push(failure);
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof InvalidEventException) {
                return false;
            }
            if (test.test(t)) {
                return true;
            }
            if (t.getCause() != null) {
                pending.push(t.getCause());
            }
            if (t instanceof CompositeException composite) {
                composite.getCauses().stream().filter(Objects::nonNull).forEach(pending::push);
            }
        }
        return false;
    }

    private static boolean concurrentWriteItself(Throwable t) {
        if (t instanceof PgException pg) {
            return "40001".equals(pg.getSqlState()) || "40P01".equals(pg.getSqlState());
        }
        String name = t.getClass().getName();
        return name.endsWith("OptimisticLockException") || name.endsWith("StaleStateException")
                || name.endsWith("StaleObjectStateException");
    }

    private static boolean transientItself(Throwable t) {
        if (concurrentWriteItself(t) || t instanceof DatabaseMigrations.Pending) {
            return true;
        }
        if (t instanceof PgException pg) {
            String state = pg.getSqlState();
            return state != null && state.length() == 5
                    && (TRANSIENT_CLASSES.contains(state.substring(0, 2)) || TRANSIENT_CODES.contains(state));
        }
        if (t instanceof JacksonException) {
            // Unreadable JSON is an IOException too, but it stays unreadable.
            return false;
        }
        if (t instanceof RetriableException || t instanceof IOException || t instanceof TimeoutException) {
            return true;
        }
        String name = t.getClass().getName();
        // The Vert.x SQL client and Netty report a lost, refused or timed-out connection with their own
        // throwables (VertxException, ClosedConnectionException, NoStackTraceThrowable: "Connection is not
        // active now"), known only by their words.
        if (name.startsWith("io.vertx.") || name.startsWith("io.netty.")) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            return name.endsWith("ClosedConnectionException") || name.contains("Timeout") || message.contains("closed")
                    || message.contains("connection") || message.contains("timeout") || message.contains("timed out")
                    || message.contains("reset") || message.contains("refused");
        }
        return false;
    }
}
