package dev.salesplatform.lead.api;

import java.util.UUID;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.salesplatform.kit.http.ETags;
import dev.salesplatform.kit.http.Enums;
import dev.salesplatform.kit.http.IdempotentRequests;
import dev.salesplatform.kit.http.Ids;
import dev.salesplatform.kit.http.MergePatch;
import dev.salesplatform.kit.http.Page;
import dev.salesplatform.kit.http.PageRequest;
import dev.salesplatform.kit.http.QueryParams;
import dev.salesplatform.kit.outbox.HistoryEntry;
import dev.salesplatform.kit.problem.Problem;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.security.Caller;
import dev.salesplatform.lead.domain.Actor;
import dev.salesplatform.lead.domain.LeadSort;
import dev.salesplatform.lead.domain.LeadSource;
import dev.salesplatform.lead.domain.LeadStatus;
import dev.salesplatform.lead.service.LeadFilter;
import dev.salesplatform.lead.service.LeadService;
import dev.salesplatform.lead.service.LeadView;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Leads", description = "Prospecting: capture, contact, score, qualify and hand off leads")
public class LeadResource {

    private static final String WORKERS = "Roles: sdr (own leads only), sales-manager, admin.";

    private final LeadService leads;
    private final MergePatch patches;
    private final Caller caller;
    private final IdempotentRequests idempotency;

