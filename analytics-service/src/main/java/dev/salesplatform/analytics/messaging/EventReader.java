package dev.salesplatform.analytics.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.analytics.messaging.EventPayloads.CustomerChangedV1;
import dev.salesplatform.analytics.messaging.EventPayloads.CustomerChurnedV1;
import dev.salesplatform.analytics.messaging.EventPayloads.CustomerContractedV1;
import dev.salesplatform.analytics.messaging.EventPayloads.CustomerExpandedV1;
import dev.salesplatform.analytics.messaging.EventPayloads.CustomerOnboardedV1;
import dev.salesplatform.analytics.messaging.EventPayloads.CustomerRenewedV1;
import dev.salesplatform.analytics.messaging.EventPayloads.DealCreatedV1;
import dev.salesplatform.analytics.messaging.EventPayloads.DealLostV1;
import dev.salesplatform.analytics.messaging.EventPayloads.DealStageChangedV1;
import dev.salesplatform.analytics.messaging.EventPayloads.DealUpdatedV1;
import dev.salesplatform.analytics.messaging.EventPayloads.DealWonV1;
import dev.salesplatform.analytics.messaging.EventPayloads.FeedbackRecordedV1;
import dev.salesplatform.analytics.messaging.EventPayloads.LeadActivityLoggedV1;
import dev.salesplatform.analytics.messaging.EventPayloads.LeadChangedV1;
import dev.salesplatform.analytics.messaging.EventPayloads.LeadCreatedV1;
import dev.salesplatform.analytics.service.LoggedEvent;
import dev.salesplatform.analytics.service.SalesEvent;
import dev.salesplatform.analytics.service.SalesEvent.LeadMilestone;
import dev.salesplatform.kit.messaging.CloudEvent;
import dev.salesplatform.kit.messaging.InvalidEventException;
import dev.salesplatform.kit.money.Money;
import dev.salesplatform.kit.validation.Iso4217;

/**
 * Reads a record of the three topics into what the projections take from it: the CloudEvent, then its
 * payload into the type's tolerant reader ({@link EventPayloads}). A record that is no event, or whose
 * members break the producers' input rules (an event time outside the rule's years included), is an
 * {@link InvalidEventException} naming the member: poison.
 */
@ApplicationScoped
public class EventReader {

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

    private final ObjectMapper mapper;

    @Inject
    public EventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public LoggedEvent read(ConsumerRecord<String, String> record) {
        CloudEvent event = CloudEvent.from(record, mapper);
        return new LoggedEvent(record.topic(), record.partition(), record.offset(), event.id(), event.time(),
                sales(event));
    }

