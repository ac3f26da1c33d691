package dev.salesplatform.kit.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Thrown by services and resources to answer with a problem document: the mapper turns it into
 * the response, with the request path as {@code instance}.
 */
public class ProblemException extends RuntimeException {

    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance", "errors");

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of(), Map.of(), Map.of());
    }

    private ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
                             Map<String, Object> extensions, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = extensions;
        this.headers = headers;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad-request", "Bad request", detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "validation", "Invalid input", field + ": " + message,
                List.of(new Problem.FieldError(field, message)), Map.of(), Map.of());
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist");
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(409, slug, title, detail);
    }

    /** A copy with an extension member, e.g. {@code currentState} or {@code existingId}. */
    public ProblemException with(String member, Object value) {
        if (STANDARD_MEMBERS.contains(member)) {
            // A second "status" would make the answer JSON with a member given twice.
            throw new IllegalArgumentException(member + " is a member of every problem; name the extension otherwise");
        }
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new ProblemException(status, slug, title, getMessage(), errors, more, headers);
    }

    /** A copy that also sets a response header, e.g. {@code Retry-After}. */
    public ProblemException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ProblemException(status, slug, title, getMessage(), errors, extensions, more);
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem(String instance) {
        return new Problem(slug, title, status, getMessage(), instance, errors, extensions);
    }
}
