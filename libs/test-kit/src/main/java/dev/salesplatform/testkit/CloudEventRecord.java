package dev.salesplatform.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * A CloudEvents 1.0 record in binary mode, as the services' outbox relays write them, for a test to
 * send to a consumer: {@code CloudEventRecord.of("sales.lead.handed-off.v1").subject(id).payload(json)
 * .send("sales.lead.events")}. Time comes from {@link TestClock}; any header can be replaced or left
 * out to make a record a consumer must refuse.
 */
public final class CloudEventRecord {

    private final Map<String, String> headers = new LinkedHashMap<>();
    private String subject;
    private String payload = "{}";

    private CloudEventRecord(String type) {
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_source", "/test");
        headers.put("ce_type", type);
        headers.put("ce_time", TestClock.current().instant().toString());
        headers.put("content-type", "application/json");
    }

    public static CloudEventRecord of(String type) {
        return new CloudEventRecord(type);
    }

    public CloudEventRecord id(String id) {
        return header("ce_id", id);
    }

    public CloudEventRecord source(String source) {
        return header("ce_source", source);
    }

    /** The aggregate's id: {@code ce_subject} and the record key. */
    public CloudEventRecord subject(String subject) {
        this.subject = subject;
        return header("ce_subject", subject);
    }

    public CloudEventRecord time(Instant time) {
        return header("ce_time", time.toString());
    }

    /** Any header, e.g. a {@code ce_time} that is not an instant. */
    public CloudEventRecord header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Without the header, e.g. a record with no {@code ce_type}. */
    public CloudEventRecord without(String name) {
        headers.remove(name);
        return this;
    }

    /** The JSON payload, as is; null for a record without one. */
    public CloudEventRecord payload(String json) {
        this.payload = json;
        return this;
    }

    public String id() {
        return headers.get("ce_id");
    }

    public Header[] headers() {
        return headers.entrySet().stream()
                .map(header -> new RecordHeader(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8)))
                .toArray(Header[]::new);
    }

    public ProducerRecord<String, String> on(String topic) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, payload);
        for (Header header : headers()) {
            record.headers().add(header);
        }
        return record;
    }

    /** Sends it to {@code topic} and waits for the broker's acknowledgement. */
    public void send(String topic) {
        TopicReader.sendAll(List.of(on(topic)));
    }
}
