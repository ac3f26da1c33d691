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

import dev.salesplatform.customersuccess.domain.Actor;
import dev.salesplatform.customersuccess.domain.CustomerStatus;
import dev.salesplatform.customersuccess.domain.HealthBand;
import dev.salesplatform.customersuccess.service.CustomerFilter;
import dev.salesplatform.customersuccess.service.CustomerService;
import dev.salesplatform.customersuccess.service.CustomerView;
import dev.salesplatform.customersuccess.service.RevenueService;
import dev.salesplatform.customersuccess.service.TouchpointService;
import dev.salesplatform.kit.http.ETags;
import dev.salesplatform.kit.http.Enums;
import dev.salesplatform.kit.http.IdempotentRequests;
import dev.salesplatform.kit.http.Ids;
import dev.salesplatform.kit.http.QueryParams;
import dev.salesplatform.kit.http.MergePatch;
import dev.salesplatform.kit.http.Page;
import dev.salesplatform.kit.http.PageRequest;
import dev.salesplatform.kit.outbox.HistoryEntry;
import dev.salesplatform.kit.problem.Problem;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.security.Caller;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "Retention: customers, their touchpoints, health, MRR movements and churn")
@APIResponse(responseCode = "404", description = "No such customer",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CustomerResource {

    static final String READERS = "Roles: customer-success (every customer: the team covers for each other), "
            + "sales-manager, admin.";
    static final String WRITERS = "Roles: customer-success (customers assigned to them only), sales-manager, admin.";
    static final String RETRIES = " Send Idempotency-Key to make retries safe (409 while the first is in flight, 422 "
            + "for the same key with another request).";
    static final String TOUCHPOINT = " Only for an ACTIVE customer (409 with currentState otherwise). Updates the "
            + "last touchpoint and recomputes the health score (customer.health-changed.v1 when the band moves).";

    private final CustomerService customers;
    private final TouchpointService touchpoints;
    private final RevenueService revenue;
    private final MergePatch patches;
    private final Caller caller;
    private final IdempotentRequests idempotency;

    @Inject
    public CustomerResource(CustomerService customers, TouchpointService touchpoints, RevenueService revenue,
                            MergePatch patches, Caller caller, IdempotentRequests idempotency) {
        this.customers = customers;
        this.touchpoints = touchpoints;
        this.revenue = revenue;
        this.patches = patches;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "listCustomers", summary = "List and search customers",
            description = READERS + " Filters combine: csm (user id), band (GREEN, YELLOW, RED), "
            + "renewalFrom/renewalTo (next contract end date, inclusive), status (ACTIVE, CHURNED), q (company name "
            + "or contact, case-insensitive). Newest first; follow nextCursor.")
    @APIResponse(responseCode = "200", description = "One page of customers")
    public Uni<Page<CustomerResponse>> list(
            @Parameter(description = "Only customers of this CSM (user id)") @QueryParam("csm") String csm,
            @Parameter(description = "Only customers in this health band") @QueryParam("band") String band,
            @Parameter(description = "Next renewal date on or after (ISO-8601 date)")
            @QueryParam("renewalFrom") String renewalFrom,
            @Parameter(description = "Next renewal date on or before (ISO-8601 date)")
            @QueryParam("renewalTo") String renewalTo,
            @Parameter(description = "ACTIVE or CHURNED") @QueryParam("status") String status,
            @Parameter(description = "Free text on company name and contact (2 to 100 characters)")
            @QueryParam("q") String q,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        actor();
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && (text.length() < 2 || text.length() > 100)) {
            throw ProblemException.invalidField("q", "must be 2 to 100 characters");
        }
        CustomerFilter filter = new CustomerFilter(csm == null ? null : Ids.parse(csm, "csm"),
                Enums.parse(HealthBand.class, band, "band"), QueryParams.date(renewalFrom, "renewalFrom"),
                QueryParams.date(renewalTo, "renewalTo"), Enums.parse(CustomerStatus.class, status, "status"), text);
        return customers.search(filter, PageRequest.of(limit, cursor, 1))
                .map(page -> page.map(CustomerMapper::customer));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "getCustomer", summary = "Read a customer",
            description = READERS + " With MRR per currency, the contracts in force, health score, band and reasons, "
            + "and the next renewal date. ETag carries the version.")
    @APIResponse(responseCode = "200", description = "The customer",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    public Uni<Response> get(@PathParam("id") String id) {
        return customers.find(Ids.parse(id, "id"), actor()).map(CustomerResource::withETag);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "updateCustomer", summary = "Edit a customer's profile (JSON Merge Patch)",
            description = WRITERS + " Needs If-Match with the ETag you read. Company name, domain, primary contact "
            + "and notes can be edited; status, CSM, MRR, health and contracts change only by commands (400 here). "
            + "Emits customer.updated.v1 with the changed fields.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = CustomerPatch.class),
            example = "{\"notes\": \"Prefers e-mail\", \"contact\": {\"phone\": \"+44 20 7946 0000\"}}"))
    @APIResponse(responseCode = "200", description = "The edited customer, with its new ETag",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "409", description = "Another ACTIVE customer has that company name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @NotNull JsonNode patch) {
        return customers.edit(Ids.parse(id, "id"), ifMatch, current -> CustomerMapper.edit(
                patches.apply(CustomerMapper.patch(current), patch, CustomerPatch.class)), actor())
                .map(CustomerResource::withETag);
    }

    @POST
    @Path("/{id}/assign")
    @RolesAllowed({Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "assignCustomer", summary = "Assign a customer's CSM",
            description = "Roles: sales-manager and admin (any CSM, any customer); customer-success (claims an "
            + "unassigned customer for themselves only). Emits customer.assigned.v1." + RETRIES)
    @APIResponse(responseCode = "200", description = "The customer with its CSM",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "409", description = "Already this CSM's, or the customer is CHURNED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> assign(@PathParam("id") String id,
            @Parameter(description = "Makes a retried POST return the first response instead of applying twice")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull AssignRequest request) {
        UUID customer = Ids.parse(id, "id");
        Actor actor = actor();
        return idempotency.execute(idempotencyKey, actor.id().toString(), request,
                () -> customers.assign(customer, request.csmId(), actor).map(CustomerResource::withETag));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "listCustomerHistory", summary = "A customer's history",
            description = READERS + " Every event of the customer (its contracts and renewals included), oldest "
            + "first: which event, who, when, and what it carried.")
    @APIResponse(responseCode = "200", description = "One page of events")
    public Uni<Page<HistoryEntry>> history(@PathParam("id") String id, @QueryParam("limit") String limit,
                                                 @QueryParam("cursor") String cursor) {
        return customers.history(Ids.parse(id, "id"), PageRequest.of(limit, cursor, 1), actor());
    }

    @GET
    @Path("/{id}/contracts")
    @RolesAllowed({Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "listCustomerContracts", summary = "A customer's contracts",
            description = READERS + " Every contract term, oldest first: ACTIVE (in force until its renewal is "
            + "decided), RENEWED or CHURNED. A term is in force on [startDate, endDate).")
    @APIResponse(responseCode = "200", description = "The contracts",
            content = @Content(schema = @Schema(implementation = ContractDto.class, type = SchemaType.ARRAY)))
    public Uni<List<ContractDto>> contracts(@PathParam("id") String id) {
        return customers.contracts(Ids.parse(id, "id"), actor())
                .map(all -> all.stream().map(CustomerMapper::contract).toList());
    }

    @POST
    @Path("/{id}/check-ins")
    @RolesAllowed({Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "recordCheckIn", summary = "Record a check-in",
            description = WRITERS + " Type CALL, MEETING, EMAIL or QBR, sentiment POSITIVE, NEUTRAL or NEGATIVE, "
            + "notes." + TOUCHPOINT + " Emits customer.check-in-recorded.v1." + RETRIES)
    @APIResponse(responseCode = "201", description = "The check-in",
            content = @Content(schema = @Schema(implementation = CheckInResponse.class)))
    @APIResponse(responseCode = "409", description = "The customer is CHURNED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> checkIn(@PathParam("id") String id,
                                 @Parameter(description = "Makes a retried POST return the first response")
                                 @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                 @Valid @NotNull CheckInRequest request) {
        UUID customer = Ids.parse(id, "id");
        Actor actor = actor();
        return idempotency.execute(idempotencyKey, actor.id().toString(), request, () -> touchpoints
                .recordCheckIn(customer, request.type(), request.sentiment(), request.notes(), actor)
                .map(c -> created(customer, "check-ins", CustomerMapper.checkIn(c))));
    }

    @GET
    @Path("/{id}/check-ins")
    @RolesAllowed({Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "listCustomerCheckIns", summary = "A customer's check-ins",
            description = READERS + " Newest first; follow nextCursor.")
    @APIResponse(responseCode = "200", description = "One page of check-ins")
    public Uni<Page<CheckInResponse>> checkIns(@PathParam("id") String id, @QueryParam("limit") String limit,
                                               @QueryParam("cursor") String cursor) {
        return touchpoints.checkIns(Ids.parse(id, "id"), PageRequest.of(limit, cursor, 1), actor())
                .map(page -> page.map(CustomerMapper::checkIn));
    }

    @POST
    @Path("/{id}/feedback")
    @RolesAllowed({Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "recordFeedback", summary = "Record NPS feedback",
            description = WRITERS + " An integer NPS answer 0-10 (9-10 PROMOTER, 7-8 PASSIVE, 0-6 DETRACTOR) and a "
            + "comment." + TOUCHPOINT + " Emits customer.feedback-recorded.v1." + RETRIES)
    @APIResponse(responseCode = "201", description = "The feedback with its category",
            content = @Content(schema = @Schema(implementation = FeedbackResponse.class)))
    @APIResponse(responseCode = "409", description = "The customer is CHURNED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> feedback(@PathParam("id") String id,
                                  @Parameter(description = "Makes a retried POST return the first response")
                                  @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                  @Valid @NotNull FeedbackRequest request) {
        UUID customer = Ids.parse(id, "id");
        Actor actor = actor();
        return idempotency.execute(idempotencyKey, actor.id().toString(), request, () -> touchpoints
                .recordFeedback(customer, request.score(), request.comment(), actor)
                .map(f -> created(customer, "feedback", CustomerMapper.feedback(f))));
    }

    @GET
    @Path("/{id}/feedback")
    @RolesAllowed({Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "listCustomerFeedback", summary = "A customer's NPS feedback",
            description = READERS + " Newest first; follow nextCursor.")
    @APIResponse(responseCode = "200", description = "One page of feedback")
    public Uni<Page<FeedbackResponse>> feedbackList(@PathParam("id") String id, @QueryParam("limit") String limit,
                                                    @QueryParam("cursor") String cursor) {
        return touchpoints.feedback(Ids.parse(id, "id"), PageRequest.of(limit, cursor, 1), actor())
                .map(page -> page.map(CustomerMapper::feedback));
    }

    @POST
    @Path("/{id}/reviews")
    @RolesAllowed({Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "recordReview", summary = "Record a public review",
            description = WRITERS + " Platform (G2, CAPTERRA, TRUSTPILOT, GARTNER_PEER_INSIGHTS, OTHER), rating 1-5 "
            + "and an http(s) URL." + TOUCHPOINT + " Emits customer.review-posted.v1." + RETRIES)
    @APIResponse(responseCode = "201", description = "The review",
            content = @Content(schema = @Schema(implementation = ReviewResponse.class)))
    @APIResponse(responseCode = "409", description = "The customer is CHURNED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> review(@PathParam("id") String id,
                                @Parameter(description = "Makes a retried POST return the first response")
                                @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                @Valid @NotNull ReviewRequest request) {
        UUID customer = Ids.parse(id, "id");
        Actor actor = actor();
        return idempotency.execute(idempotencyKey, actor.id().toString(), request, () -> touchpoints
                .recordReview(customer, request.platform(), request.rating(), request.url(), actor)
                .map(r -> created(customer, "reviews", CustomerMapper.review(r))));
    }

    @GET
    @Path("/{id}/reviews")
    @RolesAllowed({Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "listCustomerReviews", summary = "A customer's reviews",
            description = READERS + " Newest first; follow nextCursor.")
    @APIResponse(responseCode = "200", description = "One page of reviews")
    public Uni<Page<ReviewResponse>> reviews(@PathParam("id") String id, @QueryParam("limit") String limit,
                                             @QueryParam("cursor") String cursor) {
        return touchpoints.reviews(Ids.parse(id, "id"), PageRequest.of(limit, cursor, 1), actor())
                .map(page -> page.map(CustomerMapper::review));
    }

    @POST
    @Path("/{id}/referrals")
    @RolesAllowed({Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "recordReferral", summary = "Record a referral",
            description = WRITERS + " The referred company and contact (first and last name and a valid e-mail "
            + "required)." + TOUCHPOINT + " Emits customer.referral-made.v1, from which lead-service creates a "
            + "REFERRAL lead." + RETRIES)
    @APIResponse(responseCode = "201", description = "The referral",
            content = @Content(schema = @Schema(implementation = ReferralResponse.class)))
    @APIResponse(responseCode = "409", description = "The customer is CHURNED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> referral(@PathParam("id") String id,
                                  @Parameter(description = "Makes a retried POST return the first response")
                                  @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                  @Valid @NotNull ReferralRequest request) {
        UUID customer = Ids.parse(id, "id");
        Actor actor = actor();
        return idempotency.execute(idempotencyKey, actor.id().toString(), request, () -> touchpoints
                .recordReferral(customer, CustomerMapper.referral(request), actor)
                .map(r -> created(customer, "referrals", CustomerMapper.referral(r))));
    }

    @GET
    @Path("/{id}/referrals")
    @RolesAllowed({Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "listCustomerReferrals", summary = "A customer's referrals",
            description = READERS + " Newest first; follow nextCursor.")
    @APIResponse(responseCode = "200", description = "One page of referrals")
    public Uni<Page<ReferralResponse>> referrals(@PathParam("id") String id, @QueryParam("limit") String limit,
                                                 @QueryParam("cursor") String cursor) {
        return touchpoints.referrals(Ids.parse(id, "id"), PageRequest.of(limit, cursor, 1), actor())
                .map(page -> page.map(CustomerMapper::referral));
    }

    @POST
    @Path("/{id}/expansions")
    @RolesAllowed({Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "expandCustomer", summary = "Record an expansion",
            description = WRITERS + " A contract's MRR grows by delta (positive Money in the contract's currency); "
            + "kind UPSELL or CROSS_SELL, with a reason. contractId is needed only when more than one contract is in "
            + "force. Emits customer.expanded.v1 (mrrBefore, mrrAfter, delta)." + RETRIES)
    @APIResponse(responseCode = "200", description = "The customer with its new MRR",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "409", description = "The customer is CHURNED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The MRR would exceed the largest amount held",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> expand(@PathParam("id") String id,
            @Parameter(description = "Makes a retried POST return the first response instead of applying twice")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull ExpansionRequest request) {
        UUID customer = Ids.parse(id, "id");
        Actor actor = actor();
        return idempotency.execute(idempotencyKey, actor.id().toString(), request,
                () -> revenue.expand(customer, request.contractId(), request.delta(), request.kind(),
                        request.reason(), actor).map(CustomerResource::withETag));
    }

    @POST
    @Path("/{id}/contractions")
    @RolesAllowed({Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "contractCustomer", summary = "Record a contraction",
            description = WRITERS + " A contract's MRR shrinks by delta (positive Money in the contract's currency, "
            + "at most its MRR); kind DOWNGRADE, SEAT_REDUCTION or DISCOUNT, with a reason. contractId is needed "
            + "only when more than one contract is in force. Emits customer.contracted.v1 (mrrBefore, mrrAfter, "
            + "delta)." + RETRIES)
    @APIResponse(responseCode = "200", description = "The customer with its new MRR",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "409", description = "The customer is CHURNED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The MRR would drop below zero (currentMrr says how much it is)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> contract(@PathParam("id") String id,
            @Parameter(description = "Makes a retried POST return the first response instead of applying twice")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull ContractionRequest request) {
        UUID customer = Ids.parse(id, "id");
        Actor actor = actor();
        return idempotency.execute(idempotencyKey, actor.id().toString(), request,
                () -> revenue.contract(customer, request.contractId(), request.delta(), request.kind(),
                        request.reason(), actor).map(CustomerResource::withETag));
    }

    @POST
    @Path("/{id}/churn")
    @RolesAllowed({Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "churnCustomer", summary = "Churn a customer outside a renewal",
            description = WRITERS + " Reason PRICE, PRODUCT, SUPPORT, COMPETITOR, BUDGET, BUSINESS_CLOSED or OTHER, "
            + "and a note. Every contract in force ends, open renewals close as CHURNED, the customer becomes "
            + "CHURNED. Emits customer.churned.v1 with all MRR lost (renewalId null)." + RETRIES)
    @APIResponse(responseCode = "200", description = "The churned customer",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "409", description = "The customer is already CHURNED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> churn(@PathParam("id") String id,
            @Parameter(description = "Makes a retried POST return the first response instead of applying twice")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull CustomerChurnRequest request) {
        UUID customer = Ids.parse(id, "id");
        Actor actor = actor();
        return idempotency.execute(idempotencyKey, actor.id().toString(), request,
                () -> customers.churn(customer, request.reason(), request.note(), actor)
                        .map(CustomerResource::withETag));
    }

    private Actor actor() {
        return CustomerMapper.actor(caller);
    }

    private static Response withETag(CustomerView customer) {
        return Response.ok(CustomerMapper.customer(customer)).header(HttpHeaders.ETAG, ETags.of(customer.version()))
                .build();
    }

    private static Response created(UUID customer, String collection, Object entity) {
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/v1/customers/" + customer + "/" + collection)
                .entity(entity).build();
    }
}
