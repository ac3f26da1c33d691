package dev.salesplatform.deal.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.salesplatform.deal.domain.Actor;
import dev.salesplatform.deal.domain.DealSort;
import dev.salesplatform.deal.service.DealFilter;
import dev.salesplatform.deal.service.DealObstacleService;
import dev.salesplatform.deal.service.DealService;
import dev.salesplatform.deal.service.DealTeamService;
import dev.salesplatform.deal.service.DealView;
import dev.salesplatform.kit.http.ETags;
import dev.salesplatform.kit.http.IdempotentRequests;
import dev.salesplatform.kit.http.Ids;
import dev.salesplatform.kit.http.MergePatch;
import dev.salesplatform.kit.http.Page;
import dev.salesplatform.kit.http.PageRequest;
import dev.salesplatform.kit.http.QueryParams;
import dev.salesplatform.kit.money.Money;
import dev.salesplatform.kit.outbox.HistoryEntry;
import dev.salesplatform.kit.problem.Problem;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.security.Caller;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/deals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Deals", description = "Closing: deals through pipeline stages to won or lost")
public class DealResource {

    private static final String WORKERS = "Roles: account-executive and sales-specialist (deals they own or are on "
            + "the team of), sales-manager, admin.";
    private static final String READERS = WORKERS;
    private static final String CLOSERS = "Roles: account-executive (deals they own only), sales-manager, admin.";

    private final DealService deals;
    private final DealTeamService teams;
    private final DealObstacleService obstacles;
    private final MergePatch patches;
    private final Caller caller;
    private final IdempotentRequests idempotency;

