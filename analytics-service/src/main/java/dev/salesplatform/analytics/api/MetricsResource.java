package dev.salesplatform.analytics.api;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

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

import dev.salesplatform.analytics.domain.ConversionGroup;
import dev.salesplatform.analytics.domain.Interval;
import dev.salesplatform.analytics.domain.LeadSource;
import dev.salesplatform.analytics.domain.Period;
import dev.salesplatform.analytics.domain.TimeSeriesMetric;
import dev.salesplatform.analytics.service.MetricsService;
import dev.salesplatform.kit.http.Enums;
import dev.salesplatform.kit.http.Ids;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.security.Caller;
import dev.salesplatform.kit.validation.Iso4217;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/analytics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.SALES_MANAGER, Caller.ADMIN})
@Tag(name = "Analytics", description = "Exact metrics from the event log (DESIGN §7)")
public class MetricsResource {

    private static final String PERIOD = " Periods are half-open [from, to) in UTC on event time; from and to are "
            + "ISO dates or instants, by default the current month. completeUntil says up to which event time the "
            + "figures are complete.";

    static final int MAX_POINTS = 1000;

    private final Clock clock;
    private final MetricsService metrics;

    @Inject
    public MetricsResource(Clock clock, MetricsService metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    @GET
    @Path("/funnel")
    @Operation(operationId = "getLeadFunnel",
            summary = "Lead funnel of a cohort", description = "Roles: sales-manager, admin. Leads created in the "
            + "period, and how many of them were ever contacted, qualified, handed off and won (their deal won), each "
            + "stage with its rate against created and against the previous stage; conversionRate = won / created."
            + PERIOD)
    @APIResponse(responseCode = "200", description = "The funnel",
            content = @Content(schema = @Schema(implementation = FunnelResponse.class)))
    public Uni<FunnelResponse> funnel(
            @Parameter(description = "Start, inclusive", example = "2027-01-01") @QueryParam("from") String from,
            @Parameter(description = "End, exclusive", example = "2027-04-01") @QueryParam("to") String to,
            @Parameter(description = "Only leads owned by this user id") @QueryParam("owner") String owner,
            @Parameter(description = "Only leads from this source") @QueryParam("source") String source) {
        LeadSource sourceFilter = Enums.parse(LeadSource.class, source, "source");
        return metrics.funnel(period(from, to), owner(owner), sourceFilter == null ? null : sourceFilter.name())
                .map(MetricsMapper::funnel);
    }

    @GET
    @Path("/conversion")
    @Operation(operationId = "getLeadConversion",
            summary = "Conversion rate by source, owner, week or month", description = "Roles: sales-manager, "
            + "admin. Of the leads created in the period, won / created per group (groupBy=source for marketing "
            + "attribution, owner, week (from Monday) or month), and for all of them." + PERIOD)
    @APIResponse(responseCode = "200", description = "One row per group, in key order",
            content = @Content(schema = @Schema(implementation = ConversionResponse.class)))
    public Uni<ConversionResponse> conversion(
            @Parameter(description = "Start, inclusive", example = "2027-01-01") @QueryParam("from") String from,
            @Parameter(description = "End, exclusive", example = "2027-04-01") @QueryParam("to") String to,
            @Parameter(description = "source (default), owner, week or month") @QueryParam("groupBy") String groupBy) {
        ConversionGroup group = groupBy == null || groupBy.isBlank() ? ConversionGroup.SOURCE
                : ConversionGroup.fromParameter(groupBy.strip()).orElseThrow(() ->
                        ProblemException.invalidField("groupBy", "must be source, owner, week or month"));
        return metrics.conversion(period(from, to), group).map(MetricsMapper::conversion);
    }

    @GET
    @Path("/deals")
    @Operation(operationId = "getDealMetrics",
            summary = "Win rate, deal size, sales cycle and lost reasons", description = "Roles: sales-manager, "
            + "admin. Of the deals closed in the period: won, lost, win rate = won / (won + lost); per currency the "
            + "won total and average; the sales cycle (days from deal.created to deal.won, median and mean) of the "
            + "deals won; lost reasons by count." + PERIOD)
    @APIResponse(responseCode = "200", description = "The deal metrics",
            content = @Content(schema = @Schema(implementation = DealsResponse.class)))
    public Uni<DealsResponse> deals(
            @Parameter(description = "Start, inclusive", example = "2027-01-01") @QueryParam("from") String from,
            @Parameter(description = "End, exclusive", example = "2027-04-01") @QueryParam("to") String to,
            @Parameter(description = "Only deals owned by this account executive") @QueryParam("owner") String owner) {
        return metrics.deals(period(from, to), owner(owner)).map(MetricsMapper::deals);
    }

    @GET
    @Path("/pipeline")
    @Operation(operationId = "getPipelineMetrics",
            summary = "Open pipeline now", description = "Roles: sales-manager, admin. Open deals per pipeline "
            + "stage and currency: count, amount and weighted amount (amount x the stage's win probability); and the "
            + "forecast by expected close month. completeUntil says up to which event time it is complete.")
    @APIResponse(responseCode = "200", description = "The pipeline",
            content = @Content(schema = @Schema(implementation = PipelineResponse.class)))
    public Uni<PipelineResponse> pipeline(
            @Parameter(description = "Only deals owned by this account executive") @QueryParam("owner") String owner) {
        return metrics.pipeline(owner(owner)).map(MetricsMapper::pipeline);
    }

    @GET
    @Path("/retention")
    @Operation(operationId = "getRetentionMetrics",
            summary = "Customer and revenue retention", description = "Roles: sales-manager, admin. S = customers "
            + "active at from, E = active at to, N = onboarded in the period: customer retention rate (E - N) / S, logo "
            + "churn (churned among S) / S; per currency the MRR at from and to and its movements (new, expansion, "
            + "contraction, churn), GRR = (MRR_S - contraction - churn) / MRR_S and NRR = (MRR_S + expansion - "
            + "contraction - churn) / MRR_S over S only; renewal rate = renewed / (renewed + churned at renewal); "
            + "NPS = % promoters - % detractors of the feedback in the period." + PERIOD)
    @APIResponse(responseCode = "200", description = "The retention figures",
            content = @Content(schema = @Schema(implementation = RetentionResponse.class)))
    public Uni<RetentionResponse> retention(
            @Parameter(description = "Start, inclusive", example = "2027-01-01") @QueryParam("from") String from,
            @Parameter(description = "End, exclusive", example = "2027-04-01") @QueryParam("to") String to,
            @Parameter(description = "Only customers of this CSM (user id)") @QueryParam("csm") String csm) {
        return metrics.retention(period(from, to), csm == null || csm.isBlank() ? null : Ids.parse(csm.strip(), "csm"))
                .map(MetricsMapper::retention);
    }

    @GET
    @Path("/timeseries")
    @Operation(operationId = "getMetricTimeSeries",
            summary = "One metric by day, week or month", description = "Roles: sales-manager, admin. Counts of "
            + "leads created, contacted, qualified or handed off, deals created, won or lost, or the revenue won in one "
            + "currency, per bucket (day, week from Monday, month; UTC), every bucket present (0 when empty); at most "
            + MAX_POINTS + " buckets." + PERIOD)
    @APIResponse(responseCode = "200", description = "The series",
            content = @Content(schema = @Schema(implementation = TimeSeriesResponse.class)))
    public Uni<TimeSeriesResponse> timeSeries(
            @Parameter(description = "leads-created, leads-contacted, leads-qualified, leads-handed-off, "
                    + "deals-created, deals-won, deals-lost or revenue-won", required = true)
            @QueryParam("metric") String metric,
            @Parameter(description = "day, week or month (default)") @QueryParam("interval") String interval,
            @Parameter(description = "For revenue-won: the currency (ISO-4217), required") @QueryParam("currency")
            String currency,
            @Parameter(description = "Start, inclusive", example = "2027-01-01") @QueryParam("from") String from,
            @Parameter(description = "End, exclusive", example = "2027-04-01") @QueryParam("to") String to) {
        if (metric == null || metric.isBlank()) {
            throw ProblemException.invalidField("metric", "is required: one of " + TimeSeriesMetric.documented());
        }
        TimeSeriesMetric what = TimeSeriesMetric.fromParameter(metric.strip()).orElseThrow(() ->
                ProblemException.invalidField("metric", "must be one of " + TimeSeriesMetric.documented()));
        Interval bucket = interval == null || interval.isBlank() ? Interval.MONTH
                : Interval.fromParameter(interval.strip()).orElseThrow(() ->
                        ProblemException.invalidField("interval", "must be day, week or month"));
        if (what.money() && !Iso4217.Validator.isCurrency(currency)) {
            throw ProblemException.invalidField("currency", "is required for " + what.parameter()
                    + ": an ISO-4217 code such as EUR");
        }
        Period period = period(from, to);
        long days = Duration.between(period.from(), period.to()).toDays();
        long points = switch (bucket) {
            case DAY -> days;
            case WEEK -> days / 7;
            case MONTH -> days / 28;
        };
        if (points > MAX_POINTS) {
            throw ProblemException.invalidField("to", "the period has more than " + MAX_POINTS + " " + bucket.parameter()
                    + " buckets");
        }
        return metrics.timeSeries(what, bucket, currency, period).map(MetricsMapper::timeSeries);
    }

    private Period period(String from, String to) {
        try {
            return Period.parse(from, to, clock.instant());
        } catch (Period.InvalidPeriodException e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        }
    }

    private static UUID owner(String owner) {
        return owner == null || owner.isBlank() ? null : Ids.parse(owner.strip(), "owner");
    }
}
