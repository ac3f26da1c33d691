package dev.salesplatform.deal.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PipelineStageRepository implements PanacheRepositoryBase<PipelineStage, PipelineStage.Key> {

    /** A pipeline's stages in their order. */
    public Uni<List<PipelineStage>> of(UUID pipelineId) {
        return find("pipelineId = ?1 order by position", pipelineId).list();
    }

    public Uni<List<PipelineStage>> all() {
        return find("order by pipelineId, position").list();
    }
}
