package dev.salesplatform.kit.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.DroppedFailureWatch;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/** The test kit's watch fails a test whose service dropped a failure, and only such a test. */
class DroppedFailureWatchTest {

    static QuarkusTestMethodContext context() throws NoSuchMethodException {
        Method method = DroppedFailureWatchTest.class.getDeclaredMethod("context");
        return new QuarkusTestMethodContext(new Object(), List.of(), method, null);
    }

    @Test
    void aDroppedExceptionFailsTheTest() throws Exception {
        DroppedFailureWatch watch = new DroppedFailureWatch();
        watch.beforeEach(context());
        Logger.getLogger("io.quarkus.mutiny.runtime").severe("Mutiny had to drop the following exception");
        AssertionError failure = assertThrows(AssertionError.class, () -> watch.afterEach(context()));
        assertTrue(failure.getMessage().contains("Mutiny had to drop"));
    }

    @Test
    void aConnectionClosedWithAnOpenTransactionFailsTheTest() throws Exception {
        DroppedFailureWatch watch = new DroppedFailureWatch();
        watch.beforeEach(context());
        Logger.getLogger("org.hibernate.reactive").warning("HR000090: Live transaction detected while closing the connection");
        assertThrows(AssertionError.class, () -> watch.afterEach(context()));
    }

    /** A consumer retrying a passing fault names its cause, HR000090 included; that failure was handled. */
    @Test
    void aFailureThePlatformHandledAndLoggedPasses() throws Exception {
        DroppedFailureWatch watch = new DroppedFailureWatch();
        watch.beforeEach(context());
        Logger.getLogger("dev.salesplatform.kit.messaging.ConsumerHealth").warning("deal.lead-events waits for a passing"
                + " fault, retrying: java.lang.IllegalStateException: HR000090: Live transaction detected");
        assertDoesNotThrow(() -> watch.afterEach(context()));
    }

    @Test
    void aTestWithoutSuchLogsPasses() throws Exception {
        DroppedFailureWatch watch = new DroppedFailureWatch();
        watch.beforeEach(context());
        Logger.getLogger("dev.salesplatform").warning("an ordinary warning");
        assertDoesNotThrow(() -> watch.afterEach(context()));
    }
}
