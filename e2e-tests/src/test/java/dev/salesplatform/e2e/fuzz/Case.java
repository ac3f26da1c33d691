package dev.salesplatform.e2e.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.salesplatform.e2e.fuzz.BadValues.Text;
import dev.salesplatform.e2e.fuzz.OpenApiDocument.Operation;

/**
 * One generated request against one operation: which category of abuse and what exactly (label),
 * the path parameters it replaces (the others take the operation's real records), its whole query,
 * extra headers (a null value removes one the runner would add, e.g. If-Match), and its body: text
 * (with {@link Examples} placeholders replaced on send) or bytes sent as they are.
 */
public record Case(Operation op, String category, String label, Map<String, Text> path,
                   List<Map.Entry<String, Text>> query, Map<String, String> headers, String contentType,
                   String bodyText, byte[] bodyBytes, String method) {

    public static final String ABSENT = null;

    /** The method sent: the operation's unless the case tries another one on its path. */
    @Override
    public String method() {
        return method == null ? op.method() : method;
    }

    public boolean hasBody() {
        return bodyText != null || bodyBytes != null;
    }

    public byte[] bytes(String text) {
        return bodyBytes != null ? bodyBytes : text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