    @Inject
    public LeadResource(LeadService leads, MergePatch patches, Caller caller, IdempotentRequests idempotency) {
        this.leads = leads;
        this.patches = patches;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Caller.SDR, Caller.SALES_MANAGER, Caller.ADMIN, Caller.INTEGRATION})
    @Operation(operationId = "createLead", summary = "Capture a lead",
            description = "Roles: sdr (becomes the owner), sales-manager, admin, integration (unassigned, or the next "
                    + "SDR in the round-robin when configured). Owner, status and score cannot be set (400). "
                    + "Emits lead.created.v1. Send Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set",
            content = @Content(schema = @Schema(implementation = LeadResponse.class)))
    @APIResponse(responseCode = "409", description = "An open lead has this email (existingLeadId names it), "
            + "or the same Idempotency-Key is still in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                @Valid @NotNull CreateLeadRequest request) {
        return once(idempotencyKey, request, actor -> leads.create(LeadDtoMapper.draft(request), actor)
                .map(LeadDtoMapper::response)
                .map(lead -> Response.status(Response.Status.CREATED)
                        .header(HttpHeaders.LOCATION, "/api/v1/leads/" + lead.id())
                        .header(HttpHeaders.ETAG, ETags.of(lead.version()))
                        .entity(lead)
                        .build()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.SDR, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "getLead",
            summary = "Read a lead", description = "Roles: sdr, sales-manager, admin. ETag carries the version.")
    @APIResponse(responseCode = "200", description = "The lead",
            content = @Content(schema = @Schema(implementation = LeadResponse.class)))
    @APIResponse(responseCode = "404", description = "No such lead",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") String id) {
        UUID leadId = Ids.parse(id, "id");
        return leads.find(leadId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Lead", leadId))
                .map(LeadResource::withETag);
    }

    @GET
    @RolesAllowed({Caller.SDR, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "listLeads",
            summary = "List and search leads", description = "Roles: sdr, sales-manager, admin. Filters combine; "
                    + "q matches name, email and company (case-insensitive). Follow nextCursor for the next page.")
    @APIResponse(responseCode = "200", description = "One page of leads")
    public Uni<Page<LeadResponse>> list(
            @Parameter(description = "Only leads in this status") @QueryParam("status") String status,
            @Parameter(description = "Only leads of this owner (user id)") @QueryParam("owner") String owner,
            @Parameter(description = "Only leads from this source") @QueryParam("source") String source,
            @Parameter(description = "Created at or after (ISO-8601 instant)") @QueryParam("createdFrom") String createdFrom,
            @Parameter(description = "Created before (ISO-8601 instant)") @QueryParam("createdTo") String createdTo,
            @Parameter(description = "Free text on name, email, company (2 to 100 characters)") @QueryParam("q") String q,
            @Parameter(description = "-createdAt (default), createdAt, -score, score") @QueryParam("sort") String sort,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        LeadSort order = sort == null || sort.isBlank() ? LeadSort.NEWEST : LeadSort.fromParameter(sort)
                .orElseThrow(() -> ProblemException.invalidField("sort", "must be one of -createdAt, createdAt, -score, score"));
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && (text.length() < 2 || text.length() > 100)) {
            throw ProblemException.invalidField("q", "must be 2 to 100 characters");
        }
        LeadFilter filter = new LeadFilter(Enums.parse(LeadStatus.class, status, "status"),
                owner == null ? null : Ids.parse(owner, "owner"), Enums.parse(LeadSource.class, source, "source"),
                QueryParams.instant(createdFrom, "createdFrom"), QueryParams.instant(createdTo, "createdTo"), text, order);
        return leads.search(filter, PageRequest.of(limit, cursor, 2))
                .map(page -> page.map(LeadDtoMapper::response));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({Caller.SDR, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "updateLead",
            summary = "Edit a lead (JSON Merge Patch)", description = WORKERS + " Needs If-Match with the ETag you "
                    + "read. Only the fields of CreateLead can be edited; owner, status and score are changed by commands. "
                    + "Emits lead.updated.v1 with the changed fields.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = CreateLeadRequest.class),
            example = "{\"title\": \"VP Engineering\", \"company\": {\"employees\": 250}, \"phone\": null}"))
    @APIResponse(responseCode = "200", description = "The edited lead, with its new ETag",
            content = @Content(schema = @Schema(implementation = LeadResponse.class)))
    @APIResponse(responseCode = "409", description = "The lead is closed, or another open lead has the new email",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @NotNull JsonNode patch) {
        UUID leadId = Ids.parse(id, "id");
        return leads.edit(leadId, ifMatch, current -> LeadDtoMapper.draft(
                        patches.apply(LeadDtoMapper.request(current), patch, CreateLeadRequest.class)), actor())
                .map(LeadResource::withETag);
    }

    @POST
    @Path("/{id}/assign")
    @RolesAllowed({Caller.SDR, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "assignLead",
            summary = "Assign or claim a lead", description = "Roles: sales-manager and admin assign to anyone; an "
                    + "sdr may only claim an unassigned lead for themselves. Emits lead.assigned.v1.")
    @APIResponse(responseCode = "200", description = "The lead with its new owner",
            content = @Content(schema = @Schema(implementation = LeadResponse.class)))
    @APIResponse(responseCode = "409", description = "The lead is closed (currentState says why)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> assign(@PathParam("id") String id, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                @Valid @NotNull AssignRequest request) {
        UUID leadId = Ids.parse(id, "id");
        return once(idempotencyKey, request, actor -> leads.assign(leadId, request.ownerId(), actor)
                .map(LeadResource::withETag));
    }

    @POST
    @Path("/{id}/activities")
    @RolesAllowed({Caller.SDR, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "logLeadActivity",
            summary = "Log an activity", description = WORKERS + " CALL, EMAIL and MEETING are contacts: the first "
                    + "moves a NEW lead to CONTACTED. A NOTE changes no status. Recomputes the score. Emits "
                    + "lead.activity-logged.v1.")
    @APIResponse(responseCode = "201", description = "The activity",
            content = @Content(schema = @Schema(implementation = ActivityResponse.class)))
    @APIResponse(responseCode = "409", description = "The lead is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> logActivity(@PathParam("id") String id,
                                     @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, 
                                     @Valid @NotNull ActivityRequest request) {
        UUID leadId = Ids.parse(id, "id");
        return once(idempotencyKey, request, actor -> leads.logActivity(leadId, LeadDtoMapper.activity(request), actor)
                .map(LeadDtoMapper::response)
                .map(activity -> Response.status(Response.Status.CREATED)
                        .header(HttpHeaders.LOCATION, "/api/v1/leads/" + activity.leadId() + "/activities")
                        .entity(activity).build()));
    }

    @GET
    @Path("/{id}/activities")
    @RolesAllowed({Caller.SDR, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "listLeadActivities",
            summary = "A lead's activities", description = "Roles: sdr, sales-manager, admin. Newest logged first.")
    @APIResponse(responseCode = "404", description = "No such lead",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<ActivityResponse>> activities(@PathParam("id") String id, @QueryParam("limit") String limit,
                                                  @QueryParam("cursor") String cursor) {
        return leads.activities(Ids.parse(id, "id"), PageRequest.of(limit, cursor, 1))
                .map(page -> page.map(LeadDtoMapper::response));
    }

    @POST
    @Path("/{id}/qualify")
    @RolesAllowed({Caller.SDR, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "qualifyLead",
            summary = "Qualify a contacted lead (BANT)", description = WORKERS + " CONTACTED -> QUALIFIED. "
                    + "Emits lead.qualified.v1.")
    @APIResponse(responseCode = "200", description = "The qualified lead",
            content = @Content(schema = @Schema(implementation = LeadResponse.class)))
    @APIResponse(responseCode = "409", description = "Not CONTACTED (currentState says what it is)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> qualify(@PathParam("id") String id, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                              @Valid @NotNull QualifyRequest request) {
        UUID leadId = Ids.parse(id, "id");
        return once(idempotencyKey, request, actor -> leads.qualify(leadId, LeadDtoMapper.qualification(request), actor)
                .map(LeadResource::withETag));
    }

    @POST
    @Path("/{id}/disqualify")
    @RolesAllowed({Caller.SDR, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "disqualifyLead",
            summary = "Disqualify a lead", description = WORKERS + " Any open state -> DISQUALIFIED, with a reason. "
                    + "Emits lead.disqualified.v1.")
    @APIResponse(responseCode = "200", description = "The disqualified lead",
            content = @Content(schema = @Schema(implementation = LeadResponse.class)))
    @APIResponse(responseCode = "409", description = "The lead is already closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> disqualify(@PathParam("id") String id,
                                    @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, 
                              @Valid @NotNull DisqualifyRequest request) {
        UUID leadId = Ids.parse(id, "id");
        return once(idempotencyKey, request, actor -> leads.disqualify(leadId, request.reason(), request.note(), actor)
                .map(LeadResource::withETag));
    }

    @POST
    @Path("/{id}/handoff")
    @RolesAllowed({Caller.SDR, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "handOffLead",
            summary = "Hand a qualified lead to an account executive", description = WORKERS + " QUALIFIED -> "
                    + "HANDED_OFF. Emits lead.handed-off.v1, from which deal-service opens the deal.")
    @APIResponse(responseCode = "200", description = "The handed-off lead",
            content = @Content(schema = @Schema(implementation = LeadResponse.class)))
    @APIResponse(responseCode = "409", description = "Not QUALIFIED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> handOff(@PathParam("id") String id, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                              @Valid @NotNull HandoffRequest request) {
        UUID leadId = Ids.parse(id, "id");
        return once(idempotencyKey, request, actor -> leads.handOff(leadId, request.accountExecutiveId(),
                request.estimatedValue(), request.note(), actor).map(LeadResource::withETag));
    }

    @POST
    @Path("/{id}/reopen")
    @RolesAllowed({Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "reopenLead",
            summary = "Reopen a disqualified lead", description = "Roles: sales-manager, admin. DISQUALIFIED -> NEW. "
                    + "Emits lead.reopened.v1.")
    @APIResponse(responseCode = "200", description = "The reopened lead",
            content = @Content(schema = @Schema(implementation = LeadResponse.class)))
    @APIResponse(responseCode = "409", description = "Not DISQUALIFIED, or another open lead has its email",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> reopen(@PathParam("id") String id, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        UUID leadId = Ids.parse(id, "id");
        return once(idempotencyKey, null, actor -> leads.reopen(leadId, actor).map(LeadResource::withETag));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Caller.SDR, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "listLeadHistory",
            summary = "A lead's history", description = "Roles: sdr, sales-manager, admin. Every event of the lead, "
                    + "oldest first: which event, who, when, and what it carried.")
    @APIResponse(responseCode = "404", description = "No such lead",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<HistoryEntry>> history(@PathParam("id") String id, @QueryParam("limit") String limit,
                                                @QueryParam("cursor") String cursor) {
        return leads.history(Ids.parse(id, "id"), PageRequest.of(limit, cursor, 1));
    }

    private Actor actor() {
        return actor(caller);
    }

    /** The command once per Idempotency-Key of the caller: a retry replays the first answer. */
    private Uni<Response> once(String idempotencyKey, Object request, Function<Actor, Uni<Response>> command) {
        Actor actor = actor();
        return idempotency.execute(idempotencyKey, actor.id().toString(), request, () -> command.apply(actor));
    }

    /** The caller as the lead rules see them; an import edits what its caller may edit here. */
    static Actor actor(Caller caller) {
        return new Actor(caller.id(), caller.has(Caller.SALES_MANAGER) || caller.has(Caller.ADMIN),
                caller.has(Caller.SDR));
    }

    private static Response withETag(LeadView lead) {
        return Response.ok(LeadDtoMapper.response(lead)).header(HttpHeaders.ETAG, ETags.of(lead.version())).build();
    }
}
