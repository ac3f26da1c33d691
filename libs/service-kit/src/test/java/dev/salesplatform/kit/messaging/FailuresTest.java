package dev.salesplatform.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;

/** Passing faults are retried, anything else is poison; wrapped causes count as well. */
class FailuresTest {

    static PgException sqlState(String state) {
        return new PgException("boom", "ERROR", state, "detail");
    }

    @Test
    void aDatabaseOrBrokerThatIsAwayOrBusyIsTransient() {
        for (Throwable failure : List.of(new ConnectException("Connection refused"), sqlState("57P01"),
                sqlState("08006"), sqlState("53300"), sqlState("40001"), sqlState("40P01"), sqlState("55P03"),
                new NotEnoughReplicasException("isr"), new TimeoutException(),
                new VertxException("Connection is closed"), new VertxException("Timeout acquiring a connection"),
                new NoStackTraceThrowable("Connection is not active now, current status: CLOSED"),
                new IllegalStateException(new HibernateExceptionLike(new NoStackTraceThrowable(
                        "Connection is not active now, current status: CLOSED"))))) {
            assertTrue(Failures.isTransient(failure), failure.toString());
        }
    }

    /** Hibernate Reactive wraps the client's failure in its own exception: its cause decides. */
    static final class HibernateExceptionLike extends RuntimeException {
        HibernateExceptionLike(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    @Test
    void causesAndCompositesAreLookedInto() {
        assertTrue(Failures.isTransient(new IllegalStateException("wrapped", new ConnectException("refused"))));
        assertTrue(Failures.isTransient(new CompositeException(new NullPointerException(), sqlState("57P01"))));
        assertTrue(Failures.isTransient(new UncheckedIOException(new ConnectException("refused"))));
    }

    @Test
    void everythingElseIsPoison() {
        for (Throwable failure : List.of(new NullPointerException(), new IllegalArgumentException("customer.assigned.v1"),
                new ClassCastException(), new InvalidEventException("bad"), sqlState("22003"), sqlState("23505"),
                new RecordTooLargeException("big"), new JsonParseException(null, "not json"),
                new VertxException("something else"), new CompositeException(new NullPointerException(),
                        new IllegalStateException()))) {
            assertFalse(Failures.isTransient(failure), failure.toString());
        }
    }

    @Test
    void anInvalidEventIsPoisonWhateverItWraps() {
        InvalidEventException invalid = new InvalidEventException("bad");
        invalid.initCause(new ConnectException("refused"));
        assertFalse(Failures.isTransient(invalid));
    }
}