    @Inject
    public DealResource(DealService deals, DealTeamService teams, DealObstacleService obstacles, MergePatch patches,
                        Caller caller, IdempotentRequests idempotency) {
        this.deals = deals;
        this.teams = teams;
        this.obstacles = obstacles;
        this.patches = patches;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Caller.ACCOUNT_EXECUTIVE, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "createDeal",
            summary = "Open a deal", description = "Roles: account-executive (becomes the owner), sales-manager and "
            + "admin (may name an owner). Starts in the first stage of the pipeline (default: the default pipeline); "
            + "stage and status cannot be set (400). Emits deal.created.v1. Send Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set",
            content = @Content(schema = @Schema(implementation = DealResponse.class)))
    @APIResponse(responseCode = "409", description = "The same Idempotency-Key is still in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                @Valid @NotNull CreateDealRequest request) {
        return once(idempotencyKey, request, actor -> deals.create(DealDtoMapper.draft(request), actor)
                .map(deal -> Response.status(Response.Status.CREATED)
                        .header(HttpHeaders.LOCATION, "/api/v1/deals/" + deal.id())
                        .header(HttpHeaders.ETAG, ETags.of(deal.version()))
                        .entity(DealDtoMapper.response(deal))
                        .build()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.ACCOUNT_EXECUTIVE, Caller.SALES_SPECIALIST, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "getDeal",
            summary = "Read a deal", description = READERS + " ETag carries the version.")
    @APIResponse(responseCode = "200", description = "The deal",
            content = @Content(schema = @Schema(implementation = DealResponse.class)))
    @APIResponse(responseCode = "404", description = "No such deal",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") String id) {
        return deals.find(Ids.parse(id, "id"), actor()).map(DealResource::withETag);
    }

    @GET
    @RolesAllowed({Caller.ACCOUNT_EXECUTIVE, Caller.SALES_SPECIALIST, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "listDeals",
            summary = "List and search deals", description = READERS + " Account executives and sales specialists "
            + "see only the deals they own or are on the team of. Filters combine; q matches name and company "
            + "(case-insensitive); stale=true keeps open deals that stayed in their stage longer than the stage's limit. Newest first "
            + "unless sort says otherwise; follow nextCursor.")
    @APIResponse(responseCode = "200", description = "One page of deals")
    public Uni<Page<DealResponse>> list(
            @Parameter(description = "Only deals in this stage (code)") @QueryParam("stage") String stage,
            @Parameter(description = "Only deals of this owner (user id)") @QueryParam("owner") String owner,
            @Parameter(description = "Only deals in this pipeline") @QueryParam("pipeline") String pipeline,
            @Parameter(description = "Expected to close on or after (ISO-8601 date)")
            @QueryParam("expectedCloseFrom") String expectedCloseFrom,
            @Parameter(description = "Expected to close on or before (ISO-8601 date)")
            @QueryParam("expectedCloseTo") String expectedCloseTo,
            @Parameter(description = "Amount at least (decimal string, any currency unless currency is given)")
            @QueryParam("amountMin") String amountMin,
            @Parameter(description = "Amount at most (decimal string)") @QueryParam("amountMax") String amountMax,
            @Parameter(description = "Only deals in this currency (ISO-4217)") @QueryParam("currency") String currency,
            @Parameter(description = "Free text on name and company (2 to 100 characters)") @QueryParam("q") String q,
            @Parameter(description = "true: only open deals that stayed in their stage longer than its limit "
                    + "(salesplatform.deals.stale-after per stage, e.g. DEMO 10 days; otherwise 14 days)")
            @QueryParam("stale") String stale,
            @Parameter(description = "-createdAt (default), createdAt, -amount, amount, expectedCloseDate, "
                    + "-expectedCloseDate (deals without one last)") @QueryParam("sort") String sort,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page, with the same filters and sort")
            @QueryParam("cursor") String cursor) {
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && (text.length() < 2 || text.length() > 100)) {
            throw ProblemException.invalidField("q", "must be 2 to 100 characters");
        }
        String stageCode = stage == null || stage.isBlank() ? null : stage.strip();
        if (stageCode != null && stageCode.length() > 40) {
            throw ProblemException.invalidField("stage", "must be a stage code");
        }
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw ProblemException.invalidField("currency", "must be an ISO-4217 code such as EUR");
        }
        DealSort order = sort == null || sort.isBlank() ? DealSort.NEWEST : DealSort.fromParameter(sort.strip())
                .orElseThrow(() -> ProblemException.invalidField("sort", "must be one of " + DealSort.documented()));
        DealFilter filter = new DealFilter(stageCode, owner == null ? null : Ids.parse(owner, "owner"),
                pipeline == null ? null : Ids.parse(pipeline, "pipeline"),
                QueryParams.date(expectedCloseFrom, "expectedCloseFrom"), QueryParams.date(expectedCloseTo, "expectedCloseTo"),
                amount(amountMin, "amountMin"), amount(amountMax, "amountMax"), currency, text,
                QueryParams.flag(stale, "stale"), order);
        return deals.search(filter, PageRequest.of(limit, cursor, 2), actor()).map(page -> page.map(DealDtoMapper::response));
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Caller.ACCOUNT_EXECUTIVE, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "getDealSummary",
            summary = "Pipeline summary", description = "Roles: sales-manager, admin; account-executive (deals they "
            + "own only; another owner is 403). Per pipeline stage and currency: number of deals, their amount, and the "
            + "weighted amount (amount x the stage's win probability, rounded half-even to the currency's minor "
            + "unit). Optional filters: pipeline, owner.")
    @APIResponse(responseCode = "200", description = "One row per pipeline, stage and currency, in stage order",
            content = @Content(schema = @Schema(implementation = DealSummaryResponse.class)))
    public Uni<DealSummaryResponse> summary(
            @Parameter(description = "Only deals in this pipeline") @QueryParam("pipeline") String pipeline,
            @Parameter(description = "Only deals of this owner (user id)") @QueryParam("owner") String owner) {
        return deals.summary(pipeline == null ? null : Ids.parse(pipeline, "pipeline"),
                owner == null ? null : Ids.parse(owner, "owner"), actor()).map(DealDtoMapper::summary);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({Caller.ACCOUNT_EXECUTIVE, Caller.SALES_SPECIALIST, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "updateDeal",
            summary = "Edit a deal (JSON Merge Patch)", description = WORKERS + " Needs If-Match with the ETag you "
            + "read. Name, company, contact, amount and expected close date can be edited; stage, owner and status "
            + "are changed by commands (400 here). Emits deal.updated.v1 with the changed fields.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = DealPatch.class),
            example = "{\"amount\": {\"amount\": \"52000.00\", \"currency\": \"EUR\"}, \"expectedCloseDate\": \"2027-04-30\"}"))
    @APIResponse(responseCode = "200", description = "The edited deal, with its new ETag",
            content = @Content(schema = @Schema(implementation = DealResponse.class)))
    @APIResponse(responseCode = "404", description = "No such deal",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The deal is closed (currentStage says where)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @NotNull JsonNode patch) {
        return deals.edit(Ids.parse(id, "id"), ifMatch, current -> DealDtoMapper.edit(
                        patches.apply(DealDtoMapper.patchable(current), patch, DealPatch.class)), actor())
                .map(DealResource::withETag);
    }

    @POST
    @Path("/{id}/stage")
    @RolesAllowed({Caller.ACCOUNT_EXECUTIVE, Caller.SALES_SPECIALIST, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "moveDealStage",
            summary = "Move a deal to another stage", description = WORKERS + " Any open stage of the deal's "
            + "pipeline; closed stages are reached by win or lose. Emits deal.stage-changed.v1 with from, to and the "
            + "seconds spent in the previous stage.")
    @APIResponse(responseCode = "200", description = "The deal in its new stage",
            content = @Content(schema = @Schema(implementation = DealResponse.class)))
    @APIResponse(responseCode = "404", description = "No such deal",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The deal is closed, the target stage is closed, or the deal is "
            + "already there (currentStage says where it is)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> moveStage(@PathParam("id") String id, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                   @Valid @NotNull MoveStageRequest request) {
        UUID dealId = Ids.parse(id, "id");
        return once(idempotencyKey, request, actor -> deals.moveStage(dealId, request.stage().strip(), actor)
                .map(DealResource::withETag));
    }

    @POST
    @Path("/{id}/win")
    @RolesAllowed({Caller.ACCOUNT_EXECUTIVE, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "winDeal",
            summary = "Win a deal", description = CLOSERS + " An open deal moves to its pipeline's won stage with "
            + "the final amount and the contract (start date, 1 to 120 months, monthly recurring revenue), all in the "
            + "deal's currency. While any obstacle is open the win is 409 (open-obstacles, listing them) unless the "
            + "request carries override.reason (1 to 500 characters), which deal.won.v1 records as overrideReason. "
            + "Emits deal.won.v1, from which customer-success onboards the customer.")
    @APIResponse(responseCode = "200", description = "The won deal",
            content = @Content(schema = @Schema(implementation = DealResponse.class)))
    @APIResponse(responseCode = "404", description = "No such deal",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The deal is already closed (currentStage says how), or "
            + "obstacles are open and there is no override (openObstacles lists them)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> win(@PathParam("id") String id, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                             @Valid @NotNull WinRequest request) {
        UUID dealId = Ids.parse(id, "id");
        return once(idempotencyKey, request, actor -> deals.win(dealId, DealDtoMapper.win(request), actor).map(DealResource::withETag));
    }

    @POST
    @Path("/{id}/lose")
    @RolesAllowed({Caller.ACCOUNT_EXECUTIVE, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "loseDeal",
            summary = "Lose a deal", description = CLOSERS + " An open deal moves to its pipeline's lost stage with "
            + "a reason (PRICE, COMPETITOR, NO_DECISION, TIMING, PRODUCT_FIT, OTHER) and optionally the competitor. "
            + "Emits deal.lost.v1.")
    @APIResponse(responseCode = "200", description = "The lost deal",
            content = @Content(schema = @Schema(implementation = DealResponse.class)))
    @APIResponse(responseCode = "404", description = "No such deal",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The deal is already closed (currentStage says how)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> lose(@PathParam("id") String id, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                              @Valid @NotNull LoseRequest request) {
        UUID dealId = Ids.parse(id, "id");
        return once(idempotencyKey, request, actor -> deals.lose(dealId, request.reason(), request.competitor(), actor).map(DealResource::withETag));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Caller.ACCOUNT_EXECUTIVE, Caller.SALES_SPECIALIST, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "listDealHistory",
            summary = "A deal's history", description = READERS + " Every event of the deal, oldest first: which "
            + "event, who, when, and what it carried.")
    @APIResponse(responseCode = "404", description = "No such deal",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<HistoryEntry>> history(@PathParam("id") String id, @QueryParam("limit") String limit,
                                                @QueryParam("cursor") String cursor) {
        return deals.history(Ids.parse(id, "id"), PageRequest.of(limit, cursor, 1), actor());
    }

    @POST
    @Path("/{id}/team")
    @RolesAllowed({Caller.ACCOUNT_EXECUTIVE, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "addDealTeamMember",
            summary = "Add a member to a deal's team", description = CLOSERS + " A sales specialist or another "
            + "account executive joins an open deal; team members read and work it (edit, stage moves) but do not "
            + "win, lose or change the team. Emits deal.team-changed.v1.")
    @APIResponse(responseCode = "200", description = "The deal with its team",
            content = @Content(schema = @Schema(implementation = DealResponse.class)))
    @APIResponse(responseCode = "404", description = "No such deal",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The user already works the deal (owner or member), or the "
            + "deal is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> addTeamMember(@PathParam("id") String id,
                                       @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                       @Valid @NotNull AddTeamMemberRequest request) {
        UUID dealId = Ids.parse(id, "id");
        return once(idempotencyKey, request, actor -> teams.addMember(dealId, request.userId(), request.role(), actor)
                .map(DealResource::withETag));
    }

    @DELETE
    @Path("/{id}/team/{userId}")
    @RolesAllowed({Caller.ACCOUNT_EXECUTIVE, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "removeDealTeamMember",
            summary = "Remove a member from a deal's team", description = CLOSERS + " Only while the deal is "
            + "open. Emits deal.team-changed.v1.")
    @APIResponse(responseCode = "200", description = "The deal with its team",
            content = @Content(schema = @Schema(implementation = DealResponse.class)))
    @APIResponse(responseCode = "404", description = "No such deal, or the user is not on its team",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The deal is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> removeTeamMember(@PathParam("id") String id, @PathParam("userId") String userId) {
        return teams.removeMember(Ids.parse(id, "id"), Ids.parse(userId, "userId"), actor())
                .map(DealResource::withETag);
    }

    @POST
    @Path("/{id}/obstacles")
    @RolesAllowed({Caller.ACCOUNT_EXECUTIVE, Caller.SALES_SPECIALIST, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "addDealObstacle",
            summary = "Record an obstacle in a deal's buying process", description = WORKERS + " Type PRICE, "
            + "COMPETITOR, TIMING, AUTHORITY, TECHNICAL or LEGAL, with notes; the obstacle starts OPEN and blocks "
            + "winning the deal until resolved (or overridden). Only while the deal is open. Emits "
            + "deal.obstacle-changed.v1.")
    @APIResponse(responseCode = "201", description = "The recorded obstacle",
            content = @Content(schema = @Schema(implementation = ObstacleDto.class)))
    @APIResponse(responseCode = "404", description = "No such deal",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The deal is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> addObstacle(@PathParam("id") String id,
                                     @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                     @Valid @NotNull AddObstacleRequest request) {
        UUID dealId = Ids.parse(id, "id");
        return once(idempotencyKey, request, actor -> obstacles.add(dealId, request.type(), request.notes(), actor)
                .map(obstacle -> Response.status(Response.Status.CREATED)
                        .header(HttpHeaders.LOCATION, "/api/v1/deals/" + obstacle.dealId() + "/obstacles")
                        .entity(DealDtoMapper.obstacle(obstacle)).build()));
    }

    @GET
    @Path("/{id}/obstacles")
    @RolesAllowed({Caller.ACCOUNT_EXECUTIVE, Caller.SALES_SPECIALIST, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "listDealObstacles",
            summary = "A deal's obstacles", description = READERS + " Every obstacle of the deal, open and "
            + "resolved, oldest first.")
    @APIResponse(responseCode = "200", description = "The obstacles",
            content = @Content(schema = @Schema(implementation = ObstacleDto.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "The deal id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such deal",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<ObstacleDto>> obstacles(@PathParam("id") String id) {
        return obstacles.list(Ids.parse(id, "id"), actor())
                .map(all -> all.stream().map(DealDtoMapper::obstacle).toList());
    }

    @POST
    @Path("/{id}/obstacles/{obstacleId}/resolve")
    @RolesAllowed({Caller.ACCOUNT_EXECUTIVE, Caller.SALES_SPECIALIST, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "resolveDealObstacle",
            summary = "Resolve an obstacle", description = WORKERS + " An open obstacle of an open deal becomes "
            + "RESOLVED with the resolution, who and when. Emits deal.obstacle-changed.v1.")
    @APIResponse(responseCode = "200", description = "The resolved obstacle",
            content = @Content(schema = @Schema(implementation = ObstacleDto.class)))
    @APIResponse(responseCode = "404", description = "No such deal, or no such obstacle on it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The obstacle is already resolved, or the deal is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> resolveObstacle(@PathParam("id") String id, @PathParam("obstacleId") String obstacleId,
                                         @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                         @Valid @NotNull ResolveObstacleRequest request) {
        UUID dealId = Ids.parse(id, "id");
        UUID obstacle = Ids.parse(obstacleId, "obstacleId");
        return once(idempotencyKey, request, actor -> obstacles.resolve(dealId, obstacle, request.resolution(), actor)
                .map(resolved -> Response.ok(DealDtoMapper.obstacle(resolved)).build()));
    }

    private Actor actor() {
        return actor(caller);
    }

    /** The command once per Idempotency-Key of the caller: a retry replays the first answer. */
    private Uni<Response> once(String idempotencyKey, Object request, Function<Actor, Uni<Response>> command) {
        Actor actor = actor();
        return idempotency.execute(idempotencyKey, actor.id().toString(), request, () -> command.apply(actor));
    }

    static Actor actor(Caller caller) {
        return new Actor(caller.id(), caller.has(Caller.SALES_MANAGER) || caller.has(Caller.ADMIN),
                caller.has(Caller.ACCOUNT_EXECUTIVE), caller.has(Caller.SALES_SPECIALIST));
    }

    private static Response withETag(DealView deal) {
        return Response.ok(DealDtoMapper.response(deal)).header(HttpHeaders.ETAG, ETags.of(deal.version())).build();
    }

    private static BigDecimal amount(String value, String field) {
        BigDecimal amount = QueryParams.decimal(value, field);
        if (amount != null && (amount.signum() < 0 || amount.compareTo(Money.MAX) > 0)) {
            throw ProblemException.invalidField(field, "must be a decimal amount from 0 to " + Money.MAX);
        }
        return amount;
    }
}
