package dev.salesplatform.analytics.persistence;

import static dev.salesplatform.analytics.persistence.ProjectionReader.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The rows an event writes into a projection schema, one statement each ({@code {s}} for the schema).
 * Every write is commutative: a row is created by whichever of its events comes first; first times
 * merge with least(); latest values are guarded by the aggregate version that set them.
 */
public final class ProjectionWrites {

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

    private ProjectionWrites() {
    }

    /** One statement of a projection write: SQL with {@code {s}} for the schema, and its values. */
    public record Write(String sql, Tuple values) {
    }

    /** The kinds of a signed MRR movement, as mrr_movement.kind holds them. */
    public enum MovementKind {
        NEW, EXPANSION, CONTRACTION, CHURN
    }

    /** How a renewal was decided, as renewal_outcome.outcome holds it. */
    public enum RenewalOutcome {
        RENEWED, CHURNED
    }

    public static Write leadCreated(UUID lead, Instant at, String source) {
        return new Write(LEAD_CREATED, Tuple.of(lead, utc(at), source));
    }

    public static Write leadOwner(UUID lead, UUID owner, long version) {
        return new Write(LEAD_OWNER, Tuple.of(lead, owner, version));
    }

    public static Write leadContacted(UUID lead, Instant at) {
        return new Write(LEAD_CONTACTED, Tuple.of(lead, utc(at)));
    }

    public static Write leadQualified(UUID lead, Instant at) {
        return new Write(LEAD_QUALIFIED, Tuple.of(lead, utc(at)));
    }

    public static Write leadHandedOff(UUID lead, Instant at) {
        return new Write(LEAD_HANDED_OFF, Tuple.of(lead, utc(at)));
    }

    /** The funnel counts the lead as won without looking into deal_fact. */
    public static Write leadWon(UUID lead, Instant at) {
        return new Write(LEAD_WON, Tuple.of(lead, utc(at)));
    }

    public static Write dealCreated(UUID deal, UUID lead, UUID pipeline, Instant at) {
        return new Write(DEAL_CREATED, Tuple.of(deal, lead, pipeline, utc(at)));
    }

    public static Write dealOwner(UUID deal, UUID owner, long version) {
        return new Write(DEAL_OWNER, Tuple.of(deal, owner, version));
    }

    public static Write dealAmount(UUID deal, BigDecimal amount, long version) {
        return new Write(DEAL_AMOUNT, Tuple.of(deal, amount, version));
    }

    public static Write dealCurrency(UUID deal, String currency, long version) {
        return new Write(DEAL_CURRENCY, Tuple.of(deal, currency, version));
    }

    public static Write dealExpectedClose(UUID deal, LocalDate expectedClose, long version) {
        return new Write(DEAL_CLOSE, Tuple.of(deal, expectedClose, version));
    }

    /** A null {@code winProbability} keeps the one the stage had. */
    public static Write dealStage(UUID deal, String stage, BigDecimal winProbability, long version) {
        return new Write(DEAL_STAGE, Tuple.of(deal, stage, winProbability, version));
    }

    public static Write dealWon(UUID deal, UUID lead, Instant at, BigDecimal finalAmount, String finalCurrency) {
        return new Write(DEAL_WON, Tuple.of(deal, lead, utc(at), finalAmount, finalCurrency));
    }

    public static Write dealLost(UUID deal, UUID lead, Instant at, String reason) {
        return new Write(DEAL_LOST, Tuple.of(deal, lead, utc(at), reason));
    }

    public static Write customerCsm(UUID customer, UUID csm, long version) {
        return new Write(CUSTOMER_CSM, Tuple.of(customer, csm, version));
    }

    public static Write customerOnboarded(UUID customer, Instant at) {
        return new Write(CUSTOMER_ONBOARDED, Tuple.of(customer, utc(at)));
    }

    public static Write customerChurned(UUID customer, Instant at) {
        return new Write(CUSTOMER_CHURNED, Tuple.of(customer, utc(at)));
    }

    /** One movement per event and currency: {@code signedAmount} is negative for contractions and churn. */
    public static Write mrrMovement(String eventId, String currency, UUID customer, Instant at, MovementKind kind,
                                    BigDecimal signedAmount) {
        return new Write(MOVEMENT, Tuple.of(eventId, currency, customer, utc(at), kind.name(), signedAmount));
    }

    public static Write renewalOutcome(UUID renewal, UUID customer, RenewalOutcome outcome, Instant at) {
        return new Write(RENEWAL_OUTCOME, Tuple.of(renewal, customer, outcome.name(), utc(at)));
    }

    public static Write npsResponse(String eventId, UUID customer, Instant at, int score) {
        return new Write(NPS, Tuple.of(eventId, customer, utc(at), (short) score));
    }
}
