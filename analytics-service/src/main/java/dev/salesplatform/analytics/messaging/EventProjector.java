package dev.salesplatform.analytics.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.salesplatform.kit.messaging.CloudEvent;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Turns one event into its projection rows. Every write is commutative: a row is created by whichever
 * of its events comes first; first times merge with least(); latest values are guarded by the
 * aggregate version that set them. So the figures are the same whatever order the events of different
 * topics (or, during a rebuild, of one aggregate) arrive in, and a replay from offset 0 equals the live result.
 */
@ApplicationScoped
public class EventProjector {

    /** Event types that change the projections. */
    public static final Set<String> TYPES = Set.of(
            "lead.created.v1", "lead.assigned.v1", "lead.activity-logged.v1", "lead.qualified.v1",
            "lead.disqualified.v1", "lead.handed-off.v1", "lead.reopened.v1",
            "deal.created.v1", "deal.updated.v1", "deal.stage-changed.v1", "deal.won.v1", "deal.lost.v1",
            "customer.onboarded.v1", "customer.assigned.v1", "customer.expanded.v1", "customer.contracted.v1",
            "customer.churned.v1", "customer.renewed.v1", "customer.feedback-recorded.v1");

    /**
     * Catalogue types the projections knowingly do not use (acknowledged without a transaction); a type
     * in neither set, such as a later version, is skipped and counted as unknown.
     */
    public static final Set<String> IGNORED = Set.of(
            "lead.updated.v1", "deal.team-changed.v1", "deal.proposal-changed.v1", "deal.obstacle-changed.v1",
            "customer.referral-made.v1", "customer.updated.v1", "customer.health-changed.v1",
            "customer.check-in-recorded.v1", "customer.review-posted.v1", "customer.renewal-opened.v1");

    private static final String LEAD_OWNER = """
            INSERT INTO {s}.lead_fact AS f (lead_id, owner_id, owner_version) VALUES ($1, $2, $3)
            ON CONFLICT (lead_id) DO UPDATE SET
                owner_id = CASE WHEN EXCLUDED.owner_version > f.owner_version THEN EXCLUDED.owner_id ELSE f.owner_id END,
                owner_version = greatest(f.owner_version, EXCLUDED.owner_version)""";
    private static final String LEAD_CREATED = """
            INSERT INTO {s}.lead_fact AS f (lead_id, created_at, source) VALUES ($1, $2, $3)
            ON CONFLICT (lead_id) DO UPDATE SET created_at = EXCLUDED.created_at, source = EXCLUDED.source""";
    private static final String LEAD_MILESTONE = """
            INSERT INTO {s}.lead_fact AS f (lead_id, %1$s) VALUES ($1, $2)
            ON CONFLICT (lead_id) DO UPDATE SET %1$s = least(f.%1$s, EXCLUDED.%1$s)""";
    private static final String LEAD_CONTACTED = LEAD_MILESTONE.formatted("contacted_at");
    private static final String LEAD_QUALIFIED = LEAD_MILESTONE.formatted("qualified_at");
    private static final String LEAD_HANDED_OFF = LEAD_MILESTONE.formatted("handed_off_at");
    private static final String LEAD_WON = LEAD_MILESTONE.formatted("won_at");