    private static SalesEvent sales(CloudEvent event) {
        return switch (event.type()) {
            case "lead.created.v1" -> {
                LeadCreatedV1 e = event.dataAs(LeadCreatedV1.class);
                yield new SalesEvent.LeadCreated(e.leadId(), e.ownerId(), e.aggregateVersion(), e.source());
            }
            case "lead.activity-logged.v1" -> {
                LeadActivityLoggedV1 e = event.dataAs(LeadActivityLoggedV1.class);
                yield new SalesEvent.LeadActivityLogged(e.leadId(), e.ownerId(), e.aggregateVersion(), e.status());
            }
            case "lead.qualified.v1" -> leadChanged(event, LeadMilestone.QUALIFIED);
            case "lead.handed-off.v1" -> leadChanged(event, LeadMilestone.HANDED_OFF);
            case "lead.assigned.v1", "lead.disqualified.v1", "lead.reopened.v1" -> leadChanged(event, null);
            case "deal.created.v1" -> {
                DealCreatedV1 e = event.dataAs(DealCreatedV1.class);
                yield new SalesEvent.DealCreated(e.dealId(), e.leadId(), e.pipelineId(), e.ownerId(),
                        e.aggregateVersion(), e.stage(), e.winProbability(), money(event, "amount", e.amount()),
                        e.expectedCloseDate());
            }
            case "deal.updated.v1" -> dealUpdated(event);
            case "deal.stage-changed.v1" -> {
                DealStageChangedV1 e = event.dataAs(DealStageChangedV1.class);
                yield new SalesEvent.DealStageChanged(e.dealId(), e.ownerId(), e.aggregateVersion(), e.to(),
                        e.winProbability(), e.amount() == null ? null : money(event, "amount", e.amount()));
            }
            case "deal.won.v1" -> {
                DealWonV1 e = event.dataAs(DealWonV1.class);
                yield new SalesEvent.DealWon(e.dealId(), e.leadId(), e.ownerId(), e.aggregateVersion(), e.stage(),
                        money(event, "finalAmount", e.finalAmount()));
            }
            case "deal.lost.v1" -> {
                DealLostV1 e = event.dataAs(DealLostV1.class);
                yield new SalesEvent.DealLost(e.dealId(), e.leadId(), e.ownerId(), e.aggregateVersion(), e.stage(),
                        e.reason());
            }
            case "customer.onboarded.v1" -> {
                CustomerOnboardedV1 e = event.dataAs(CustomerOnboardedV1.class);
                yield new SalesEvent.CustomerOnboarded(e.customerId(), e.csmId(), e.aggregateVersion(),
                        money(event, "contract.mrr", e.contract().mrr()));
            }
            case "customer.assigned.v1" -> {
                CustomerChangedV1 e = event.dataAs(CustomerChangedV1.class);
                yield new SalesEvent.CustomerAssigned(e.customerId(), e.csmId(), e.aggregateVersion());
            }
            case "customer.expanded.v1" -> {
                CustomerExpandedV1 e = event.dataAs(CustomerExpandedV1.class);
                yield new SalesEvent.CustomerExpanded(e.customerId(), e.csmId(), e.aggregateVersion(),
                        money(event, "delta", e.delta()));
            }
            case "customer.contracted.v1" -> {
                CustomerContractedV1 e = event.dataAs(CustomerContractedV1.class);
                yield new SalesEvent.CustomerContracted(e.customerId(), e.csmId(), e.aggregateVersion(),
                        money(event, "delta", e.delta()), "NON_RENEWAL".equals(e.kind()) ? e.renewalId() : null);
            }
            case "customer.churned.v1" -> customerChurned(event);
            case "customer.renewed.v1" -> {
                CustomerRenewedV1 e = event.dataAs(CustomerRenewedV1.class);
                yield new SalesEvent.CustomerRenewed(e.customerId(), e.csmId(), e.aggregateVersion(), e.renewalId());
            }
            case "customer.feedback-recorded.v1" -> {
                FeedbackRecordedV1 e = event.dataAs(FeedbackRecordedV1.class);
                if (e.score() < 0 || e.score() > 10) {
                    throw invalid(event, "score", "must be an integer 0 to 10");
                }
                yield new SalesEvent.FeedbackRecorded(e.customerId(), e.csmId(), e.aggregateVersion(), e.score());
            }
            default -> throw new InvalidEventException("event " + event.id() + " has the type " + event.type()
                    + ", which analytics does not read");
        };
    }

    private static SalesEvent leadChanged(CloudEvent event, LeadMilestone reached) {
        LeadChangedV1 e = event.dataAs(LeadChangedV1.class);
        return new SalesEvent.LeadChanged(e.leadId(), e.ownerId(), e.aggregateVersion(), reached);
    }

    /** Only the fields the event names change; a named expectedCloseDate of null removes it. */
    private static SalesEvent dealUpdated(CloudEvent event) {
        DealUpdatedV1 e = event.dataAs(DealUpdatedV1.class);
        JsonNode named = event.data().get("changes");
        if (named.has("amount.amount") && e.changes().amount() == null) {
            throw invalid(event, "changes.amount.amount", "must be a decimal number");
        }
        String currency = e.changes().currency();
        if (named.has("amount.currency") && !Iso4217.Validator.isCurrency(currency)) {
            throw invalid(event, "changes.amount.currency", "must be an ISO-4217 code such as EUR");
        }
        return new SalesEvent.DealUpdated(e.dealId(), e.aggregateVersion(), e.changes().amount(), currency,
                named.has("expectedCloseDate"), e.changes().expectedCloseDate());
    }

    private static SalesEvent customerChurned(CloudEvent event) {
        CustomerChurnedV1 e = event.dataAs(CustomerChurnedV1.class);
        List<Money> lost = new ArrayList<>();
        for (int i = 0; i < e.mrrLost().size(); i++) {
            lost.add(money(event, "mrrLost[" + i + "]", e.mrrLost().get(i)));
        }
        List<UUID> closed = e.closedRenewalIds() == null ? List.of() : e.closedRenewalIds();
        if (closed.contains(null)) {
            throw invalid(event, "closedRenewalIds", "must hold renewal ids only");
        }
        return new SalesEvent.CustomerChurned(e.customerId(), e.csmId(), e.aggregateVersion(), lost, e.renewalId(),
                closed);
    }

    /** An amount in an ISO-4217 currency, as every service accepts money. */
    private static Money money(CloudEvent event, String member, Money money) {
        if (money == null || money.amount() == null) {
            throw invalid(event, member + ".amount", "is required");
        }
        if (!Iso4217.Validator.isCurrency(money.currency())) {
            throw invalid(event, member + ".currency", "must be an ISO-4217 code such as EUR");
        }
        return money;
    }

    private static InvalidEventException invalid(CloudEvent event, String member, String rule) {
        return new InvalidEventException("event " + event.id() + " (" + event.type() + ") payload member " + member
                + " " + rule);
    }
}
