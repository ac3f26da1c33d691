package dev.salesplatform.kit.tracing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/** The test application's finished spans, for tests to read (beside {@link dev.salesplatform.tracing.UnexportedSpans}). */
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter inMemorySpanExporter() {
        return InMemorySpanExporter.create();
    }
}
