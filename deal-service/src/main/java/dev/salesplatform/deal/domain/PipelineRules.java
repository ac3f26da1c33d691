package dev.salesplatform.deal.domain;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a pipeline usable: stage codes unique, probabilities from 0 to 1, at least one open
 * stage, and the last two stages closing it: exactly one won and one lost, in either order.
 */
public final class PipelineRules {

    /** A stage as the rules see it. */
    public record Stage(String code, BigDecimal winProbability, boolean closed, boolean won) {
    }

    private PipelineRules() {
    }

    /** The first rule {@code stages} break, or empty when they make a valid pipeline. */
    public static Optional<String> violation(List<Stage> stages) {
        Set<String> codes = new HashSet<>();
        for (Stage stage : stages) {
            if (!codes.add(stage.code())) {
                return Optional.of("stage codes must be unique; " + stage.code() + " repeats");
            }
            if (stage.winProbability().signum() < 0 || stage.winProbability().compareTo(BigDecimal.ONE) > 0) {
                return Optional.of("winProbability of " + stage.code() + " must be from 0 to 1");
            }
            if (stage.won() && !stage.closed()) {
                return Optional.of("a won stage must be closed (" + stage.code() + ")");
            }
        }
        int size = stages.size();
        if (size < 3) {
            return Optional.of("a pipeline needs at least one open stage, then a won and a lost stage");
        }
        if (stages.subList(0, size - 2).stream().anyMatch(Stage::closed)) {
            return Optional.of("closed stages must come last");
        }
        Stage a = stages.get(size - 2);
        Stage b = stages.get(size - 1);
        if (!a.closed() || !b.closed() || a.won() == b.won()) {
            return Optional.of("the last two stages must be closed: exactly one won and one lost");
        }
        return Optional.empty();
    }
}
