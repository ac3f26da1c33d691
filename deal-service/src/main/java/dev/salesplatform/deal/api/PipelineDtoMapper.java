package dev.salesplatform.deal.api;

import dev.salesplatform.deal.service.PipelineDraft;
import dev.salesplatform.deal.service.PipelineView;

/** Between the pipeline API's request and response records and the pipeline use cases' own types. */
final class PipelineDtoMapper {

    private PipelineDtoMapper() {
    }

    static PipelineDraft draft(CreatePipelineRequest request) {
        return new PipelineDraft(request.name(), request.stages().stream().map(s -> new PipelineDraft.Stage(s.code(),
                s.name(), s.winProbability(), s.closed(), s.won())).toList());
    }

    static PipelineResponse response(PipelineView pipeline) {
        return new PipelineResponse(pipeline.id(), pipeline.name(), pipeline.isDefault(), pipeline.stages().stream()
                .map(s -> new PipelineResponse.Stage(s.code(), s.name(), s.position(), s.winProbability(), s.closed(),
                        s.won())).toList(), pipeline.createdAt());
    }
}
