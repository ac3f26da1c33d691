package dev.salesplatform.tracing;

import static io.quarkus.opentelemetry.runtime.config.runtime.exporter.OtlpExporterConfig.DEFAULT_GRPC_BASE_URI;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * Drops finished spans while no OTLP endpoint is configured: traces are still made and propagated
 * (trace ids in the logs, in requests and in Kafka headers), but nothing is sent. Shared by the services'
 * kit and the gateway, which has no kit. Quarkus' OTLP exporter would
 * otherwise send to its default endpoint, http://localhost:4317/, and log a warning for every batch
 * nobody receives. It stands aside while any {@link SpanExporter} bean is present, and this one is present
 * only while the traces endpoint ({@code quarkus.otel.exporter.otlp.traces.endpoint}, which falls back
 * to {@code quarkus.otel.exporter.otlp.endpoint}) is that default: set
 * {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} to export (a collector beside the service as
 * {@code http://127.0.0.1:4317}). Looked up, not injected, hence unremovable.
 */
@ApplicationScoped
@Unremovable
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = DEFAULT_GRPC_BASE_URI,
        lookupIfMissing = true)
public class UnexportedSpans implements SpanExporter {

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
