package dev.salesplatform.analytics.api;

import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.salesplatform.analytics.domain.RepRole;
import dev.salesplatform.analytics.service.RepMetricsService;
import dev.salesplatform.kit.http.Enums;
import dev.salesplatform.kit.problem.Problem;
import dev.salesplatform.kit.security.Caller;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/analytics/reps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics", description = "Exact metrics from the event log (DESIGN §7)")
public class RepsResource {

    private final Clock clock;
    private final RepMetricsService reps;
    private final Caller caller;

    @Inject
    public RepsResource(Clock clock, RepMetricsService reps, Caller caller) {
        this.clock = clock;
        this.reps = reps;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Caller.SDR, Caller.ACCOUNT_EXECUTIVE, Caller.CUSTOMER_SUCCESS, Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(operationId = "listRepMetrics",
            summary = "Each rep against target and the previous period", description = "Roles: sales-manager and "
            + "admin see every rep; sdr, account-executive and customer-success only their own row. Per rep and role "
            + "for a month (2027-03) or quarter (2027-Q1, default: the current month): SDRs (leads they own: created, "
            + "contacted, qualified, handed off, rates; qualified in the period), AEs (deals won and lost, win rate, "
            + "revenue per currency, median cycle), CSMs (active and churned customers, book MRR, retained MRR and NRR "
            + "per currency). Each row has its key metric now, before and the trend, its targets with attainment, "
            + "and coaching signals: needsSupport when below target or the role's median in both periods; "
            + "mostImproved lists the largest rises per role. completeUntil says how fresh the figures are.")
    @APIResponse(responseCode = "200", description = "The reps",
            content = @Content(schema = @Schema(implementation = RepsResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid period or role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a sales role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RepsResponse> reps(
            @Parameter(description = "A month (2027-03) or a quarter (2027-Q1)") @QueryParam("period") String period,
            @Parameter(description = "SDR, AE or CSM") @QueryParam("role") String role) {
        boolean manager = caller.has(Caller.SALES_MANAGER) || caller.has(Caller.ADMIN);
        return reps.reps(TargetResource.periodOrCurrent(period, clock), Enums.parse(RepRole.class, role, "role"),
                manager ? null : caller.id()).map(RepMetricsMapper::reps);
    }
}
