package dev.salesplatform.analytics.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.analytics.config.AnalyticsConfig;
import dev.salesplatform.analytics.domain.Coaching;
import dev.salesplatform.analytics.domain.MoneyRate;
import dev.salesplatform.analytics.domain.Rate;
import dev.salesplatform.analytics.domain.RepPeriod;
import dev.salesplatform.analytics.domain.RepRole;
import dev.salesplatform.analytics.persistence.RepQueries;
import dev.salesplatform.analytics.persistence.RepQueries.AeStats;
import dev.salesplatform.analytics.persistence.RepQueries.CsmMoney;
import dev.salesplatform.analytics.persistence.RepQueries.CsmStats;
import dev.salesplatform.analytics.persistence.RepQueries.SdrStats;
import dev.salesplatform.analytics.persistence.RepQueries.Stats;
import dev.salesplatform.analytics.service.RepMetrics.AccountExecutiveFigures;
import dev.salesplatform.analytics.service.RepMetrics.Attainment;
import dev.salesplatform.analytics.service.RepMetrics.CurrencyMrr;
import dev.salesplatform.analytics.service.RepMetrics.CustomerSuccessFigures;
import dev.salesplatform.analytics.service.RepMetrics.KeyMetric;
import dev.salesplatform.analytics.service.RepMetrics.RepRow;
import dev.salesplatform.analytics.service.RepMetrics.SalesDevelopmentFigures;
import dev.salesplatform.kit.money.Money;
import io.smallrye.mutiny.Uni;

/** Per-rep figures of a month or quarter and the one before, with targets and coaching signals. */
@ApplicationScoped
public class RepMetricsService {

    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    private final RepQueries queries;
    private final TargetService targets;
    private final AnalyticsConfig config;

    @Inject
    public RepMetricsService(RepQueries queries, TargetService targets, AnalyticsConfig config) {
        this.queries = queries;
        this.targets = targets;
        this.config = config;
    }

    /**
     * {@code role}: only that role's rows (null: all); {@code onlyRep}: a rep reads only their own row (null: a
     * manager, everyone's).
     */
    public Uni<RepMetrics> reps(RepPeriod period, RepRole role, UUID onlyRep) {
        RepPeriod previous = period.previous();
        return targets.find(null, period).chain(currentTargets -> targets.find(null, previous).chain(previousTargets ->
                queries.figures(period.asPeriod(), previous.asPeriod()).map(figures -> assemble(period, role, onlyRep,
                        figures.now(), figures.before(), currentTargets, previousTargets, figures.completeUntil()))));
    }

    private RepMetrics assemble(RepPeriod period, RepRole roleFilter, UUID onlyRep, Stats now, Stats before,
                                List<TargetView> currentTargets, List<TargetView> previousTargets, Instant complete) {
        String currency = config.reportingCurrency();
        List<RepRow> rows = new ArrayList<>();
        Map<RepRole, List<UUID>> mostImproved = new EnumMap<>(RepRole.class);
        for (RepRole role : RepRole.values()) {
            if (roleFilter != null && roleFilter != role) {
                continue;
            }
            Set<UUID> reps = new LinkedHashSet<>(switch (role) {
                case SDR -> now.sdr().keySet();
                case AE -> now.ae().keySet();
                case CSM -> now.csm().keySet();
            });
            currentTargets.stream().filter(t -> t.metric().role() == role).forEach(t -> reps.add(t.repId()));
            List<Coaching.Figure> figures = new ArrayList<>();
            Map<UUID, List<Attainment>> attainments = new HashMap<>();
            for (UUID rep : reps) {
                List<Attainment> mine = attainments(rep, role, now, currentTargets);
                attainments.put(rep, mine);
                figures.add(new Coaching.Figure(rep, key(role, rep, now, currency), key(role, rep, before, currency),
                        lowest(mine), lowest(attainments(rep, role, before, previousTargets))));
            }
            Map<UUID, Coaching.Signals> signals = Coaching.signals(figures);
            for (Coaching.Figure figure : figures) {
                UUID rep = figure.rep();
                Coaching.Signals s = signals.get(rep);
                rows.add(new RepRow(rep, role,
                        role == RepRole.SDR ? sdr(now.sdr().get(rep)) : null,
                        role == RepRole.AE ? ae(now.ae().get(rep)) : null,
                        role == RepRole.CSM ? csm(now.csm().get(rep)) : null,
                        new KeyMetric(keyName(role, currency), figure.current(), figure.previous(), s.trend()),
                        attainments.get(rep), s.belowTarget(), s.belowMedian(), s.needsSupport()));
            }
            if (onlyRep == null) {
                mostImproved.put(role, Coaching.mostImproved(figures, 3));
            }
        }
        rows.sort(Comparator.comparing(RepRow::role).thenComparing(RepRow::repId));
        if (onlyRep != null) {
            rows.removeIf(row -> !row.repId().equals(onlyRep));
        }
        return new RepMetrics(period, period.previous(), period.asPeriod().from(), period.asPeriod().to(), currency,
                rows, mostImproved, complete);
    }

