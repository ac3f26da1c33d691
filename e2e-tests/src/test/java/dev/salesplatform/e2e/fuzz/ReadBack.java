package dev.salesplatform.e2e.fuzz;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Whether what the API accepted reads back as sent: every member of the sent body that the record
 * has, compared with it. Strings must be identical once stripped, a blank member reading back absent
 * (the documented input rules; dates too); a number, or a decimal string such as
 * a money amount, must be numerically equal (the API may write 10 as "10.00"); an instant must be
 * the same instant (its offset may be normalised to Z, its digits may not be lost); a UUID the same
 * UUID (its hex digits in either case). A member the
 * record does not have at all (write-only, unknown) is not compared; null sent in a merge patch must
 * read back null or absent (elsewhere null is a member not given: the server's default is fine).
 */
public final class ReadBack {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    /** Reads what we sent, whatever liberties it took (a server that took them is judged on the value). */
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ReadBack() {
    }

    /** The sent body as JSON, or null when even a lenient reader cannot read it. */
    public static JsonNode sent(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return LENIENT.readTree(body.startsWith("\ufeff") ? body.substring(1) : body);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Each difference as "member: sent X, read back Y". {@code mergePatch}: a null sent removes the
     * member, so it must read back null; elsewhere a null member is one not given, which the server
     * may fill with its default.
     */
    public static List<String> differences(JsonNode sent, JsonNode read, boolean mergePatch) {
        List<String> out = new ArrayList<>();
        compare("", sent, read, mergePatch, out);
        return out;
    }

    private static void compare(String path, JsonNode sent, JsonNode read, boolean mergePatch, List<String> out) {
        if (read == null || read.isMissingNode()) {
            return;
        }
        if (sent.isObject()) {
            if (read.isNull()) {
                if (hasValue(sent)) {
                    out.add(name(path) + ": sent " + show(sent) + ", read back null");
                }
                return;
            }
            if (!read.isObject()) {
                out.add(name(path) + ": sent an object, read back " + show(read));
                return;
            }
            for (Map.Entry<String, JsonNode> member : sent.properties()) {
                compare(path.isEmpty() ? member.getKey() : path + "." + member.getKey(), member.getValue(),
                        read.get(member.getKey()), mergePatch, out);
            }
            return;
        }
        if (sent.isArray()) {
            if (!read.isArray()) {
                if (!sent.isEmpty() || !read.isNull()) {
                    out.add(name(path) + ": sent " + show(sent) + ", read back " + show(read));
                }
                return;
            }
            if (sent.size() != read.size()) {
                out.add(name(path) + ": sent " + sent.size() + " items, read back " + read.size());
                return;
            }
            for (int i = 0; i < sent.size(); i++) {
                compare(path + "[" + i + "]", sent.get(i), read.get(i), mergePatch, out);
            }
            return;
        }
        if (sent.isNull()) {
            if (mergePatch && !read.isNull()) {
                out.add(name(path) + ": sent null, read back " + show(read));
            }
            return;
        }
        if (sent.isTextual()) {
            // Text is kept stripped, and a blank member is absent (README: the input rules).
            String kept = sent.asText().strip();
            boolean listItem = path.endsWith("]");
            if (kept.isEmpty() && !listItem) {
                if (!read.isNull()) {
                    out.add(name(path) + ": sent blank " + show(sent) + ", read back " + show(read));
                }
                return;
            }
            sent = TextNode.valueOf(kept);
        }
        if (!same(sent, read)) {
            out.add(name(path) + ": sent " + show(sent) + ", read back " + show(read));
        }
    }

    private static boolean same(JsonNode sent, JsonNode read) {
        if (sent.equals(read)) {
            return true;
        }
        BigDecimal a = decimal(sent);
        BigDecimal b = decimal(read);
        if (a != null && b != null) {
            return a.compareTo(b) == 0;
        }
        if (sent.isTextual() && read.isTextual()) {
            if (UUID_TEXT.matcher(sent.asText()).matches() && UUID_TEXT.matcher(read.asText()).matches()) {
                // A UUID is a value: its hex digits may come back in the other case.
                return sent.asText().equalsIgnoreCase(read.asText());
            }
            try {
                return OffsetDateTime.parse(sent.asText()).toInstant().equals(OffsetDateTime.parse(read.asText()).toInstant());
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private static BigDecimal decimal(JsonNode node) {
        try {
            if (node.isNumber()) {
                return node.decimalValue();
            }
            if (node.isTextual() && DECIMAL.matcher(node.asText()).matches() && node.asText().length() < 60) {
                return new BigDecimal(node.asText());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
        return null;
    }

    private static boolean hasValue(JsonNode node) {
        if (node.isObject() || node.isArray()) {
            for (JsonNode child : node) {
                if (hasValue(child)) {
                    return true;
                }
            }
            return false;
        }
        return !node.isNull();
    }

    private static String name(String path) {
        return path.isEmpty() ? "(body)" : path;
    }

    static String show(JsonNode node) {
        String text = node.isTextual() ? "\"" + node.asText() + "\"" : node.toString();
        return BadValues.printable(BadValues.abbreviate(text, 80));
    }
}
