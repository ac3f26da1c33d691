package dev.salesplatform.deal.service;

import java.util.List;

import dev.salesplatform.deal.persistence.Pipeline;
import dev.salesplatform.deal.persistence.PipelineStage;

/** Shows a pipeline with its stages. */
final class PipelineMapper {

    private PipelineMapper() {
    }

    static PipelineView view(Pipeline pipeline, List<PipelineStage> stages) {
        return new PipelineView(pipeline.id, pipeline.name, pipeline.isDefault, stages.stream()
                .map(s -> new PipelineView.Stage(s.code, s.name, s.position, s.winProbability, s.closed, s.won))
                .toList(), pipeline.createdAt);
    }
}
