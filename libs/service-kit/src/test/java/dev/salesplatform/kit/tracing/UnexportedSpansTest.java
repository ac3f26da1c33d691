package dev.salesplatform.kit.tracing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.tracing.UnexportedSpans;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Without an OTLP endpoint in the configuration (the Quarkus default counts as none), the kit's
 * exporter that drops spans is one of the span exporters: Quarkus' own OTLP exporter stands aside.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class UnexportedSpansTest {

    @Inject
    @Any
    Instance<SpanExporter> exporters;

    @Test
    void spansAreDroppedWhileNoEndpointIsConfigured() {
        assertTrue(exporters.handlesStream().anyMatch(handle -> handle.getBean().getBeanClass() == UnexportedSpans.class),
                "UnexportedSpans is looked up");
    }
}