    private static final String DEAL_CREATED = """
            INSERT INTO {s}.deal_fact AS f (deal_id, lead_id, pipeline_id, created_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (deal_id) DO UPDATE SET lead_id = coalesce(EXCLUDED.lead_id, f.lead_id),
                pipeline_id = EXCLUDED.pipeline_id, created_at = EXCLUDED.created_at""";
    private static final String DEAL_VERSIONED = """
            INSERT INTO {s}.deal_fact AS f (deal_id, %1$s, %2$s_version) VALUES ($1, $2, $3)
            ON CONFLICT (deal_id) DO UPDATE SET
                %1$s = CASE WHEN EXCLUDED.%2$s_version > f.%2$s_version THEN EXCLUDED.%1$s ELSE f.%1$s END,
                %2$s_version = greatest(f.%2$s_version, EXCLUDED.%2$s_version)""";
    private static final String DEAL_OWNER = DEAL_VERSIONED.formatted("owner_id", "owner");
    private static final String DEAL_AMOUNT = DEAL_VERSIONED.formatted("amount", "amount");
    private static final String DEAL_CURRENCY = DEAL_VERSIONED.formatted("currency", "currency");
    private static final String DEAL_CLOSE = DEAL_VERSIONED.formatted("expected_close", "close");
    private static final String DEAL_STAGE = """
            INSERT INTO {s}.deal_fact AS f (deal_id, stage, win_probability, stage_version) VALUES ($1, $2, $3, $4)
            ON CONFLICT (deal_id) DO UPDATE SET
                stage = CASE WHEN EXCLUDED.stage_version > f.stage_version THEN EXCLUDED.stage ELSE f.stage END,
                win_probability = CASE WHEN EXCLUDED.stage_version > f.stage_version
                    THEN coalesce(EXCLUDED.win_probability, f.win_probability) ELSE f.win_probability END,
                stage_version = greatest(f.stage_version, EXCLUDED.stage_version)""";
    private static final String DEAL_WON = """
            INSERT INTO {s}.deal_fact AS f (deal_id, lead_id, won_at, final_amount, final_currency) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (deal_id) DO UPDATE SET lead_id = coalesce(f.lead_id, EXCLUDED.lead_id),
                won_at = EXCLUDED.won_at, final_amount = EXCLUDED.final_amount, final_currency = EXCLUDED.final_currency""";
    private static final String DEAL_LOST = """
            INSERT INTO {s}.deal_fact AS f (deal_id, lead_id, lost_at, lost_reason) VALUES ($1, $2, $3, $4)
            ON CONFLICT (deal_id) DO UPDATE SET lead_id = coalesce(f.lead_id, EXCLUDED.lead_id),
                lost_at = EXCLUDED.lost_at, lost_reason = EXCLUDED.lost_reason""";

    private static final String CUSTOMER_CSM = """
            INSERT INTO {s}.customer_fact AS f (customer_id, csm_id, csm_version) VALUES ($1, $2, $3)
            ON CONFLICT (customer_id) DO UPDATE SET
                csm_id = CASE WHEN EXCLUDED.csm_version > f.csm_version THEN EXCLUDED.csm_id ELSE f.csm_id END,
                csm_version = greatest(f.csm_version, EXCLUDED.csm_version)""";
    private static final String CUSTOMER_ONBOARDED = """
            INSERT INTO {s}.customer_fact AS f (customer_id, onboarded_at) VALUES ($1, $2)
            ON CONFLICT (customer_id) DO UPDATE SET onboarded_at = EXCLUDED.onboarded_at""";
    private static final String CUSTOMER_CHURNED = """
            INSERT INTO {s}.customer_fact AS f (customer_id, churned_at) VALUES ($1, $2)
            ON CONFLICT (customer_id) DO UPDATE SET churned_at = greatest(f.churned_at, EXCLUDED.churned_at)""";
    private static final String MOVEMENT = """
            INSERT INTO {s}.mrr_movement (event_id, currency, customer_id, occurred_at, kind, amount)
            VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING""";
    private static final String RENEWAL_OUTCOME = """
            INSERT INTO {s}.renewal_outcome (renewal_id, customer_id, outcome, decided_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT DO NOTHING""";
    private static final String NPS = """
            INSERT INTO {s}.nps_response (event_id, customer_id, occurred_at, score) VALUES ($1, $2, $3, $4)
            ON CONFLICT DO NOTHING""";

