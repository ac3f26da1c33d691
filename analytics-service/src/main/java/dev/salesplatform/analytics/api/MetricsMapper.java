package dev.salesplatform.analytics.api;

import java.math.BigDecimal;

import dev.salesplatform.analytics.service.Conversion;
import dev.salesplatform.analytics.service.DealMetrics;
import dev.salesplatform.analytics.service.Funnel;
import dev.salesplatform.analytics.service.Pipeline;
import dev.salesplatform.analytics.service.Retention;
import dev.salesplatform.analytics.service.TimeSeries;

/** The metrics as the API shows them: decimals as plain strings, rates with what they are made of. */
final class MetricsMapper {

    private MetricsMapper() {
    }

    static FunnelResponse funnel(Funnel funnel) {
        return new FunnelResponse(funnel.from(), funnel.to(), funnel.owner(), funnel.source(), funnel.created(),
                funnel.stages().stream().map(s -> new FunnelResponse.Stage(s.stage(), s.count(), RateDto.of(s.ofCreated()),
                        RateDto.of(s.ofPrevious()))).toList(),
                RateDto.of(funnel.conversionRate()), funnel.completeUntil());
    }

    static ConversionResponse conversion(Conversion conversion) {
        return new ConversionResponse(conversion.from(), conversion.to(), conversion.groupBy().parameter(),
                conversion.groups().stream().map(g -> new ConversionResponse.Row(g.key(), g.created(), g.won(),
                        RateDto.of(g.conversionRate()))).toList(),
                RateDto.of(conversion.total()), conversion.completeUntil());
    }

    static DealsResponse deals(DealMetrics deals) {
        DealMetrics.SalesCycle cycle = deals.salesCycleDays();
        return new DealsResponse(deals.from(), deals.to(), deals.owner(), deals.won(), deals.lost(),
                RateDto.of(deals.winRate()),
                deals.wonSize().stream().map(w -> new DealsResponse.WonSize(w.currency(), w.count(), w.total(),
                        w.average())).toList(),
                new DealsResponse.SalesCycle(cycle.deals(), cycle.median(), cycle.mean()),
                deals.lostReasons().stream().map(r -> new DealsResponse.LostReason(r.reason(), r.count())).toList(),
                deals.completeUntil());
    }

    static PipelineResponse pipeline(Pipeline pipeline) {
        return new PipelineResponse(pipeline.owner(),
                pipeline.stages().stream().map(s -> new PipelineResponse.StageRow(s.pipelineId(), s.stage(),
                        s.winProbability(), s.currency(), s.count(), s.amount(), s.weighted())).toList(),
                pipeline.forecast().stream().map(f -> new PipelineResponse.ForecastRow(f.month(), f.currency(),
                        f.count(), f.amount(), f.weighted())).toList(),
                pipeline.completeUntil());
    }

    static TimeSeriesResponse timeSeries(TimeSeries series) {
        return new TimeSeriesResponse(series.metric().parameter(), series.interval().parameter(), series.currency(),
                series.from(), series.to(),
                series.points().stream().map(p -> new TimeSeriesResponse.Point(p.bucket(), text(p.value()))).toList(),
                series.completeUntil());
    }

    static RetentionResponse retention(Retention retention) {
        Retention.Customers customers = retention.customers();
        Retention.Nps nps = retention.nps();
        return new RetentionResponse(retention.from(), retention.to(), retention.csm(),
                new RetentionResponse.Customers(customers.start(), customers.end(), customers.onboarded(),
                        customers.churned()),
                RateDto.of(retention.customerRetentionRate()), RateDto.of(retention.logoChurnRate()),
                retention.mrr().stream().map(m -> new RetentionResponse.Mrr(m.currency(), text(m.start()),
                        text(m.newBusiness()), text(m.expansion()), text(m.contraction()), text(m.churn()),
                        text(m.end()), MoneyRateDto.of(m.grossRevenueRetention()),
                        MoneyRateDto.of(m.netRevenueRetention()))).toList(),
                RateDto.of(retention.renewalRate()),
                new RetentionResponse.Nps(nps.responses(), nps.promoters(), nps.passives(), nps.detractors(),
                        text(nps.score())),
                retention.completeUntil());
    }

    /** A decimal as the API writes it: a plain string, null for null. */
    static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
