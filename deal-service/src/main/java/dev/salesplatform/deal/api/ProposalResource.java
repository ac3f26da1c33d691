package dev.salesplatform.deal.api;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.salesplatform.deal.domain.Actor;
import dev.salesplatform.deal.service.ProposalService;
import dev.salesplatform.deal.service.ProposalView;
import dev.salesplatform.kit.http.IdempotentRequests;
import dev.salesplatform.kit.http.Ids;
import dev.salesplatform.kit.problem.Problem;
import dev.salesplatform.kit.security.Caller;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/deals/{id}/proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.ACCOUNT_EXECUTIVE, Caller.SALES_SPECIALIST, Caller.SALES_MANAGER, Caller.ADMIN})
@Tag(name = "Proposals", description = "Versioned proposals of a deal, priced server-side")
@APIResponse(responseCode = "404", description = "No such deal, or no such proposal on it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ProposalResource {

    private static final String WORKERS = "Roles: account-executive and sales-specialist (deals they own or are on "
            + "the team of), sales-manager, admin.";

    private final ProposalService proposals;
    private final Caller caller;
    private final IdempotentRequests idempotency;

    @Inject
    public ProposalResource(ProposalService proposals, Caller caller, IdempotentRequests idempotency) {
        this.proposals = proposals;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(operationId = "createProposal",
            summary = "Draft a proposal", description = WORKERS + " Makes the deal's next proposal version "
            + "(number 1, 2, ...) as a DRAFT from its lines. The service prices it in BigDecimal: per line, subtotal = "
            + "quantity x unit price and discount = subtotal x discountPercent / 100, each rounded half-even to the "
            + "currency's minor unit (JPY whole units, EUR cents); the proposal's subtotal, discount and total are the "
            + "sums of its lines'. All lines in one currency; validUntil from today to one year ahead. A version never "
            + "changes once written: revise by drafting the next one. Only while the deal is open. Emits "
            + "deal.proposal-changed.v1. Send Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "The drafted proposal; Location set",
            content = @Content(schema = @Schema(implementation = ProposalResponse.class)))
    @APIResponse(responseCode = "409", description = "The deal is closed (currentStage says how), or the same "
            + "Idempotency-Key is still in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@PathParam("id") String id, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                @Valid @NotNull CreateProposalRequest request) {
        UUID dealId = Ids.parse(id, "id");
        return once(idempotencyKey, request, actor -> proposals.create(dealId, ProposalDtoMapper.draft(request), actor)
                        .map(proposal -> Response.status(Response.Status.CREATED)
                                .header(HttpHeaders.LOCATION,
                                        "/api/v1/deals/" + proposal.dealId() + "/proposals/" + proposal.id())
                                .entity(ProposalDtoMapper.response(proposal)).build()));
    }

    @GET
    @Operation(operationId = "listProposals",
            summary = "A deal's proposals", description = WORKERS + " Every version with its lines and totals, "
            + "by number; a draft or sent proposal past validUntil reads as EXPIRED.")
    @APIResponse(responseCode = "200", description = "The proposals",
            content = @Content(schema = @Schema(implementation = ProposalResponse.class, type = SchemaType.ARRAY)))
    public Uni<List<ProposalResponse>> list(@PathParam("id") String id) {
        return proposals.list(Ids.parse(id, "id"), actor())
                .map(all -> all.stream().map(ProposalDtoMapper::response).toList());
    }

    @GET
    @Path("/{proposalId}")
    @Operation(operationId = "getProposal",
            summary = "Read a proposal", description = WORKERS)
    @APIResponse(responseCode = "200", description = "The proposal",
            content = @Content(schema = @Schema(implementation = ProposalResponse.class)))
    public Uni<ProposalResponse> get(@PathParam("id") String id, @PathParam("proposalId") String proposalId) {
        return proposals.find(Ids.parse(id, "id"), Ids.parse(proposalId, "proposalId"), actor())
                .map(ProposalDtoMapper::response);
    }

    @POST
    @Path("/{proposalId}/send")
    @Operation(operationId = "sendProposal",
            summary = "Send a proposal", description = WORKERS + " DRAFT to SENT: the customer now decides. "
            + "Emits deal.proposal-changed.v1.")
    @APIResponse(responseCode = "200", description = "The sent proposal",
            content = @Content(schema = @Schema(implementation = ProposalResponse.class)))
    @APIResponse(responseCode = "409", description = "Not a draft, or expired (currentState says which), or the deal "
            + "is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> send(@PathParam("id") String id, @PathParam("proposalId") String proposalId,
                              @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        UUID dealId = Ids.parse(id, "id");
        UUID proposal = Ids.parse(proposalId, "proposalId");
        return once(idempotencyKey, null, actor -> proposals.send(dealId, proposal, actor).map(ProposalResource::ok));
    }

    @POST
    @Path("/{proposalId}/accept")
    @Operation(operationId = "acceptProposal",
            summary = "Record that the customer accepted a proposal", description = WORKERS + " SENT to ACCEPTED "
            + "while valid. The deal's amount becomes the proposal's total (deal.updated.v1), and the deal's other "
            + "sent or accepted versions become REJECTED (\"Superseded by version N\"), so a deal has at most one "
            + "accepted proposal. Emits deal.proposal-changed.v1 for each changed proposal.")
    @APIResponse(responseCode = "200", description = "The accepted proposal",
            content = @Content(schema = @Schema(implementation = ProposalResponse.class)))
    @APIResponse(responseCode = "409", description = "Not sent, or expired (currentState says which), or the deal is "
            + "closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> accept(@PathParam("id") String id, @PathParam("proposalId") String proposalId,
                                @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        UUID dealId = Ids.parse(id, "id");
        UUID proposal = Ids.parse(proposalId, "proposalId");
        return once(idempotencyKey, null, actor -> proposals.accept(dealId, proposal, actor).map(ProposalResource::ok));
    }

    @POST
    @Path("/{proposalId}/reject")
    @Operation(operationId = "rejectProposal",
            summary = "Record that the customer rejected a proposal", description = WORKERS + " SENT to REJECTED "
            + "with an optional reason. Emits deal.proposal-changed.v1.")
    @APIResponse(responseCode = "200", description = "The rejected proposal",
            content = @Content(schema = @Schema(implementation = ProposalResponse.class)))
    @APIResponse(responseCode = "409", description = "Not sent, or expired (currentState says which), or the deal is "
            + "closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> reject(@PathParam("id") String id, @PathParam("proposalId") String proposalId,
                                @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                @Valid @NotNull RejectProposalRequest request) {
        UUID dealId = Ids.parse(id, "id");
        UUID proposal = Ids.parse(proposalId, "proposalId");
        return once(idempotencyKey, request, actor -> proposals.reject(dealId, proposal, request.reason(), actor)
                .map(ProposalResource::ok));
    }

    private Actor actor() {
        return DealResource.actor(caller);
    }

    /** The command once per Idempotency-Key of the caller: a retry replays the first answer. */
    private Uni<Response> once(String idempotencyKey, Object request, Function<Actor, Uni<Response>> command) {
        Actor actor = actor();
        return idempotency.execute(idempotencyKey, actor.id().toString(), request, () -> command.apply(actor));
    }

    private static Response ok(ProposalView proposal) {
        return Response.ok(ProposalDtoMapper.response(proposal)).build();
    }
}
