package dev.salesplatform.deal.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.deal.domain.PipelineRules;
import dev.salesplatform.deal.persistence.Pipeline;
import dev.salesplatform.deal.persistence.PipelineRepository;
import dev.salesplatform.deal.persistence.PipelineStage;
import dev.salesplatform.deal.persistence.PipelineStageRepository;
import dev.salesplatform.kit.id.UuidV7;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.time.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Pipelines: listed for everyone in sales, created by admins. */
@ApplicationScoped
public class PipelineService {

    private final Clock clock;
    private final PipelineRepository pipelines;
    private final PipelineStageRepository stages;

    @Inject
    PipelineService(Clock clock, PipelineRepository pipelines, PipelineStageRepository stages) {
        this.clock = clock;
        this.pipelines = pipelines;
        this.stages = stages;
    }

    @WithSession
    public Uni<List<PipelineView>> list() {
        return pipelines.all().chain(all -> stages.all().map(everyStage -> {
            Map<UUID, List<PipelineStage>> byPipeline = everyStage.stream()
                    .collect(Collectors.groupingBy(stage -> stage.pipelineId));
            return all.stream().map(p -> PipelineMapper.view(p, byPipeline.getOrDefault(p.id, List.of()))).toList();
        }));
    }

    @WithSession
    public Uni<PipelineView> find(UUID id) {
        return pipelines.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Pipeline", id))
                .chain(pipeline -> stages.of(id).map(all -> PipelineMapper.view(pipeline, all)));
    }

    @WithTransaction
    public Uni<PipelineView> create(PipelineDraft draft) {
        List<PipelineRules.Stage> rules = draft.stages().stream()
                .map(s -> new PipelineRules.Stage(s.code(), s.winProbability(), s.closed(), s.won())).toList();
        PipelineRules.violation(rules).ifPresent(message -> {
            throw ProblemException.invalidField("stages", message);
        });
        String name = draft.name().strip();
        return pipelines.findByName(name).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(duplicate(name).with("existingPipelineId", existing.id));
            }
            Pipeline pipeline = new Pipeline();
            pipeline.id = UuidV7.next();
            pipeline.name = name;
            pipeline.isDefault = false;
            pipeline.createdAt = Times.now(clock);
            List<PipelineStage> created = new ArrayList<>();
            for (int i = 0; i < draft.stages().size(); i++) {
                PipelineDraft.Stage s = draft.stages().get(i);
                PipelineStage stage = new PipelineStage();
                stage.pipelineId = pipeline.id;
                stage.code = s.code();
                stage.name = s.name().strip();
                stage.position = i + 1;
                stage.winProbability = s.winProbability().setScale(2);
                stage.closed = s.closed();
                stage.won = s.won();
                created.add(stage);
            }
            // A concurrent create of the same name loses on the unique name: 409 like the check above.
            return pipelines.persist(pipeline).chain(() -> stages.persist(created)).chain(() -> pipelines.flush())
                    .onFailure(PipelineService::isDuplicateName).transform(failure -> duplicate(name))
                    .map(ignored -> PipelineMapper.view(pipeline, created));
        });
    }

    private static ProblemException duplicate(String name) {
        return ProblemException.conflict("duplicate-pipeline", "Duplicate pipeline",
                "A pipeline named " + name + " already exists");
    }

    private static boolean isDuplicateName(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("pipeline_name_key")) {
                return true;
            }
        }
        return false;
    }
}
