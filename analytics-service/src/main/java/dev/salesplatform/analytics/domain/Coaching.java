package dev.salesplatform.analytics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The seed's "improve the team" advice as signals for a manager, computed over the reps of one role
 * on their key metric (SDR: qualified leads, AE: revenue in the reporting currency, CSM: NRR):
 * the trend against the previous period; {@code needsSupport} when a rep was below target or below
 * the role's median in both periods; and the most improved reps, to recognise progress short of target.
 */
public final class Coaching {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private Coaching() {
    }

    /**
     * One rep's key metric now and in the previous period (null: nothing to measure), and their target
     * attainment (actual / target; null without a target).
     */
    public record Figure(UUID rep, BigDecimal current, BigDecimal previous, BigDecimal attainment,
                         BigDecimal previousAttainment) {
    }

    public record Signals(BigDecimal trend, boolean belowTarget, boolean belowMedian, boolean needsSupport) {
    }

    public static Map<UUID, Signals> signals(List<Figure> figures) {
        BigDecimal median = median(figures.stream().map(Figure::current).filter(Objects::nonNull).toList());
        BigDecimal previousMedian = median(figures.stream().map(Figure::previous).filter(Objects::nonNull).toList());
        Map<UUID, Signals> signals = new HashMap<>();
        for (Figure f : figures) {
            boolean belowTarget = below(f.attainment(), BigDecimal.ONE);
            boolean belowMedian = below(f.current(), median);
            boolean weakBefore = below(f.previousAttainment(), BigDecimal.ONE) || below(f.previous(), previousMedian);
            signals.put(f.rep(), new Signals(trend(f), belowTarget, belowMedian,
                    (belowTarget || belowMedian) && weakBefore));
        }
        return signals;
    }

    /** Up to {@code limit} reps whose key metric rose the most, largest rise first (ties by id). */
    public static List<UUID> mostImproved(List<Figure> figures, int limit) {
        return figures.stream().filter(f -> trend(f) != null && trend(f).signum() > 0)
                .sorted(Comparator.comparing((Figure f) -> trend(f)).reversed().thenComparing(Figure::rep))
                .limit(limit).map(Figure::rep).toList();
    }

    /** The median (mean of the middle two for an even count), or null for none. */
    public static BigDecimal median(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).add(sorted.get(middle)).divide(TWO, 4, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    private static BigDecimal trend(Figure f) {
        return f.current() == null || f.previous() == null ? null : f.current().subtract(f.previous());
    }

    private static boolean below(BigDecimal value, BigDecimal bar) {
        return value != null && bar != null && value.compareTo(bar) < 0;
    }
}
