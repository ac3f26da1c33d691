package dev.salesplatform.analytics.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.salesplatform.analytics.service.RebuildService;
import dev.salesplatform.kit.http.IdempotentRequests;
import dev.salesplatform.kit.problem.Problem;
import dev.salesplatform.kit.security.Caller;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/analytics/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
@Tag(name = "Analytics administration", description = "Rebuilding the projections from the event log")
public class RebuildResource {

    private final RebuildService rebuilds;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    @Inject
    public RebuildResource(RebuildService rebuilds, IdempotentRequests idempotency, Caller caller) {
        this.rebuilds = rebuilds;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "startRebuild",
            summary = "Rebuild every projection from offset 0", description = "Roles: admin. Replays all three "
            + "topics from their start into the projection schema readers do not use, while live events go to both, "
            + "then swaps: readers never see a partial result. Answers 202 at once; follow the progress with GET. "
            + "A retry with the same Idempotency-Key answers the first 202 instead of starting another rebuild.")
    @APIResponse(responseCode = "202", description = "Started; Location points at its status",
            content = @Content(schema = @Schema(implementation = RebuildStatus.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is already running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> start(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, caller.id().toString(), null, () -> rebuilds.start()
                .map(rebuild -> Response.accepted(RebuildMapper.status(rebuild))
                        .header(HttpHeaders.LOCATION, "/api/v1/analytics/rebuild").build()));
    }

    @GET
    @Operation(operationId = "getRebuildStatus",
            summary = "Progress of the latest rebuild", description = "Roles: admin. NEVER, RUNNING (records done "
            + "of total), COMPLETED or FAILED (with the error), and the schema readers use.")
    @APIResponse(responseCode = "200", description = "The latest rebuild",
            content = @Content(schema = @Schema(implementation = RebuildStatus.class)))
    public Uni<RebuildStatus> status() {
        return rebuilds.status().map(RebuildMapper::status);
    }
}
