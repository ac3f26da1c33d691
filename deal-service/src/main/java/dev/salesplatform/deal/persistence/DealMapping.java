package dev.salesplatform.deal.persistence;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.salesplatform.deal.api.ContactDto;
import dev.salesplatform.deal.api.ContractDto;
import dev.salesplatform.deal.api.DealFields;
import dev.salesplatform.deal.api.DealResponse;
import dev.salesplatform.deal.api.MoneyDto;
import dev.salesplatform.deal.api.TeamMemberDto;

/** Copies the caller-editable fields between the API shape and the entity, and shows a deal. */
final class DealMapping {

    private DealMapping() {
    }

    static DealFields editable(Deal deal) {
        return new DealFields(deal.name, deal.companyName, contact(deal), new MoneyDto(deal.amount, deal.currency),
                deal.expectedCloseDate);
    }

    /** Writes {@code fields} to the deal; returns each changed field path with its new value. */
    static Map<String, Object> apply(DealFields fields, Deal deal) {
        Map<String, Object> changes = new LinkedHashMap<>();
        ContactDto contact = fields.contact() == null ? new ContactDto(null, null, null, null) : fields.contact();
        deal.name = set(changes, "name", deal.name, fields.name().strip());
        deal.companyName = set(changes, "companyName", deal.companyName, fields.companyName());
        deal.contactFirstName = set(changes, "contact.firstName", deal.contactFirstName, contact.firstName());
        deal.contactLastName = set(changes, "contact.lastName", deal.contactLastName, contact.lastName());
        deal.contactEmail = set(changes, "contact.email", deal.contactEmail, contact.email());
        deal.contactPhone = set(changes, "contact.phone", deal.contactPhone, contact.phone());
        BigDecimal amount = fields.amount().amount().setScale(2);
        // compareTo, not equals: 100.0 and 100.00 are the same amount.
        if (deal.amount == null || deal.amount.compareTo(amount) != 0) {
            changes.put("amount.amount", amount.toPlainString());
            deal.amount = amount;
        }
        deal.currency = set(changes, "amount.currency", deal.currency, fields.amount().currency());
        deal.expectedCloseDate = set(changes, "expectedCloseDate", deal.expectedCloseDate, fields.expectedCloseDate());
        return changes;
    }

    static DealResponse response(Deal deal, BigDecimal winProbability) {
        return new DealResponse(deal.id, deal.name, deal.companyName, contact(deal),
                new MoneyDto(deal.amount, deal.currency), deal.expectedCloseDate, deal.pipelineId, deal.stageCode,
                winProbability, deal.stageEnteredAt, deal.status, deal.ownerId,
                deal.team.stream().map(m -> new TeamMemberDto(m.userId, m.role, m.addedBy, m.addedAt)).toList(),
                deal.leadId,
                deal.finalAmount == null ? null : new DealResponse.Won(new MoneyDto(deal.finalAmount, deal.finalCurrency),
                        new ContractDto(deal.contractStartDate, deal.contractTermMonths,
                                new MoneyDto(deal.mrrAmount, deal.mrrCurrency)), deal.closedAt),
                deal.lostReason == null ? null : new DealResponse.Lost(deal.lostReason, deal.lostCompetitor, deal.closedAt),
                deal.createdBy, deal.createdAt, deal.updatedAt, deal.version);
    }

    private static ContactDto contact(Deal deal) {
        if (deal.contactFirstName == null && deal.contactLastName == null && deal.contactEmail == null
                && deal.contactPhone == null) {
            return null;
        }
        return new ContactDto(deal.contactFirstName, deal.contactLastName, deal.contactEmail, deal.contactPhone);
    }

    private static <T> T set(Map<String, Object> changes, String field, T current, T next) {
        if (!Objects.equals(current, next)) {
            changes.put(field, next);
        }
        return next;
    }
}
