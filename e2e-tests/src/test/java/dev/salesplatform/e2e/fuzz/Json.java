package dev.salesplatform.e2e.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

/** The fuzz test's one JSON mapper: decimals stay BigDecimal, duplicate members in answers are noticed. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        MAPPER.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // Our own answers can be long (a page of 200 records, a 100 000-character value echoed back).
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(200_000_000).maxNumberLength(100_000).build());
    }

    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** The parsed JSON, or null when it is not JSON. */
    public static JsonNode parseOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A node that is written as this JSON text exactly (numbers beyond double, escapes Jackson would not write). */
    public static JsonNode raw(String json) {
        return NODES.rawValueNode(new RawValue(json));
    }

    /** The JSON text of a raw node, or null for any other node. */
    public static String rawText(JsonNode node) {
        if (node != null && node.isPojo() && node instanceof com.fasterxml.jackson.databind.node.POJONode pojo
                && pojo.getPojo() instanceof RawValue raw) {
            return raw.rawValue().toString();
        }
        return null;
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }
}
