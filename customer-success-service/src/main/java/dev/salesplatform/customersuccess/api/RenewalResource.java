package dev.salesplatform.customersuccess.api;

import java.util.List;
import java.util.UUID;

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

import dev.salesplatform.customersuccess.domain.Actor;
import dev.salesplatform.customersuccess.domain.RenewalStatus;
import dev.salesplatform.customersuccess.service.RenewalFilter;
import dev.salesplatform.customersuccess.service.RenewalService;
import dev.salesplatform.customersuccess.service.RenewalView;
import dev.salesplatform.kit.http.ETags;
import dev.salesplatform.kit.http.Enums;
import dev.salesplatform.kit.http.IdempotentRequests;
import dev.salesplatform.kit.http.Ids;
import dev.salesplatform.kit.http.QueryParams;
import dev.salesplatform.kit.http.Page;
import dev.salesplatform.kit.http.PageRequest;
import dev.salesplatform.kit.problem.Problem;
import dev.salesplatform.kit.security.Caller;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/renewals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Renewals", description = "Retention: each contract term's renewal, renewed or churned")
@APIResponse(responseCode = "404", description = "No such renewal",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RenewalResource {

    private final RenewalService renewals;
    private final Caller caller;
    private final IdempotentRequests idempotency;

    @Inject
    public RenewalResource(RenewalService renewals, Caller caller, IdempotentRequests idempotency) {
        this.renewals = renewals;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "listRenewals", summary = "List renewals",
            description = CustomerResource.READERS + " A renewal opens salesplatform.renewals.open-days-before "
            + "(default 90) days before its contract ends and is due on the end date. Filters: dueBefore (due on or "
            + "before, ISO-8601 date), status (OPEN, RENEWED, CHURNED), csm (the customer's CSM), customer (its id). "
            + "Soonest due first; follow nextCursor.")
    @APIResponse(responseCode = "200", description = "One page of renewals")
    public Uni<Page<RenewalResponse>> list(
            @Parameter(description = "Due on or before (ISO-8601 date)") @QueryParam("dueBefore") String dueBefore,
            @Parameter(description = "OPEN, RENEWED or CHURNED") @QueryParam("status") String status,
            @Parameter(description = "Only renewals of this CSM's customers (user id)") @QueryParam("csm") String csm,
            @Parameter(description = "Only renewals of this customer") @QueryParam("customer") String customer,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        CustomerMapper.actor(caller);
        RenewalFilter filter = new RenewalFilter(QueryParams.date(dueBefore, "dueBefore"),
                Enums.parse(RenewalStatus.class, status, "status"), csm == null ? null : Ids.parse(csm, "csm"),
                customer == null ? null : Ids.parse(customer, "customer"));
        return renewals.search(filter, PageRequest.of(limit, cursor, 2))
                .map(page -> page.map(RenewalMapper::renewal));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "getRenewal", summary = "Read a renewal",
            description = CustomerResource.READERS + " ETag carries the version.")
    @APIResponse(responseCode = "200", description = "The renewal",
            content = @Content(schema = @Schema(implementation = RenewalResponse.class)))
    public Uni<Response> get(@PathParam("id") String id) {
        return renewals.find(Ids.parse(id, "id"), CustomerMapper.actor(caller)).map(RenewalResource::withETag);
    }

    @POST
    @Path("/{id}/renew")
    @RolesAllowed({Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "renewRenewal", summary = "Renew a contract",
            description = CustomerResource.WRITERS + " An OPEN renewal of an ACTIVE customer becomes RENEWED with "
            + "the next contract: startDate (default: the old end date), termMonths 1-120 and newMrr in the "
            + "contract's currency. Emits customer.renewed.v1, plus customer.expanded.v1 or customer.contracted.v1 "
            + "(kind RENEWAL) for an MRR difference." + CustomerResource.RETRIES)
    @APIResponse(responseCode = "200", description = "The renewed renewal, naming the new contract",
            content = @Content(schema = @Schema(implementation = RenewalResponse.class)))
    @APIResponse(responseCode = "409", description = "The renewal is not OPEN, or the customer is CHURNED "
            + "(currentState says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> renew(@PathParam("id") String id,
            @Parameter(description = "Makes a retried POST return the first response instead of applying twice")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull RenewRequest request) {
        UUID renewal = Ids.parse(id, "id");
        Actor actor = CustomerMapper.actor(caller);
        return idempotency.execute(idempotencyKey, actor.id().toString(), request,
                () -> renewals.renew(renewal, request.startDate(), request.termMonths(), request.newMrr(), actor)
                        .map(RenewalResource::withETag));
    }

    @POST
    @Path("/{id}/churn")
    @RolesAllowed({Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "churnRenewal", summary = "Do not renew",
            description = CustomerResource.WRITERS + " An OPEN renewal becomes CHURNED with a reason (PRICE, "
            + "PRODUCT, SUPPORT, COMPETITOR, BUDGET, BUSINESS_CLOSED, OTHER) and a note; its contract ends. For the "
            + "customer's last contract the customer churns (customer.churned.v1); otherwise customer.contracted.v1 "
            + "(kind NON_RENEWAL) records the contract's lost MRR." + CustomerResource.RETRIES)
    @APIResponse(responseCode = "200", description = "The churned renewal",
            content = @Content(schema = @Schema(implementation = RenewalResponse.class)))
    @APIResponse(responseCode = "409", description = "The renewal is not OPEN, or the customer is CHURNED "
            + "(currentState says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> churn(@PathParam("id") String id,
            @Parameter(description = "Makes a retried POST return the first response instead of applying twice")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull RenewalChurnRequest request) {
        UUID renewal = Ids.parse(id, "id");
        Actor actor = CustomerMapper.actor(caller);
        return idempotency.execute(idempotencyKey, actor.id().toString(), request,
                () -> renewals.churn(renewal, request.reason(), request.note(), actor).map(RenewalResource::withETag));
    }

    private static Response withETag(RenewalView renewal) {
        return Response.ok(RenewalMapper.renewal(renewal)).header(HttpHeaders.ETAG, ETags.of(renewal.version()))
                .build();
    }
}
