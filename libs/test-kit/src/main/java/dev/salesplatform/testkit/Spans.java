package dev.salesplatform.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;

/** Reading the spans a test application finished, from its in-memory exporter. */
public final class Spans {

    private Spans() {
    }

    /** The one span of {@code kind} in the trace, once finished (spans are exported in batches); two fail. */
    public static SpanData awaitOne(InMemorySpanExporter spans, String traceId, SpanKind kind, Duration deadline) {
        return await().atMost(deadline).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId) && span.getKind() == kind)
                .reduce((first, second) -> {
                    throw new AssertionError("two " + kind + " spans in trace " + traceId + ": " + first + ", " + second);
                }), Optional::isPresent).orElseThrow();
    }
}
