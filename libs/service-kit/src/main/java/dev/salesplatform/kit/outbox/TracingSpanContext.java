package dev.salesplatform.kit.outbox;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * The outbox's {@code tracingspancontext} column: a W3C trace context ({@code traceparent}, and
 * {@code tracestate} if any) as {@link Properties} text, the format Debezium's outbox router reads too.
 * W3C whatever propagators the service configures, so that the column and the record headers have one
 * format.
 */
final class TracingSpanContext {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapSetter<Map<String, String>> MAP_SETTER = Map::put;
    private static final TextMapGetter<Properties> PROPERTIES_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Properties carrier) {
            return carrier.stringPropertyNames();
        }

        @Override
        public String get(Properties carrier, String key) {
            return carrier == null ? null : carrier.getProperty(key);
        }
    };

    private TracingSpanContext() {
    }

    /** The current trace context as the column's text; null outside a trace. */
    static String ofCurrent() {
        Map<String, String> fields = new LinkedHashMap<>();
        W3C.inject(Context.current(), fields, MAP_SETTER);
        if (fields.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        // Keys are W3C's; only a backslash in a tracestate value means something to Properties.
        fields.forEach((key, value) -> text.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n'));
        return text.toString();
    }

    /** The context that the column's text describes, as the parent of what continues it; root for null. */
    static Context parse(String text) {
        if (text == null) {
            return Context.root();
        }
        Properties fields = new Properties();
        try {
            fields.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException malformed) {
            return Context.root();
        }
        return W3C.extract(Context.root(), fields, PROPERTIES_GETTER);
    }
}
