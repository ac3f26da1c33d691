package dev.salesplatform.kit.http;

import java.util.UUID;

import dev.salesplatform.kit.input.InputRules;
import dev.salesplatform.kit.problem.ProblemException;

/** Parses ids from paths and queries: a malformed UUID is the caller's mistake (400), not "not found". */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String value, String field) {
        UUID id = value == null ? null : InputRules.parseId(value);
        if (id == null) {
            throw ProblemException.invalidField(field, "must be a UUID");
        }
        return id;
    }
}
