package dev.salesplatform.analytics.api;

import static dev.salesplatform.analytics.api.MetricsMapper.text;

import dev.salesplatform.analytics.service.RepMetrics;

/** The reps' figures as the API shows them. */
final class RepMetricsMapper {

    private RepMetricsMapper() {
    }

    static RepsResponse reps(RepMetrics reps) {
        return new RepsResponse(reps.period().toString(), reps.previousPeriod().toString(), reps.from(), reps.to(),
                reps.reportingCurrency(), reps.rows().stream().map(RepMetricsMapper::row).toList(),
                reps.mostImproved(), reps.completeUntil());
    }

    private static RepsResponse.Row row(RepMetrics.RepRow row) {
        RepMetrics.KeyMetric key = row.keyMetric();
        return new RepsResponse.Row(row.repId(), row.role(), sdr(row.sdr()), ae(row.ae()), csm(row.csm()),
                new RepsResponse.KeyMetric(key.name(), text(key.current()), text(key.previous()), text(key.trend())),
                row.targets().stream().map(a -> new RepsResponse.Attainment(a.metric(), text(a.target()), a.currency(),
                        text(a.actual()), MoneyRateDto.of(a.attainment()))).toList(),
                row.belowTarget(), row.belowMedian(), row.needsSupport());
    }

    private static RepsResponse.Sdr sdr(RepMetrics.SalesDevelopmentFigures sdr) {
        return sdr == null ? null : new RepsResponse.Sdr(sdr.leadsCreated(), sdr.contacted(), sdr.qualified(),
                sdr.handedOff(), RateDto.of(sdr.qualificationRate()), RateDto.of(sdr.handOffRate()),
                sdr.qualifiedInPeriod());
    }

    private static RepsResponse.Ae ae(RepMetrics.AccountExecutiveFigures ae) {
        return ae == null ? null : new RepsResponse.Ae(ae.won(), ae.lost(), RateDto.of(ae.winRate()), ae.revenue(),
                text(ae.medianCycleDays()));
    }

    private static RepsResponse.Csm csm(RepMetrics.CustomerSuccessFigures csm) {
        return csm == null ? null : new RepsResponse.Csm(csm.activeCustomers(), csm.churnedCustomers(),
                csm.mrr().stream().map(m -> new RepsResponse.CsmMrr(m.currency(), text(m.bookMrr()),
                        text(m.retainedMrr()), MoneyRateDto.of(m.netRevenueRetention()))).toList());
    }
}
