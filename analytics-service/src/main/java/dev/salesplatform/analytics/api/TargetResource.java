package dev.salesplatform.analytics.api;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.salesplatform.analytics.domain.RepPeriod;
import dev.salesplatform.analytics.domain.TargetMetric;
import dev.salesplatform.analytics.service.TargetService;
import dev.salesplatform.kit.http.Enums;
import dev.salesplatform.kit.http.Ids;
import dev.salesplatform.kit.input.InputRules;
import dev.salesplatform.kit.money.Money;
import dev.salesplatform.kit.problem.Problem;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.security.Caller;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/analytics/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Targets", description = "Per rep and month or quarter; attainment shows in /analytics/reps")
public class TargetResource {

    private final TargetService targets;
    private final Caller caller;

    @Inject
    public TargetResource(TargetService targets, Caller caller) {
        this.targets = targets;
        this.caller = caller;
    }

    @PUT
    @Path("/{repId}/{period}/{metric}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "setRepTarget",
            summary = "Set a rep's target", description = "Roles: sales-manager, admin. period is a month "
            + "(2027-03) or a quarter (2027-Q1); metric REVENUE (account executives, an amount with currency), "
            + "QUALIFIED_LEADS (SDRs, a whole number), NRR (CSMs, a ratio such as 1.05) or RETAINED_MRR (CSMs, an "
            + "amount with currency). Replaces the target if there is one.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = TargetDto.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = TargetDto.class)))
    public Uni<Response> set(@PathParam("repId") String repId, @PathParam("period") String period,
                             @PathParam("metric") String metric, @Valid @NotNull SetTargetRequest request) {
        TargetMetric what = metric(metric);
        if (what.money() != (request.currency() != null)) {
            throw ProblemException.invalidField("currency", what.money() ? "is required for " + what
                    : "is not allowed for " + what);
        }
        if (what == TargetMetric.QUALIFIED_LEADS && request.value().stripTrailingZeros().scale() > 0) {
            throw ProblemException.invalidField("value", "must be a whole number of leads");
        }
        // An amount is shown in its currency's minor units: 10.001 EUR would read back as 10.00.
        if (what.money() && !Money.isExact(request.value(), request.currency())) {
            throw ProblemException.invalidField("value", "has more decimals than " + request.currency() + " has ("
                    + Money.minorUnits(request.currency()) + ")");
        }
        return targets.set(Ids.parse(repId, "repId"), period(period), what, request.value(), request.currency(),
                        caller.id().toString())
                .map(saved -> Response.status(saved.created() ? 201 : 200).entity(TargetMapper.target(saved.target()))
                        .build());
    }

    @GET
    @RolesAllowed({Caller.SDR, Caller.ACCOUNT_EXECUTIVE, Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "listRepTargets",
            summary = "Targets", description = "Roles: sales-manager and admin read every rep's; sdr, "
            + "account-executive and customer-success only their own (another rep is 403).")
    @APIResponse(responseCode = "200", description = "The targets, by period, rep and metric",
            content = @Content(schema = @Schema(implementation = TargetDto.class, type = SchemaType.ARRAY)))
    public Uni<List<TargetDto>> list(@Parameter(description = "Only this rep's") @QueryParam("rep") String rep,
                                     @Parameter(description = "Only this month or quarter, e.g. 2027-Q1")
                                     @QueryParam("period") String period) {
        UUID repId = rep == null || rep.isBlank() ? null : Ids.parse(rep.strip(), "rep");
        if (!manager()) {
            if (repId != null && !repId.equals(caller.id())) {
                throw new ProblemException(403, "forbidden", "Forbidden", "You can only read your own targets");
            }
            repId = caller.id();
        }
        return targets.find(repId, period == null || period.isBlank() ? null : period(period))
                .map(found -> found.stream().map(TargetMapper::target).toList());
    }

    @DELETE
    @Path("/{repId}/{period}/{metric}")
    @RolesAllowed({Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "deleteRepTarget",
            summary = "Remove a rep's target", description = "Roles: sales-manager, admin.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such target",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> delete(@PathParam("repId") String repId, @PathParam("period") String period,
                                @PathParam("metric") String metric) {
        UUID rep = Ids.parse(repId, "repId");
        RepPeriod when = period(period);
        TargetMetric what = metric(metric);
        return targets.delete(rep, when, what).map(deleted -> {
            if (!deleted) {
                throw new ProblemException(404, "not-found", "Not found", "No " + what + " target for " + rep + " in " + when);
            }
            return Response.noContent().build();
        });
    }

    static RepPeriod period(String value) {
        RepPeriod period = RepPeriod.parse(value == null ? null : value.strip());
        if (period == null) {
            throw ProblemException.invalidField("period", "must be a month (2027-03) or a quarter (2027-Q1) in the years "
                    + InputRules.MIN_YEAR + " to " + InputRules.MAX_YEAR);
        }
        return period;
    }

    /** The metric segment of a target's path: required, blank included. */
    static TargetMetric metric(String value) {
        TargetMetric metric = Enums.parse(TargetMetric.class, value, "metric");
        if (metric == null) {
            throw ProblemException.invalidField("metric", "is required: one of " + List.of(TargetMetric.values()));
        }
        return metric;
    }

    static RepPeriod periodOrCurrent(String value, Clock clock) {
        return value == null || value.isBlank() ? RepPeriod.currentMonth(clock.instant()) : period(value);
    }

    private boolean manager() {
        return caller.has(Caller.SALES_MANAGER) || caller.has(Caller.ADMIN);
    }
}
