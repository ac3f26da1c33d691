package dev.salesplatform.kit.problem;

import java.util.List;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.salesplatform.kit.input.InputRulesModule;

/**
 * What a JSON body's problem is, for the caller: the field at fault (as a JSON path) and why, or
 * that the body is not JSON at all. Used for request bodies and for documents read later (patches).
 */
public final class JsonProblems {

    private static final String DUPLICATE = "Duplicate field '";

    private JsonProblems() {
    }

    public static ProblemException of(JsonProcessingException e) {
        // Jackson wraps what the parser found inside a nested value with the path to it; the parser knows it too.
        StreamReadException read = readFailure(e);
        if (read != null && read.getOriginalMessage() != null && read.getOriginalMessage().startsWith(DUPLICATE)) {
            String member = read.getOriginalMessage().substring(DUPLICATE.length()).replaceFirst("'.*", "");
            String parent = parentPath(read);
            return ProblemException.invalidField(parent.isEmpty() ? member : parent + "." + member,
                    "appears more than once in the request body");
        }
        if (read != null && !(read instanceof JsonParseException)) {
            // A number too large for its field, say: the parser knows the member it was reading.
            String field = memberPath(read);
            if (!field.isEmpty()) {
                return ProblemException.invalidField(field, "is out of range for this field");
            }
        }
        if (read instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            return new ProblemException(400, "malformed-body", "Malformed request body", "The request body is not valid JSON");
        }
        String field = path(mapping);
        if (field.isEmpty()) {
            return new ProblemException(400, "malformed-body", "Malformed request body",
                    "The request body does not have the expected shape");
        }
        String message;
        if (e instanceof InputRulesModule.Violation violation) {
            message = violation.rule();
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "unknown or not settable field";
        } else if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            message = "must be one of " + List.of(format.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException) {
            message = "has the wrong format";
        } else {
            message = "has the wrong type";
        }
        return ProblemException.invalidField(field, message);
    }

    private static StreamReadException readFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException read) {
                return read;
            }
        }
        return null;
    }

    /** The path of the member the parser stood on: "lines[2].quantity". */
    private static String memberPath(StreamReadException e) {
        return e.getProcessor() instanceof JsonParser parser ? pointerToPath(parser.getParsingContext()) : "";
    }

    /** The path of the object whose member the parser was about to read, for a member it read twice. */
    private static String parentPath(StreamReadException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return "";
        }
        JsonStreamContext context = parser.getParsingContext();
        return context.getParent() == null ? "" : pointerToPath(context.getParent());
    }

    private static String pointerToPath(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (String segment : context.pathAsPointer().toString().split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.chars().allMatch(Character::isDigit) && !path.isEmpty()) {
                path.append('[').append(segment).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        return path.toString();
    }

    /** The JSON path of the value at fault: "company.employees", "items[2].price". */
    public static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
