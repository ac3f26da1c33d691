package dev.salesplatform.gateway.routing;

import java.util.Optional;

import dev.salesplatform.gateway.problem.Problem;

/**
 * The one request-target form the gateway takes: origin-form (RFC 9112, 3.2.1), its path already in
 * normal form (RFC 3986, 6.2.2) and its query well-formed. Nothing is rewritten: a path that another
 * server could resolve to a different one is refused, so the path that the limits look at is the path
 * that is routed and forwarded, character for character.
 *
 * <p>Refused in a path: anything before the first {@code /} (absolute-form, {@code *}), empty segments
 * ({@code //}), the dot segments {@code .} and {@code ..}, percent-encoded unreserved characters
 * ({@code %41}, {@code %2E}, ...), encoded {@code /} and {@code \}, encoded control characters, malformed
 * percent-encoding, and every character that RFC 3986 wants encoded. A trailing slash is kept as it is:
 * {@code /api/v1/leads/} is below {@code /api/v1/leads} for the limits as for the router.
 */
public final class RequestTarget {

    private static final String SUB_DELIMS = "!$&'()*+,;=";

    private RequestTarget() {
    }

    /** Why the request-target (as in the request line) is refused, if it is. */
    public static Optional<Problem> check(String target) {
        int queryStart = target.indexOf('?');
        String path = queryStart < 0 ? target : target.substring(0, queryStart);
        return pathViolation(path).map(Problem::badPath)
                .or(() -> queryStart < 0 ? Optional.empty()
                        : queryViolation(target.substring(queryStart + 1)).map(Problem::badQuery));
    }

    static Optional<String> pathViolation(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') {
            return Optional.of("it must start with /");
        }
        int segmentStart = 1;
        for (int i = 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/') {
                Optional<String> segment = segmentViolation(path.substring(segmentStart, i));
                if (segment.isPresent()) {
                    return segment;
                }
                segmentStart = i + 1;
            } else if (c == '%') {
                Optional<String> encoded = encodedInPathViolation(path, i);
                if (encoded.isPresent()) {
                    return encoded;
                }
                i += 2;
            } else if (!isPathChar(c)) {
                return Optional.of(mustBeEncoded(c));
            }
        }
        String last = path.substring(segmentStart);
        return last.isEmpty() ? Optional.empty() : segmentViolation(last);
    }

    static Optional<String> queryViolation(String query) {
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (!isEscape(query, i)) {
                    return Optional.of(malformed(query, i));
                }
                i += 2;
            } else if (!isQueryChar(c)) {
                return Optional.of(mustBeEncoded(c));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> segmentViolation(String segment) {
        if (segment.isEmpty()) {
            return Optional.of("it has an empty segment (//)");
        }
        if (segment.equals(".") || segment.equals("..")) {
            return Optional.of("it has the dot segment '" + segment + "'");
        }
        return Optional.empty();
    }

    private static Optional<String> encodedInPathViolation(String path, int at) {
        if (!isEscape(path, at)) {
            return Optional.of(malformed(path, at));
        }
        String escape = path.substring(at, at + 3);
        char octet = (char) Integer.parseInt(escape.substring(1), 16);
        if (isUnreserved(octet)) {
            return Optional.of("'" + escape + "' encodes the unreserved character '" + octet
                    + "', which must be sent as is");
        }
        if (octet == '/' || octet == '\\') {
            return Optional.of("'" + escape + "' encodes a '" + octet + "' inside a segment");
        }
        if (octet < 0x20 || octet == 0x7F) {
            return Optional.of("'" + escape + "' encodes a control character");
        }
        return Optional.empty();
    }

    private static boolean isEscape(String text, int at) {
        return at + 2 < text.length() && isHex(text.charAt(at + 1)) && isHex(text.charAt(at + 2));
    }

    private static String malformed(String text, int at) {
        return "'" + text.substring(at, Math.min(text.length(), at + 3)) + "' is not a valid percent-encoding";
    }

    private static String mustBeEncoded(char c) {
        String shown = c > 0x20 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
        return "the character " + shown + " must be percent-encoded";
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** RFC 3986 {@code pchar} without its percent-encoding. */
    private static boolean isPathChar(char c) {
        return isUnreserved(c) || SUB_DELIMS.indexOf(c) >= 0 || c == ':' || c == '@';
    }

    /**
     * RFC 3986 {@code query}, plus {@code [} and {@code ]}, which clients send unencoded in parameter
     * names ({@code filter[stage]}) and the services' URI parser accepts.
     */
    private static boolean isQueryChar(char c) {
        return isPathChar(c) || c == '/' || c == '?' || c == '[' || c == ']';
    }
}
