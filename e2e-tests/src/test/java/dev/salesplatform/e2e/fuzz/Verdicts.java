package dev.salesplatform.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** What an answer must be: never 5xx, every 4xx an RFC 9457 problem, no error naming the code behind it. */
public final class Verdicts {

    /** One broken rule: its kind (see {@link Findings}) and what exactly. */
    public record Verdict(String kind, String detail) {
    }

    /** Java packages, exception names and stack frames: what an error body must never show. */
    static final Pattern LEAK = Pattern.compile("java\\.|javax\\.|jakarta\\.|com\\.fasterxml|org\\.hibernate|io\\.vertx"
            + "|io\\.quarkus|io\\.smallrye|io\\.netty|org\\.jboss|org\\.postgresql|org\\.apache\\.kafka|dev\\.salesplatform\\."
            + "|Exception\\b|\\bat [\\w$.]+\\([\\w$]+\\.java(:\\d+)?\\)|\\.java:\\d+|Caused by:|SQLState");

    private Verdicts() {
    }

    public static List<Verdict> judge(Http.Answer answer) {
        List<Verdict> verdicts = new ArrayList<>();
        int status = answer.status();
        if (status == 0) {
            verdicts.add(new Verdict(Findings.NO_ANSWER, answer.error()));
            return verdicts;
        }
        if (status >= 500) {
            verdicts.add(new Verdict(Findings.SERVER_ERROR, "status " + status));
        }
        if (status >= 400 && status < 500) {
            String wrong = notProblem(answer);
            if (wrong != null) {
                verdicts.add(new Verdict(Findings.NOT_PROBLEM, wrong));
            }
        }
        if (status >= 400) {
            Matcher leak = LEAK.matcher(answer.body());
            if (leak.find()) {
                int from = Math.max(0, leak.start() - 60);
                verdicts.add(new Verdict(Findings.LEAK, "'" + leak.group() + "' in ..."
                        + BadValues.printable(answer.body().substring(from, Math.min(answer.body().length(), leak.end() + 60)))
                        + "..."));
            }
        }
        return verdicts;
    }

    /** Why the answer is not a problem document (its media type, its members), or null when it is one. */
    static String notProblem(Http.Answer answer) {
        String type = answer.contentType();
        if (!type.toLowerCase().startsWith("application/problem+json")) {
            return "Content-Type '" + type + "'";
        }
        JsonNode problem;
        try {
            problem = Json.MAPPER.readTree(answer.body());
        } catch (JsonProcessingException e) {
            // Strict reading: a member given twice ({"status": 409, ..., "status": "RESOLVED"}) is no problem document.
            return "body is not valid JSON: " + BadValues.abbreviate(String.valueOf(e.getOriginalMessage()), 120);
        }
        if (problem == null || !problem.isObject()) {
            return "body is not a JSON object";
        }
        if (!problem.path("type").isTextual() || problem.path("type").asText().isBlank()) {
            return "no type";
        }
        if (!problem.path("title").isTextual() || problem.path("title").asText().isBlank()) {
            return "no title";
        }
        if (!problem.path("status").isInt()) {
            return "no status";
        }
        if (problem.path("status").asInt() != answer.status()) {
            return "status member " + problem.path("status").asInt() + " differs from the HTTP status";
        }
        return null;
    }
}
