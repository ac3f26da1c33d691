package dev.salesplatform.testkit;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Fails every {@code @QuarkusTest} during which the service dropped a failure: an exception nobody
 * handled ("Mutiny had to drop"), or a connection closed with its transaction still open (HR000090),
 * which is how a request ends without an answer. Only the frameworks' own records count: the platform's
 * code logs the failures it handled (a consumer retrying a passing fault names its cause, HR000090 included
 * when the database went away mid-transaction). Registered for every service through
 * {@code META-INF/services}.
 */
public class DroppedFailureWatch implements QuarkusTestBeforeEachCallback, QuarkusTestAfterEachCallback {

    private static final List<String> SIGNS = List.of("Mutiny had to drop", "HR000090");
    private static final String PLATFORM_LOGGERS = "dev.salesplatform.";
    private static final ConcurrentLinkedQueue<String> DROPPED = new ConcurrentLinkedQueue<>();
    private static final Handler WATCH = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() < Level.WARNING.intValue() || handledByThePlatform(record)) {
                return;
            }
            String message = formatter.formatMessage(record);
            if (SIGNS.stream().anyMatch(message::contains)) {
                DROPPED.add(message + (record.getThrown() == null ? "" : ": " + record.getThrown()));
            }
        }

        private boolean handledByThePlatform(LogRecord record) {
            return record.getLoggerName() != null && record.getLoggerName().startsWith(PLATFORM_LOGGERS);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        Logger root = Logger.getLogger("");
        synchronized (DroppedFailureWatch.class) {
            if (!List.of(root.getHandlers()).contains(WATCH)) {
                root.addHandler(WATCH);
            }
        }
        DROPPED.clear();
    }

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        if (!DROPPED.isEmpty()) {
            List<String> dropped = List.copyOf(DROPPED);
            DROPPED.clear();
            throw new AssertionError("the service dropped " + dropped.size() + " failure(s) during "
                    + context.getTestMethod().getName() + ": " + dropped);
        }
    }
}
