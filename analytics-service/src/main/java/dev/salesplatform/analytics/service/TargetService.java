package dev.salesplatform.analytics.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.analytics.domain.RepPeriod;
import dev.salesplatform.analytics.domain.TargetMetric;
import dev.salesplatform.analytics.persistence.TargetRepository;
import dev.salesplatform.analytics.persistence.TargetRepository.TargetRow;
import dev.salesplatform.kit.money.Money;
import io.smallrye.mutiny.Uni;

/** Targets per rep, period and metric: set by managers, not derived from events. */
@ApplicationScoped
public class TargetService {

    private final TargetRepository targets;

    @Inject
    public TargetService(TargetRepository targets) {
        this.targets = targets;
    }

    /** The target as saved, and whether it is new (else it replaced one). */
    public record SavedTarget(TargetView target, boolean created) {
    }

    /** {@code currency}: for an amount metric only; {@code setBy}: the manager's user id. */
    public Uni<SavedTarget> set(UUID rep, RepPeriod period, TargetMetric metric, BigDecimal value, String currency,
                                String setBy) {
        return targets.set(rep, period, metric, value, currency, setBy)
                .map(saved -> new SavedTarget(view(saved.target()), saved.created()));
    }

    /** Targets of {@code rep} (null: everyone's) in {@code period} (null: any), by period, rep and metric. */
    public Uni<List<TargetView>> find(UUID rep, RepPeriod period) {
        return targets.find(rep, period).map(rows -> rows.stream().map(TargetService::view).toList());
    }

    /** Whether there was such a target to remove. */
    public Uni<Boolean> delete(UUID rep, RepPeriod period, TargetMetric metric) {
        return targets.delete(rep, period, metric);
    }

    private static TargetView view(TargetRow row) {
        BigDecimal shown = row.metric().money() ? Money.of(row.value(), row.currency()).amount()
                : row.value().stripTrailingZeros();
        return new TargetView(row.repId(), row.period(), row.metric(), shown, row.currency(), row.setBy(), row.setAt());
    }
}
