package dev.salesplatform.kit.http;

import dev.salesplatform.kit.problem.ProblemException;

/**
 * Entity tags from record versions, and the {@code If-Match} rules for updates: no header is 428,
 * a stale version 412, so that two editors never overwrite each other silently.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "Send If-Match with the ETag of the version you read");
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(of(currentVersion)) || tag.equals("W/" + of(currentVersion))) {
                return;
            }
        }
        throw new ProblemException(412, "precondition-failed", "Precondition failed",
                "The record has changed since you read it; read it again and reapply your change")
                .with("currentVersion", currentVersion);
    }
}
