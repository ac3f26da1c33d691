package dev.salesplatform.deal.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.salesplatform.deal.service.PipelineService;
import dev.salesplatform.kit.http.IdempotentRequests;
import dev.salesplatform.kit.http.Ids;
import dev.salesplatform.kit.problem.Problem;
import dev.salesplatform.kit.security.Caller;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/pipelines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pipelines", description = "Sales pipelines: ordered stages with win probabilities")
public class PipelineResource {

    private final PipelineService pipelines;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    @Inject
    public PipelineResource(PipelineService pipelines, IdempotentRequests idempotency, Caller caller) {
        this.pipelines = pipelines;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Caller.ACCOUNT_EXECUTIVE, Caller.SALES_SPECIALIST, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "listPipelines",
            summary = "List pipelines", description = "Roles: account-executive, sales-specialist, sales-manager, "
            + "admin. Every pipeline with its stages in order and each stage's win probability.")
    @APIResponse(responseCode = "200", description = "The pipelines, by name")
    public Uni<List<PipelineResponse>> list() {
        return pipelines.list().map(all -> all.stream().map(PipelineDtoMapper::response).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.ACCOUNT_EXECUTIVE, Caller.SALES_SPECIALIST, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "getPipeline",
            summary = "Read a pipeline", description = "Roles: account-executive, sales-specialist, sales-manager, "
            + "admin. The pipeline with its stages in order.")
    @APIResponse(responseCode = "200", description = "The pipeline",
            content = @Content(schema = @Schema(implementation = PipelineResponse.class)))
    @APIResponse(responseCode = "404", description = "No such pipeline",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PipelineResponse> get(@PathParam("id") String id) {
        return pipelines.find(Ids.parse(id, "id")).map(PipelineDtoMapper::response);
    }

    @POST
    @RolesAllowed(Caller.ADMIN)
    @Operation(operationId = "createPipeline",
            summary = "Create a pipeline", description = "Roles: admin. Stages in order: codes unique, "
            + "probabilities 0 to 1, at least one open stage, then exactly one won and one lost closing stage last.")
    @APIResponse(responseCode = "201", description = "Created; Location set",
            content = @Content(schema = @Schema(implementation = PipelineResponse.class)))
    @APIResponse(responseCode = "409", description = "A pipeline with this name exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                @Valid @NotNull CreatePipelineRequest request) {
        return idempotency.execute(idempotencyKey, caller.id().toString(), request, () -> pipelines
                .create(PipelineDtoMapper.draft(request))
                .map(pipeline -> Response.status(Response.Status.CREATED)
                        .header(HttpHeaders.LOCATION, "/api/v1/pipelines/" + pipeline.id())
                        .entity(PipelineDtoMapper.response(pipeline)).build()));
    }
}
