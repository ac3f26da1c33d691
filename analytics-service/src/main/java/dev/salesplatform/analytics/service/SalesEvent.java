package dev.salesplatform.analytics.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.salesplatform.kit.money.Money;

/**
 * What analytics takes from each event of the three topics: the few facts the projections count.
 * {@code version} is the aggregate's version after the event; it orders latest values such as an owner.
 */
public sealed interface SalesEvent {

    /** The funnel stage a lead event reaches (contact is an activity's). */
    enum LeadMilestone {
        QUALIFIED, HANDED_OFF
    }

    record LeadCreated(UUID lead, UUID owner, long version, String source) implements SalesEvent {
    }

    /** {@code status}: the lead's status after the activity (null when the event has none). */
    record LeadActivityLogged(UUID lead, UUID owner, long version, String status) implements SalesEvent {
    }

    /** Any other lead event: the owner it leaves, and the stage it reaches (null: none, such as an assignment). */
    record LeadChanged(UUID lead, UUID owner, long version, LeadMilestone reached) implements SalesEvent {
    }

    record DealCreated(UUID deal, UUID lead, UUID pipeline, UUID owner, long version, String stage,
                       BigDecimal winProbability, Money amount, LocalDate expectedClose) implements SalesEvent {
    }

    /**
     * An edit: {@code amount} and {@code currency} are null when unchanged; {@code expectedClose} counts only
     * when {@code expectedCloseChanged} (null then removes it).
     */
    record DealUpdated(UUID deal, long version, BigDecimal amount, String currency, boolean expectedCloseChanged,
                       LocalDate expectedClose) implements SalesEvent {
    }

    /** {@code amount}: the deal's amount in the new stage, null when the event has none. */
    record DealStageChanged(UUID deal, UUID owner, long version, String stage, BigDecimal winProbability,
                            Money amount) implements SalesEvent {
    }

    record DealWon(UUID deal, UUID lead, UUID owner, long version, String stage, Money finalAmount)
            implements SalesEvent {
    }

    record DealLost(UUID deal, UUID lead, UUID owner, long version, String stage, String reason)
            implements SalesEvent {
    }

    /** Every customer event names the customer's CSM as of its version. */
    sealed interface CustomerEvent extends SalesEvent {

        UUID customer();

        UUID csm();

        long version();
    }

    record CustomerOnboarded(UUID customer, UUID csm, long version, Money mrr) implements CustomerEvent {
    }

    record CustomerAssigned(UUID customer, UUID csm, long version) implements CustomerEvent {
    }

    record CustomerExpanded(UUID customer, UUID csm, long version, Money delta) implements CustomerEvent {
    }

    /** {@code notRenewed}: the renewal this contraction decided as churned (a contract not renewed), or null. */
    record CustomerContracted(UUID customer, UUID csm, long version, Money delta, UUID notRenewed)
            implements CustomerEvent {
    }

    /** {@code renewal}: the renewal decided as churned, or null; {@code closedRenewals}: others it decided so. */
    record CustomerChurned(UUID customer, UUID csm, long version, List<Money> mrrLost, UUID renewal,
                           List<UUID> closedRenewals) implements CustomerEvent {
    }

    record CustomerRenewed(UUID customer, UUID csm, long version, UUID renewal) implements CustomerEvent {
    }

    /** {@code score}: 0 to 10. */
    record FeedbackRecorded(UUID customer, UUID csm, long version, int score) implements CustomerEvent {
    }
}