    /**
     * The statements that write {@code event}'s effect ({@code {s}} for the schema); an event whose fields
     * are unusable is an {@code InvalidEventException}.
     */
    public List<Write> writes(CloudEvent event) {
        EventFields e = new EventFields(event);
        return switch (event.type()) {
            case "lead.created.v1" -> List.of(
                    new Write(LEAD_CREATED, Tuple.of(e.uuid("leadId"), e.time(), e.text("source"))),
                    leadOwner(e));
            case "lead.activity-logged.v1" -> "NEW".equals(e.optionalText("status")) ? List.of(leadOwner(e))
                    : List.of(leadOwner(e), milestone(LEAD_CONTACTED, e));
            case "lead.qualified.v1" -> List.of(leadOwner(e), milestone(LEAD_QUALIFIED, e));
            case "lead.handed-off.v1" -> List.of(leadOwner(e), milestone(LEAD_HANDED_OFF, e));
            case "lead.assigned.v1", "lead.disqualified.v1", "lead.reopened.v1" -> List.of(leadOwner(e));
            case "deal.created.v1" -> dealCreated(e);
            case "deal.updated.v1" -> dealUpdated(e);
            case "deal.stage-changed.v1" -> dealStageChanged(e);
            case "deal.won.v1" -> {
                EventFields.Money finalAmount = e.money(e.node("finalAmount"), "finalAmount");
                UUID lead = e.optionalUuid("leadId");
                List<Write> writes = new ArrayList<>(List.of(dealOwner(e), dealStage(e, e.text("stage"), BigDecimal.ONE),
                        new Write(DEAL_WON, Tuple.of(e.uuid("dealId"), lead, e.time(), finalAmount.amount(),
                                finalAmount.currency()))));
                // The funnel counts the lead as won without looking into deal_fact.
                if (lead != null) {
                    writes.add(new Write(LEAD_WON, Tuple.of(lead, e.time())));
                }
                yield writes;
            }
            case "deal.lost.v1" -> List.of(dealOwner(e), dealStage(e, e.text("stage"), BigDecimal.ZERO),
                    new Write(DEAL_LOST, Tuple.of(e.uuid("dealId"), e.optionalUuid("leadId"), e.time(),
                            e.text("reason"))));
            case "customer.onboarded.v1", "customer.assigned.v1", "customer.expanded.v1", "customer.contracted.v1",
                 "customer.churned.v1", "customer.renewed.v1", "customer.feedback-recorded.v1" -> customer(e, event);
            default -> List.of();
        };
    }

    /** One statement of a projection write: SQL with {@code {s}} for the schema, and its values. */
    public record Write(String sql, Tuple values) {
    }

    /**
     * MRR as signed movements: onboarding NEW (+), expansions EXPANSION (+, a further won deal included),
     * contractions CONTRACTION (-, a contract not renewed included), churn CHURN (- every lost MRR).
     */
    private static List<Write> customer(EventFields e, CloudEvent event) {
        UUID customer = e.uuid("customerId");
        List<Write> writes = new ArrayList<>();
        writes.add(new Write(CUSTOMER_CSM, Tuple.of(customer, e.optionalUuid("csmId"), e.version())));
        switch (event.type()) {
            case "customer.onboarded.v1" -> {
                writes.add(new Write(CUSTOMER_ONBOARDED, Tuple.of(customer, e.time())));
                JsonNode contract = e.node("contract");
                if (contract == null || !contract.isObject()) {
                    throw e.invalid("contract");
                }
                writes.add(movement(e, customer, "NEW", e.money(contract.get("mrr"), "contract.mrr"), 1));
            }
            case "customer.expanded.v1" -> writes.add(movement(e, customer, "EXPANSION", e.money(e.node("delta"), "delta"), 1));
            case "customer.contracted.v1" -> {
                writes.add(movement(e, customer, "CONTRACTION", e.money(e.node("delta"), "delta"), -1));
                UUID renewal = e.optionalUuid("renewalId");
                if ("NON_RENEWAL".equals(e.optionalText("kind")) && renewal != null) {
                    writes.add(outcome(renewal, customer, "CHURNED", e));
                }
            }
            case "customer.churned.v1" -> {
                writes.add(new Write(CUSTOMER_CHURNED, Tuple.of(customer, e.time())));
                JsonNode lost = e.node("mrrLost");
                if (lost == null || !lost.isArray()) {
                    throw e.invalid("mrrLost");
                }
                for (JsonNode money : lost) {
                    writes.add(movement(e, customer, "CHURN", e.money(money, "mrrLost"), -1));
                }
                UUID renewal = e.optionalUuid("renewalId");
                if (renewal != null) {
                    writes.add(outcome(renewal, customer, "CHURNED", e));
                }
                JsonNode closed = e.node("closedRenewalIds");
                if (closed != null && closed.isArray()) {
                    for (JsonNode id : closed) {
                        writes.add(outcome(e.uuid(id.asText(), "closedRenewalIds"), customer, "CHURNED", e));
                    }
                }
            }
            case "customer.assigned.v1" -> {
                // The CSM write above is the whole effect.
            }
            case "customer.renewed.v1" -> writes.add(outcome(e.uuid("renewalId"), customer, "RENEWED", e));
            case "customer.feedback-recorded.v1" -> {
                JsonNode score = e.node("score");
                if (score == null || !score.canConvertToInt() || score.asInt() < 0 || score.asInt() > 10) {
                    throw e.invalid("score");
                }
                writes.add(new Write(NPS, Tuple.of(event.id(), customer, e.time(), (short) score.asInt())));
            }
            default -> throw new IllegalArgumentException(event.type());
        }
        return writes;
    }

