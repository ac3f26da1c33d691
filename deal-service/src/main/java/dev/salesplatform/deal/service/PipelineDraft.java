package dev.salesplatform.deal.service;

import java.math.BigDecimal;
import java.util.List;

/** A new pipeline: its stages in order, the closing won and lost stages last. */
public record PipelineDraft(String name, List<Stage> stages) {

    public record Stage(String code, String name, BigDecimal winProbability, boolean closed, boolean won) {
    }
}
