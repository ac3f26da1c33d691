-- The trace context of the request or consumer that wrote the event (W3C traceparent and tracestate, as
-- java.util.Properties text), which the relay sends on as the record's headers so that consumers continue
-- the trace. Debezium's outbox router reads a column of this name and format too. Null outside a trace.
ALTER TABLE outbox ADD COLUMN tracingspancontext text;