    private static Write movement(EventFields e, UUID customer, String kind, EventFields.Money money, int sign) {
        return new Write(MOVEMENT, Tuple.of(e.id(), money.currency(), customer, e.time(), kind,
                sign < 0 ? money.amount().negate() : money.amount()));
    }

    private static Write outcome(UUID renewal, UUID customer, String outcome, EventFields e) {
        return new Write(RENEWAL_OUTCOME, Tuple.of(renewal, customer, outcome, e.time()));
    }

    private static Write leadOwner(EventFields e) {
        return new Write(LEAD_OWNER, Tuple.of(e.uuid("leadId"), e.optionalUuid("ownerId"), e.version()));
    }

    private static Write milestone(String sql, EventFields e) {
        return new Write(sql, Tuple.of(e.uuid("leadId"), e.time()));
    }

    private static List<Write> dealCreated(EventFields e) {
        UUID deal = e.uuid("dealId");
        EventFields.Money amount = e.money(e.node("amount"), "amount");
        long version = e.version();
        return List.of(
                new Write(DEAL_CREATED, Tuple.of(deal, e.optionalUuid("leadId"), e.uuid("pipelineId"), e.time())),
                dealOwner(e),
                dealStage(e, e.text("stage"), e.decimal(e.text("winProbability"), "winProbability")),
                new Write(DEAL_AMOUNT, Tuple.of(deal, amount.amount(), version)),
                new Write(DEAL_CURRENCY, Tuple.of(deal, amount.currency(), version)),
                new Write(DEAL_CLOSE, Tuple.of(deal, e.optionalDate(e.node("expectedCloseDate"), "expectedCloseDate"),
                        version)));
    }

    /** deal.updated.v1 names each changed field by its path: amount.amount, amount.currency, expectedCloseDate. */
    private static List<Write> dealUpdated(EventFields e) {
        UUID deal = e.uuid("dealId");
        long version = e.version();
        JsonNode changes = e.node("changes");
        if (changes == null || !changes.isObject()) {
            throw e.invalid("changes");
        }
        List<Write> writes = new ArrayList<>();
        if (changes.has("amount.amount")) {
            writes.add(new Write(DEAL_AMOUNT, Tuple.of(deal, e.decimal(changes.get("amount.amount").asText(),
                    "changes.amount.amount"), version)));
        }
        if (changes.has("amount.currency")) {
            writes.add(new Write(DEAL_CURRENCY, Tuple.of(deal, changes.get("amount.currency").asText(), version)));
        }
        if (changes.has("expectedCloseDate")) {
            LocalDate close = e.optionalDate(changes.get("expectedCloseDate"), "changes.expectedCloseDate");
            writes.add(new Write(DEAL_CLOSE, Tuple.of(deal, close, version)));
        }
        return writes;
    }

    private static List<Write> dealStageChanged(EventFields e) {
        UUID deal = e.uuid("dealId");
        long version = e.version();
        List<Write> writes = new ArrayList<>(List.of(dealOwner(e),
                dealStage(e, e.text("to"), e.decimal(e.text("winProbability"), "winProbability"))));
        EventFields.Money amount = e.optionalMoney("amount");
        if (amount != null) {
            writes.add(new Write(DEAL_AMOUNT, Tuple.of(deal, amount.amount(), version)));
            writes.add(new Write(DEAL_CURRENCY, Tuple.of(deal, amount.currency(), version)));
        }
        return writes;
    }

    private static Write dealOwner(EventFields e) {
        return new Write(DEAL_OWNER, Tuple.of(e.uuid("dealId"), e.uuid("ownerId"), e.version()));
    }

    private static Write dealStage(EventFields e, String stage, BigDecimal probability) {
        return new Write(DEAL_STAGE, Tuple.of(e.uuid("dealId"), stage, probability, e.version()));
    }
}
