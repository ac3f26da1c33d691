package dev.salesplatform.e2e.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The failures of a run, grouped by operation and kind for one readable report. */
public final class Findings {

    public static final String SERVER_ERROR = "5xx";
    public static final String NOT_PROBLEM = "4xx not problem+json";
    public static final String LEAK = "names a Java class";
    public static final String MISMATCH = "read-back mismatch";
    public static final String NO_ANSWER = "no HTTP answer";
    public static final String FIXTURE = "its records could not be made";

    /** One failure: which operation, what kind, the case, the exact request, the status and what came back. */
    public record Failure(String operation, String kind, String caseLabel, String request, int status, String excerpt) {
    }

    /** The worst first: what breaks, what loses data, what leaks, what is merely not a problem document. */
    static final List<String> ORDER = List.of(SERVER_ERROR, NO_ANSWER, FIXTURE, MISMATCH, LEAK, NOT_PROBLEM);

    private final List<Failure> failures = new ArrayList<>();

    public void add(Failure failure) {
        failures.add(failure);
    }

    public List<Failure> all() {
        return failures;
    }

    public boolean isEmpty() {
        return failures.isEmpty();
    }

    public long count(String kind) {
        return failures.stream().filter(f -> f.kind().equals(kind)).count();
    }

    /** Per kind, how many. */
    public Map<String, Long> totals() {
        Map<String, Long> totals = new TreeMap<>();
        failures.forEach(f -> totals.merge(f.kind(), 1L, Long::sum));
        return totals;
    }

    /** Failures grouped by kind (worst first), operation and status, the first {@code examples} of each in full. */
    public String grouped(int examples) {
        Map<String, List<Failure>> groups = new LinkedHashMap<>();
        failures.stream()
                .sorted(Comparator.comparingInt((Failure f) -> ORDER.indexOf(f.kind()) < 0 ? ORDER.size() : ORDER.indexOf(f.kind()))
                        .thenComparing(Failure::operation).thenComparing(Failure::status))
                .forEach(f -> groups.computeIfAbsent(f.operation() + "  [" + f.kind()
                        + (f.status() > 0 ? " " + f.status() : "") + "]", key -> new ArrayList<>()).add(f));
        StringBuilder text = new StringBuilder();
        groups.forEach((group, list) -> {
            text.append("\n").append(group).append(": ").append(list.size()).append(list.size() == 1 ? " case" : " cases");
            list.stream().limit(examples).forEach(f -> text.append("\n    - ").append(f.caseLabel())
                    .append("\n      request: ").append(f.request().replace("\n", "\n               "))
                    .append("\n      answer:  ").append(f.status() > 0 ? f.status() + " " : "").append(f.excerpt()));
            if (list.size() > examples) {
                text.append("\n    ... and ").append(list.size() - examples).append(" more");
            }
        });
        return text.toString();
    }
}
