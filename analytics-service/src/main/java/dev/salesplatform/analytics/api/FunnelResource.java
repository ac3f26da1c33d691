package dev.salesplatform.analytics.api;

import java.time.Instant;

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

import dev.salesplatform.analytics.domain.LeadSource;
import dev.salesplatform.analytics.domain.Period;
import dev.salesplatform.analytics.persistence.AnalyticsQueries;
import dev.salesplatform.kit.http.Enums;
import dev.salesplatform.kit.http.Ids;
import dev.salesplatform.kit.problem.Problem;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.security.Caller;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/analytics/funnel")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics", description = "Exact metrics from the event log")
public class FunnelResource {

    @Inject
    AnalyticsQueries queries;

    @GET
    @RolesAllowed({Caller.SALES_MANAGER, Caller.ADMIN})
    @Operation(summary = "Lead funnel of a cohort",
            description = "Roles: sales-manager, admin. Counts leads created in the half-open period [from, to) "
                    + "(UTC, event time); default period: the current month.")
    @APIResponse(responseCode = "200", description = "The funnel",
            content = @Content(schema = @Schema(implementation = FunnelResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid period or filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a manager or admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<FunnelResponse> funnel(
            @Parameter(description = "Start, inclusive: ISO date or instant (UTC)", example = "2026-11-01")
            @QueryParam("from") String from,
            @Parameter(description = "End, exclusive: ISO date or instant (UTC)", example = "2026-12-01")
            @QueryParam("to") String to,
            @Parameter(description = "Only leads owned by this user id") @QueryParam("owner") String owner,
            @Parameter(description = "Only leads from this source") @QueryParam("source") String source) {
        Period period;
        try {
            period = Period.parse(from, to, Instant.now());
        } catch (Period.InvalidPeriodException e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        }
        LeadSource sourceFilter = Enums.parse(LeadSource.class, source, "source");
        return queries.funnel(period, owner == null ? null : Ids.parse(owner, "owner"),
                sourceFilter == null ? null : sourceFilter.name());
    }
}
