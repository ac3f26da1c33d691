package dev.salesplatform.deal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PipelineRulesTest {

    static PipelineRules.Stage open(String code, String probability) {
        return new PipelineRules.Stage(code, new BigDecimal(probability), false, false);
    }

    static final PipelineRules.Stage WON = new PipelineRules.Stage("WON", BigDecimal.ONE, true, true);
    static final PipelineRules.Stage LOST = new PipelineRules.Stage("LOST", BigDecimal.ZERO, true, false);

    @Test
    void acceptsOpenStagesThenWonAndLostInEitherOrder() {
        assertEquals(Optional.empty(), PipelineRules.violation(List.of(open("A", "0.1"), open("B", "0.5"), WON, LOST)));
        assertEquals(Optional.empty(), PipelineRules.violation(List.of(open("A", "0"), LOST, WON)));
    }

    @Test
    void refusesBrokenPipelines() {
        List<List<PipelineRules.Stage>> broken = List.of(
                List.of(open("A", "0.1"), open("A", "0.2"), WON, LOST),
                List.of(open("A", "1.01"), WON, LOST),
                List.of(open("A", "-0.01"), WON, LOST),
                List.of(WON, LOST),
                List.of(open("A", "0.1"), WON, new PipelineRules.Stage("W2", BigDecimal.ONE, true, true)),
                List.of(open("A", "0.1"), LOST, new PipelineRules.Stage("L2", BigDecimal.ZERO, true, false)),
                List.of(open("A", "0.1"), WON, open("B", "0.2")),
                List.of(WON, open("A", "0.1"), open("B", "0.2"), LOST),
                List.of(open("A", "0.1"), new PipelineRules.Stage("W", BigDecimal.ONE, false, true), LOST));
        for (List<PipelineRules.Stage> stages : broken) {
            assertTrue(PipelineRules.violation(stages).isPresent(), stages.toString());
        }
    }
}
