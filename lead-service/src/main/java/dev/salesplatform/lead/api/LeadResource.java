package dev.salesplatform.lead.api;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.salesplatform.kit.http.ETags;
import dev.salesplatform.kit.http.Enums;
import dev.salesplatform.kit.http.IdempotentRequests;
import dev.salesplatform.kit.http.Ids;
import dev.salesplatform.kit.http.Page;
import dev.salesplatform.kit.http.PageRequest;
import dev.salesplatform.kit.problem.Problem;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.security.Caller;
import dev.salesplatform.lead.domain.LeadStatus;
import dev.salesplatform.lead.persistence.LeadService;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Leads", description = "Prospecting: capture and work leads")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's roles do not allow this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class LeadResource {

    @Inject
    LeadService leads;

    @Inject
    Caller caller;

    @Inject
    IdempotentRequests idempotency;

    @POST
    @RolesAllowed({Caller.SDR, Caller.SALES_MANAGER, Caller.ADMIN, Caller.INTEGRATION})
    @Operation(summary = "Capture a lead",
            description = "Roles: sdr (becomes the owner), sales-manager, admin, integration (left unassigned). "
                    + "Emits lead.created.v1. Send Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set",
            content = @Content(schema = @Schema(implementation = LeadResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, with errors[] per field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Same Idempotency-Key still in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(
            @Parameter(description = "Makes a retried POST return the first response instead of creating twice")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull CreateLeadRequest request) {
        var actor = caller.id();
        boolean sdr = caller.has(Caller.SDR);
        return idempotency.execute(idempotencyKey, actor.toString(), request,
                () -> leads.create(request, actor, sdr).map(lead -> Response.status(Response.Status.CREATED)
                        .header(HttpHeaders.LOCATION, "/api/v1/leads/" + lead.id())
                        .header(HttpHeaders.ETAG, ETags.of(lead.version()))
                        .entity(lead)
                        .build()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.SDR, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(summary = "Read a lead", description = "Roles: sdr, sales-manager, admin. ETag carries the version.")
    @APIResponse(responseCode = "200", description = "The lead",
            content = @Content(schema = @Schema(implementation = LeadResponse.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such lead",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") String id) {
        var leadId = Ids.parse(id, "id");
        return leads.find(leadId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Lead", leadId))
                .map(lead -> Response.ok(lead).header(HttpHeaders.ETAG, ETags.of(lead.version())).build());
    }

    @GET
    @RolesAllowed({Caller.SDR, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(summary = "List leads", description = "Roles: sdr, sales-manager, admin. Newest first; "
            + "follow nextCursor for the next page.")
    @APIResponse(responseCode = "200", description = "One page of leads")
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<LeadResponse>> list(
            @Parameter(description = "Only leads in this status") @QueryParam("status") String status,
            @Parameter(description = "Only leads of this owner (user id)") @QueryParam("owner") String owner,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return leads.list(Enums.parse(LeadStatus.class, status, "status"), owner == null ? null : Ids.parse(owner, "owner"), PageRequest.of(limit, cursor, 1));
    }
}
