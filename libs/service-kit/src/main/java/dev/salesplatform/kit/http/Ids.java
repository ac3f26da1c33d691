package dev.salesplatform.kit.http;

import java.util.UUID;

import dev.salesplatform.kit.problem.ProblemException;

/** Parses ids from paths and queries: a malformed UUID is the caller's mistake (400), not "not found". */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String value, String field) {
        if (value == null || value.length() != 36) {
            throw ProblemException.invalidField(field, "must be a UUID");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be a UUID");
        }
    }
}
