package dev.salesplatform.deal.service;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.salesplatform.deal.persistence.Deal;
import dev.salesplatform.deal.persistence.DealObstacle;
import dev.salesplatform.deal.persistence.DealTeamMember;
import dev.salesplatform.kit.money.Money;

/** Copies the caller-editable fields between the service's shape and the entity, and shows a deal. */
final class DealMapper {

    private DealMapper() {
    }

    static DealEdit editable(Deal deal) {
        return new DealEdit(deal.name, deal.companyName, contact(deal), Money.of(deal.amount, deal.currency),
                deal.expectedCloseDate);
    }

    /**
     * Writes {@code fields} to the deal, the amount in its currency's minor units; returns each changed
     * field path with its new value.
     */
    static Map<String, Object> apply(DealEdit fields, Deal deal) {
        Map<String, Object> changes = new LinkedHashMap<>();
        Contact contact = fields.contact() == null ? Contact.NONE : fields.contact();
        deal.name = set(changes, "name", deal.name, fields.name().strip());
        deal.companyName = set(changes, "companyName", deal.companyName, fields.companyName());
        deal.contactFirstName = set(changes, "contact.firstName", deal.contactFirstName, contact.firstName());
        deal.contactLastName = set(changes, "contact.lastName", deal.contactLastName, contact.lastName());
        deal.contactEmail = set(changes, "contact.email", deal.contactEmail, contact.email());
        deal.contactPhone = set(changes, "contact.phone", deal.contactPhone, contact.phone());
        BigDecimal amount = Money.of(fields.amount().amount(), fields.amount().currency()).amount();
        // compareTo, not equals: 100.0 and 100.00 are the same amount.
        if (deal.amount == null || deal.amount.compareTo(amount) != 0) {
            changes.put("amount.amount", amount.toPlainString());
            deal.amount = amount;
        }
        deal.currency = set(changes, "amount.currency", deal.currency, fields.amount().currency());
        deal.expectedCloseDate = set(changes, "expectedCloseDate", deal.expectedCloseDate, fields.expectedCloseDate());
        return changes;
    }

    static DealView view(Deal deal, BigDecimal winProbability) {
        return new DealView(deal.id, deal.name, deal.companyName, contact(deal), Money.of(deal.amount, deal.currency),
                deal.expectedCloseDate, deal.pipelineId, deal.stageCode, winProbability, deal.stageEnteredAt,
                deal.status, deal.ownerId, deal.team.stream().map(DealMapper::member).toList(), deal.leadId,
                deal.finalAmount == null ? null : new DealView.Won(Money.of(deal.finalAmount, deal.finalCurrency),
                        new DealView.Contract(deal.contractStartDate, deal.contractTermMonths,
                                Money.of(deal.mrrAmount, deal.mrrCurrency)), deal.closedAt),
                deal.lostReason == null ? null : new DealView.Lost(deal.lostReason, deal.lostCompetitor, deal.closedAt),
                deal.createdBy, deal.createdAt, deal.updatedAt, deal.version);
    }

    static ObstacleView obstacle(DealObstacle o) {
        return new ObstacleView(o.id, o.dealId, o.type, o.notes, o.status, o.resolution, o.createdBy, o.createdAt,
                o.resolvedBy, o.resolvedAt);
    }

    private static TeamMemberView member(DealTeamMember m) {
        return new TeamMemberView(m.userId, m.role, m.addedBy, m.addedAt);
    }

    private static Contact contact(Deal deal) {
        if (deal.contactFirstName == null && deal.contactLastName == null && deal.contactEmail == null
                && deal.contactPhone == null) {
            return null;
        }
        return new Contact(deal.contactFirstName, deal.contactLastName, deal.contactEmail, deal.contactPhone);
    }

    private static <T> T set(Map<String, Object> changes, String field, T current, T next) {
        if (!Objects.equals(current, next)) {
            changes.put(field, next);
        }
        return next;
    }
}
