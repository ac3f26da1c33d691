package dev.salesplatform.kit.problem;

import java.util.List;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What a JSON body's problem is, for the caller: the field at fault (as a JSON path) and why, or
 * that the body is not JSON at all. Used for request bodies and for documents read later (patches).
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static ProblemException of(JsonProcessingException e) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            return new ProblemException(400, "malformed-body", "Malformed request body", "The request body is not valid JSON");
        }
        String field = path(mapping);
        if (field.isEmpty()) {
            return new ProblemException(400, "malformed-body", "Malformed request body",
                    "The request body does not have the expected shape");
        }
        String message;
        if (e instanceof UnrecognizedPropertyException) {
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