    /** The role's key metric (see {@link Coaching}); counts and revenue are 0 without activity, NRR null without MRR. */
    private static BigDecimal key(RepRole role, UUID rep, Stats stats, String currency) {
        return switch (role) {
            case SDR -> BigDecimal.valueOf(stats.sdr().containsKey(rep) ? stats.sdr().get(rep).qualifiedInPeriod() : 0);
            case AE -> shown(stats.ae().containsKey(rep)
                    ? stats.ae().get(rep).revenue().getOrDefault(currency, BigDecimal.ZERO) : BigDecimal.ZERO, currency);
            case CSM -> {
                CsmStats csm = stats.csm().get(rep);
                CsmMoney money = csm == null ? null : csm.mrr().get(currency);
                yield money == null || money.startS().signum() == 0 ? null
                        : money.retained().divide(money.startS(), 4, RoundingMode.HALF_EVEN);
            }
        };
    }

    private static String keyName(RepRole role, String currency) {
        return switch (role) {
            case SDR -> "qualifiedLeads";
            case AE -> "revenue" + currency;
            case CSM -> "nrr" + currency;
        };
    }

    private List<Attainment> attainments(UUID rep, RepRole role, Stats stats, List<TargetView> all) {
        List<Attainment> result = new ArrayList<>();
        for (TargetView target : all) {
            if (!target.repId().equals(rep) || target.metric().role() != role) {
                continue;
            }
            BigDecimal actual = actual(target, rep, stats);
            result.add(new Attainment(target.metric(), target.value(), target.currency(), actual,
                    actual == null ? null : MoneyRate.of(actual, target.value())));
        }
        return result;
    }

    private BigDecimal actual(TargetView target, UUID rep, Stats stats) {
        return switch (target.metric()) {
            case QUALIFIED_LEADS -> key(RepRole.SDR, rep, stats, null);
            case REVENUE -> key(RepRole.AE, rep, stats, target.currency());
            case NRR -> key(RepRole.CSM, rep, stats, config.reportingCurrency());
            case RETAINED_MRR -> {
                CsmStats csm = stats.csm().get(rep);
                CsmMoney money = csm == null ? null : csm.mrr().get(target.currency());
                yield shown(money == null ? BigDecimal.ZERO : money.retained(), target.currency());
            }
        };
    }

    /** The weakest attainment (actual / target) among a rep's targets; null without any. */
    private static BigDecimal lowest(List<Attainment> attainments) {
        return attainments.stream().filter(a -> a.attainment() != null && a.attainment().value() != null)
                .map(a -> new BigDecimal(a.attainment().value())).min(Comparator.naturalOrder()).orElse(null);
    }

    private static SalesDevelopmentFigures sdr(SdrStats s) {
        SdrStats stats = s == null ? new SdrStats(0, 0, 0, 0, 0) : s;
        return new SalesDevelopmentFigures(stats.created(), stats.contacted(), stats.qualified(), stats.handedOff(),
                Rate.of(stats.qualified(), stats.created()), Rate.of(stats.handedOff(), stats.created()),
                stats.qualifiedInPeriod());
    }

    private static AccountExecutiveFigures ae(AeStats s) {
        AeStats stats = s == null ? new AeStats(0, 0, null, Map.of()) : s;
        return new AccountExecutiveFigures(stats.won(), stats.lost(), Rate.of(stats.won(), stats.won() + stats.lost()),
                stats.revenue().entrySet().stream().map(e -> Money.of(e.getValue(), e.getKey())).toList(),
                stats.medianCycleSeconds() == null ? null
                        : stats.medianCycleSeconds().divide(SECONDS_PER_DAY, 2, RoundingMode.HALF_EVEN));
    }

    private static CustomerSuccessFigures csm(CsmStats s) {
        CsmStats stats = s == null ? new CsmStats(0, 0, Map.of()) : s;
        return new CustomerSuccessFigures(stats.active(), stats.churned(), stats.mrr().entrySet().stream()
                .map(e -> {
                    String currency = e.getKey();
                    BigDecimal retained = shown(e.getValue().retained(), currency);
                    return new CurrencyMrr(currency, shown(e.getValue().book(), currency), retained,
                            MoneyRate.of(retained, shown(e.getValue().startS(), currency)));
                }).toList());
    }

    /** An amount in its currency's minor units. */
    private static BigDecimal shown(BigDecimal amount, String currency) {
        return Money.of(amount, currency).amount();
    }
}
