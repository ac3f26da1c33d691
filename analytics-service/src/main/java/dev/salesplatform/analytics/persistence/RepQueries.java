package dev.salesplatform.analytics.persistence;

import static dev.salesplatform.analytics.persistence.ProjectionReader.completeUntil;
import static dev.salesplatform.analytics.persistence.ProjectionReader.query;
import static dev.salesplatform.analytics.persistence.ProjectionReader.utc;

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
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.analytics.api.MoneyDto;
import dev.salesplatform.analytics.api.RepsResponse;
import dev.salesplatform.analytics.api.TargetDto;
import dev.salesplatform.analytics.config.AnalyticsConfig;
import dev.salesplatform.analytics.domain.Coaching;
import dev.salesplatform.analytics.domain.MoneyRate;
import dev.salesplatform.analytics.domain.Period;
import dev.salesplatform.analytics.domain.Rate;
import dev.salesplatform.analytics.domain.RepPeriod;
import dev.salesplatform.analytics.domain.RepRole;
import dev.salesplatform.analytics.domain.TargetMetric;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Per-rep figures of a month or quarter and the one before, with targets and coaching signals. */
@ApplicationScoped
public class RepQueries {

    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
    private static final String SDR = """
            WITH l AS (
                SELECT l.*, l.won_at IS NOT NULL AS won, l.created_at >= $1 AND l.created_at < $2 AS in_cohort
                FROM {s}.lead_fact l
                WHERE l.owner_id IS NOT NULL
                  AND ((l.created_at >= $1 AND l.created_at < $2) OR (l.qualified_at >= $1 AND l.qualified_at < $2)))
            SELECT owner_id, count(*) FILTER (WHERE in_cohort),
                   count(*) FILTER (WHERE in_cohort AND (won OR handed_off_at IS NOT NULL OR qualified_at IS NOT NULL OR contacted_at IS NOT NULL)),
                   count(*) FILTER (WHERE in_cohort AND (won OR handed_off_at IS NOT NULL OR qualified_at IS NOT NULL)),
                   count(*) FILTER (WHERE in_cohort AND (won OR handed_off_at IS NOT NULL)),
                   count(*) FILTER (WHERE qualified_at >= $1 AND qualified_at < $2)
            FROM l GROUP BY owner_id""";
    private static final String AE = """
            SELECT owner_id, count(*) FILTER (WHERE won_at >= $1 AND won_at < $2),
                   count(*) FILTER (WHERE lost_at >= $1 AND lost_at < $2),
                   extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY won_at - created_at)
                       FILTER (WHERE won_at >= $1 AND won_at < $2 AND created_at IS NOT NULL))
            FROM {s}.deal_fact
            WHERE owner_id IS NOT NULL AND ((won_at >= $1 AND won_at < $2) OR (lost_at >= $1 AND lost_at < $2))
            GROUP BY owner_id""";
    private static final String AE_REVENUE = """
            SELECT owner_id, final_currency, sum(final_amount) FROM {s}.deal_fact
            WHERE owner_id IS NOT NULL AND won_at >= $1 AND won_at < $2 GROUP BY 1, 2""";
    private static final String CSM = """
            SELECT csm_id, count(*) FILTER (WHERE onboarded_at < $2 AND (churned_at IS NULL OR churned_at >= $2)),
                   count(*) FILTER (WHERE churned_at >= $1 AND churned_at < $2)
            FROM {s}.customer_fact WHERE csm_id IS NOT NULL AND onboarded_at IS NOT NULL AND onboarded_at < $2
            GROUP BY csm_id""";
    private static final String CSM_MRR = """
            WITH c AS (
                SELECT customer_id, csm_id, (onboarded_at < $1 AND (churned_at IS NULL OR churned_at >= $1)) AS in_s
                FROM {s}.customer_fact WHERE csm_id IS NOT NULL AND onboarded_at IS NOT NULL),
            m AS (
                SELECT m.*, c.csm_id, c.in_s, m.occurred_at >= $1 AS in_period
                FROM {s}.mrr_movement m JOIN c USING (customer_id) WHERE m.occurred_at < $2)
            SELECT csm_id, currency, coalesce(sum(amount), 0),
                   coalesce(sum(amount) FILTER (WHERE in_s AND NOT in_period), 0),
                   coalesce(sum(amount) FILTER (WHERE in_s AND in_period), 0) - coalesce(sum(amount) FILTER (WHERE in_s AND in_period AND kind = 'NEW'), 0)
            FROM m GROUP BY 1, 2""";

    @Inject
    ProjectionReader reader;

    @Inject
    TargetRepository targets;

