package dev.salesplatform.analytics.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.salesplatform.kit.money.Money;

/**
 * The members analytics reads from each event type (docs/event-catalogue.json), as tolerant readers:
 * {@link dev.salesplatform.kit.messaging.CloudEvent#dataAs(Class)} ignores every other member and
 * reads these by the producers' input rules. Event types of one shape share a record.
 */
final class EventPayloads {

    private EventPayloads() {
    }

    record LeadCreatedV1(@Required UUID leadId, UUID ownerId, @Required String source,
                         @Required long aggregateVersion) {
    }

    record LeadActivityLoggedV1(@Required UUID leadId, UUID ownerId, String status, @Required long aggregateVersion) {
    }

    /** lead.qualified, handed-off, assigned, disqualified and reopened: the owner they leave. */
    record LeadChangedV1(@Required UUID leadId, UUID ownerId, @Required long aggregateVersion) {
    }

    record DealCreatedV1(@Required UUID dealId, UUID leadId, @Required UUID pipelineId, @Required UUID ownerId,
                         @Required String stage, @Required BigDecimal winProbability, @Required Money amount,
                         LocalDate expectedCloseDate, @Required long aggregateVersion) {
    }

    record DealUpdatedV1(@Required UUID dealId, @Required DealChangesV1 changes, @Required long aggregateVersion) {
    }

    /** Each changed field by its path; which ones the event names is read from the payload itself. */
    record DealChangesV1(@JsonProperty("amount.amount") BigDecimal amount,
                         @JsonProperty("amount.currency") String currency, LocalDate expectedCloseDate) {
    }

    record DealStageChangedV1(@Required UUID dealId, @Required UUID ownerId, @Required String to,
                              @Required BigDecimal winProbability, Money amount, @Required long aggregateVersion) {
    }

    record DealWonV1(@Required UUID dealId, UUID leadId, @Required UUID ownerId, @Required String stage,
                     @Required Money finalAmount, @Required long aggregateVersion) {
    }

    record DealLostV1(@Required UUID dealId, UUID leadId, @Required UUID ownerId, @Required String stage,
                      @Required String reason, @Required long aggregateVersion) {
    }

    /** customer.assigned: the CSM it leaves. */
    record CustomerChangedV1(@Required UUID customerId, UUID csmId, @Required long aggregateVersion) {
    }

    record CustomerOnboardedV1(@Required UUID customerId, UUID csmId, @Required ContractV1 contract,
                               @Required long aggregateVersion) {
    }

    record ContractV1(@Required Money mrr) {
    }

    record CustomerExpandedV1(@Required UUID customerId, UUID csmId, @Required Money delta,
                              @Required long aggregateVersion) {
    }

    record CustomerContractedV1(@Required UUID customerId, UUID csmId, @Required Money delta, String kind,
                                UUID renewalId, @Required long aggregateVersion) {
    }

    record CustomerChurnedV1(@Required UUID customerId, UUID csmId, @Required List<Money> mrrLost, UUID renewalId,
                             List<UUID> closedRenewalIds, @Required long aggregateVersion) {
    }

    record CustomerRenewedV1(@Required UUID customerId, UUID csmId, @Required UUID renewalId,
                             @Required long aggregateVersion) {
    }

    record FeedbackRecordedV1(@Required UUID customerId, UUID csmId, @Required int score,
                              @Required long aggregateVersion) {
    }
}