    @Inject
    AnalyticsConfig config;

    private record SdrStats(long created, long contacted, long qualified, long handedOff, long qualifiedInPeriod) {
    }

    private record AeStats(long won, long lost, BigDecimal medianCycleSeconds, Map<String, BigDecimal> revenue) {
    }

    /** Per currency: book MRR at the end, MRR of S at the start, and S's net movement in the period. */
    private record CsmMoney(BigDecimal book, BigDecimal startS, BigDecimal movedS) {

        BigDecimal retained() {
            return startS.add(movedS);
        }
    }

    private record CsmStats(long active, long churned, Map<String, CsmMoney> mrr) {
    }

    private record Stats(Map<UUID, SdrStats> sdr, Map<UUID, AeStats> ae, Map<UUID, CsmStats> csm) {
    }

    /** {@code onlyRep}: a rep reads only their own row (null: a manager, everyone's). */
    public Uni<RepsResponse> reps(RepPeriod period, RepRole role, UUID onlyRep) {
        RepPeriod previous = period.previous();
        return targets.find(null, period).chain(currentTargets -> targets.find(null, previous).chain(previousTargets ->
                reader.read((connection, schema) -> stats(connection, schema, period.asPeriod()).chain(now ->
                        stats(connection, schema, previous.asPeriod()).chain(before ->
                        completeUntil(connection, schema).map(complete -> assemble(period, role, onlyRep, now, before,
                                currentTargets, previousTargets, complete)))))));
    }

    private RepsResponse assemble(RepPeriod period, RepRole roleFilter, UUID onlyRep, Stats now, Stats before,
                                  List<TargetDto> currentTargets, List<TargetDto> previousTargets,
                                  Instant complete) {
        String currency = config.reportingCurrency();
        List<RepsResponse.Row> rows = new ArrayList<>();
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
            Map<UUID, List<RepsResponse.Attainment>> attainments = new HashMap<>();
            for (UUID rep : reps) {
                List<RepsResponse.Attainment> mine = attainments(rep, role, now, currentTargets);
                attainments.put(rep, mine);
                figures.add(new Coaching.Figure(rep, key(role, rep, now, currency), key(role, rep, before, currency),
                        lowest(mine), lowest(attainments(rep, role, before, previousTargets))));
            }
            Map<UUID, Coaching.Signals> signals = Coaching.signals(figures);
            for (Coaching.Figure figure : figures) {
                UUID rep = figure.rep();
                Coaching.Signals s = signals.get(rep);
                rows.add(new RepsResponse.Row(rep, role,
                        role == RepRole.SDR ? sdr(now.sdr().get(rep)) : null,
                        role == RepRole.AE ? ae(now.ae().get(rep)) : null,
                        role == RepRole.CSM ? csm(now.csm().get(rep)) : null,
                        new RepsResponse.KeyMetric(keyName(role, currency), text(figure.current()), text(figure.previous()),
                                text(s.trend())),
                        attainments.get(rep), s.belowTarget(), s.belowMedian(), s.needsSupport()));
            }
            if (onlyRep == null) {
                mostImproved.put(role, Coaching.mostImproved(figures, 3));
            }
        }
        rows.sort(Comparator.comparing(RepsResponse.Row::role).thenComparing(RepsResponse.Row::repId));
        if (onlyRep != null) {
            rows.removeIf(row -> !row.repId().equals(onlyRep));
        }
        return new RepsResponse(period.toString(), period.previous().toString(), period.asPeriod().from(),
                period.asPeriod().to(), currency, rows, mostImproved, complete);
    }

    private Uni<Stats> stats(SqlConnection connection, String schema, Period period) {
        Tuple range = Tuple.of(utc(period.from()), utc(period.to()));
        Stats stats = new Stats(new HashMap<>(), new HashMap<>(), new HashMap<>());
        return query(connection, schema, SDR, range).invoke(rows -> rows.forEach(r -> stats.sdr().put(r.getUUID(0),
                        new SdrStats(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5)))))
                .chain(() -> query(connection, schema, AE, range)).invoke(rows -> rows.forEach(r -> stats.ae().put(
                        r.getUUID(0), new AeStats(r.getLong(1), r.getLong(2), r.getBigDecimal(3), new TreeMap<>()))))
                .chain(() -> query(connection, schema, AE_REVENUE, range)).invoke(rows -> rows.forEach(r -> stats.ae()
                        .computeIfAbsent(r.getUUID(0), id -> new AeStats(0, 0, null, new TreeMap<>()))
                        .revenue().put(r.getString(1), r.getBigDecimal(2))))
                .chain(() -> query(connection, schema, CSM, range)).invoke(rows -> rows.forEach(r -> {
                    if (r.getLong(1) > 0 || r.getLong(2) > 0) {
                        stats.csm().put(r.getUUID(0), new CsmStats(r.getLong(1), r.getLong(2), new TreeMap<>()));
                    }
                }))
                .chain(() -> query(connection, schema, CSM_MRR, range)).invoke(rows -> rows.forEach(r -> {
                    CsmStats csm = stats.csm().get(r.getUUID(0));
                    if (csm != null) {
                        csm.mrr().put(r.getString(1), new CsmMoney(r.getBigDecimal(2), r.getBigDecimal(3),
                                r.getBigDecimal(4)));
                    }
                }))
                .replaceWith(stats);
    }

    /** The role's key metric (see {@link Coaching}); counts and revenue are 0 without activity, NRR null without MRR. */
    private static BigDecimal key(RepRole role, UUID rep, Stats stats, String currency) {
        return switch (role) {
            case SDR -> BigDecimal.valueOf(stats.sdr().containsKey(rep) ? stats.sdr().get(rep).qualifiedInPeriod() : 0);
            case AE -> cents(stats.ae().containsKey(rep)
                    ? stats.ae().get(rep).revenue().getOrDefault(currency, BigDecimal.ZERO) : BigDecimal.ZERO);
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

    private List<RepsResponse.Attainment> attainments(UUID rep, RepRole role, Stats stats, List<TargetDto> all) {
        List<RepsResponse.Attainment> result = new ArrayList<>();
        for (TargetDto target : all) {
            if (!target.repId().equals(rep) || target.metric().role() != role) {
                continue;
            }
            BigDecimal actual = actual(target, rep, stats);
            BigDecimal goal = new BigDecimal(target.value());
            result.add(new RepsResponse.Attainment(target.metric(), target.value(), target.currency(),
                    actual == null ? null : actual.toPlainString(), actual == null ? null : MoneyRate.of(actual, goal)));
        }
        return result;
    }

    private BigDecimal actual(TargetDto target, UUID rep, Stats stats) {
        return switch (target.metric()) {
            case QUALIFIED_LEADS -> key(RepRole.SDR, rep, stats, null);
            case REVENUE -> key(RepRole.AE, rep, stats, target.currency());
            case NRR -> key(RepRole.CSM, rep, stats, config.reportingCurrency());
            case RETAINED_MRR -> {
                CsmStats csm = stats.csm().get(rep);
                CsmMoney money = csm == null ? null : csm.mrr().get(target.currency());
                yield cents(money == null ? BigDecimal.ZERO : money.retained());
            }
        };
    }

    /** The weakest attainment (actual / target) among a rep's targets; null without any. */
    private static BigDecimal lowest(List<RepsResponse.Attainment> attainments) {
        return attainments.stream().filter(a -> a.attainment() != null && a.attainment().value() != null)
                .map(a -> new BigDecimal(a.attainment().value())).min(Comparator.naturalOrder()).orElse(null);
    }

    private static RepsResponse.Sdr sdr(SdrStats s) {
        SdrStats stats = s == null ? new SdrStats(0, 0, 0, 0, 0) : s;
        return new RepsResponse.Sdr(stats.created(), stats.contacted(), stats.qualified(), stats.handedOff(),
                Rate.of(stats.qualified(), stats.created()), Rate.of(stats.handedOff(), stats.created()),
                stats.qualifiedInPeriod());
    }

    private static RepsResponse.Ae ae(AeStats s) {
        AeStats stats = s == null ? new AeStats(0, 0, null, Map.of()) : s;
        return new RepsResponse.Ae(stats.won(), stats.lost(), Rate.of(stats.won(), stats.won() + stats.lost()),
                stats.revenue().entrySet().stream().map(e -> new MoneyDto(cents(e.getValue()), e.getKey())).toList(),
                stats.medianCycleSeconds() == null ? null
                        : stats.medianCycleSeconds().divide(SECONDS_PER_DAY, 2, RoundingMode.HALF_EVEN).toPlainString());
    }

    private static RepsResponse.Csm csm(CsmStats s) {
        CsmStats stats = s == null ? new CsmStats(0, 0, Map.of()) : s;
        return new RepsResponse.Csm(stats.active(), stats.churned(), stats.mrr().entrySet().stream()
                .map(e -> new RepsResponse.CsmMrr(e.getKey(), cents(e.getValue().book()).toPlainString(),
                        cents(e.getValue().retained()).toPlainString(),
                        MoneyRate.of(cents(e.getValue().retained()), cents(e.getValue().startS())))).toList());
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
