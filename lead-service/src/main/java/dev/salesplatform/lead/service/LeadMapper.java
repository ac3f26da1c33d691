package dev.salesplatform.lead.service;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.salesplatform.kit.money.Money;
import dev.salesplatform.lead.persistence.Lead;
import dev.salesplatform.lead.persistence.LeadActivity;

/** Copies a lead's editable fields between a draft and the entity, and shows a lead and its activities. */
final class LeadMapper {

    private LeadMapper() {
    }

    /** The editable fields of a lead, in the shape a caller sends them. */
    static LeadDraft draft(Lead lead) {
        return new LeadDraft(lead.firstName, lead.lastName, lead.email, lead.phone, lead.title, company(lead),
                lead.source, attribution(lead), Money.of(lead.estimatedAmount, lead.estimatedCurrency), lead.notes);
    }

    /** Writes {@code fields} to the lead; returns each changed field path with its new value. */
    static Map<String, Object> apply(LeadDraft fields, Lead lead) {
        Map<String, Object> changes = new LinkedHashMap<>();
        LeadDraft.Company company = fields.company() == null ? LeadDraft.Company.NONE : fields.company();
        LeadDraft.Attribution attribution = fields.attribution() == null ? LeadDraft.Attribution.NONE : fields.attribution();
        lead.firstName = set(changes, "firstName", lead.firstName, fields.firstName().strip());
        lead.lastName = set(changes, "lastName", lead.lastName, fields.lastName().strip());
        lead.email = set(changes, "email", lead.email, fields.email().strip());
        lead.phone = set(changes, "phone", lead.phone, fields.phone());
        lead.title = set(changes, "title", lead.title, fields.title());
        lead.companyName = set(changes, "company.name", lead.companyName, company.name());
        lead.companyWebsite = set(changes, "company.website", lead.companyWebsite, company.website());
        lead.companyEmployees = set(changes, "company.employees", lead.companyEmployees, company.employees());
        lead.companyIndustry = set(changes, "company.industry", lead.companyIndustry, company.industry());
        lead.source = set(changes, "source", lead.source, fields.source());
        lead.utmSource = set(changes, "attribution.utmSource", lead.utmSource, attribution.utmSource());
        lead.utmMedium = set(changes, "attribution.utmMedium", lead.utmMedium, attribution.utmMedium());
        lead.utmCampaign = set(changes, "attribution.utmCampaign", lead.utmCampaign, attribution.utmCampaign());
        lead.utmTerm = set(changes, "attribution.utmTerm", lead.utmTerm, attribution.utmTerm());
        lead.utmContent = set(changes, "attribution.utmContent", lead.utmContent, attribution.utmContent());
        lead.landingPage = set(changes, "attribution.landingPage", lead.landingPage, attribution.landingPage());
        lead.referrer = set(changes, "attribution.referrer", lead.referrer, attribution.referrer());
        Money value = minorUnits(fields.estimatedValue());
        lead.estimatedAmount = setAmount(changes, "estimatedValue.amount", lead.estimatedAmount,
                value == null ? null : value.amount());
        lead.estimatedCurrency = set(changes, "estimatedValue.currency", lead.estimatedCurrency,
                value == null ? null : value.currency());
        lead.notes = set(changes, "notes", lead.notes, fields.notes());
        return changes;
    }

    /** The fields of {@code row} that are present, laid over {@code current}: an import's update. */
    static LeadDraft overlay(LeadDraft current, LeadDraft row) {
        LeadDraft.Company c = current.company() == null ? LeadDraft.Company.NONE : current.company();
        LeadDraft.Company r = row.company() == null ? LeadDraft.Company.NONE : row.company();
        LeadDraft.Attribution ca = current.attribution() == null ? LeadDraft.Attribution.NONE : current.attribution();
        LeadDraft.Attribution ra = row.attribution() == null ? LeadDraft.Attribution.NONE : row.attribution();
        return new LeadDraft(row.firstName(), row.lastName(), current.email(),
                or(row.phone(), current.phone()), or(row.title(), current.title()),
                new LeadDraft.Company(or(r.name(), c.name()), or(r.website(), c.website()),
                        or(r.employees(), c.employees()), or(r.industry(), c.industry())),
                row.source(),
                new LeadDraft.Attribution(or(ra.utmSource(), ca.utmSource()), or(ra.utmMedium(), ca.utmMedium()),
                        or(ra.utmCampaign(), ca.utmCampaign()), or(ra.utmTerm(), ca.utmTerm()),
                        or(ra.utmContent(), ca.utmContent()), or(ra.landingPage(), ca.landingPage()),
                        or(ra.referrer(), ca.referrer())),
                or(row.estimatedValue(), current.estimatedValue()), or(row.notes(), current.notes()));
    }

    static LeadView view(Lead lead) {
        return new LeadView(lead.id, draft(lead), lead.ownerId, lead.status, lead.score, lead.scoreReasons,
                lead.qualifiedAt == null ? null : new LeadView.Qualification(
                        Money.of(lead.budgetAmount, lead.budgetCurrency), lead.authority, lead.need, lead.timeline,
                        lead.qualifiedAt),
                lead.disqualifiedAt == null ? null : new LeadView.Disqualification(lead.disqualifyReason,
                        lead.disqualifyNote, lead.disqualifiedAt),
                lead.handedOffAt == null ? null : new LeadView.Handoff(lead.accountExecutiveId, lead.handedOffAt),
                lead.lastActivityAt, lead.referralId, lead.createdAt, lead.updatedAt, lead.version);
    }

    static ActivityView view(LeadActivity activity) {
        return new ActivityView(activity.id, activity.leadId, activity.type, activity.outcome, activity.notes,
                activity.occurredAt, activity.actorId, activity.createdAt);
    }

    /** Money as it is stored and published: in its currency's minor units ("12000" EUR is 12000.00). */
    static Money minorUnits(Money money) {
        return money == null ? null : Money.of(money.amount(), money.currency());
    }

    private static LeadDraft.Company company(Lead lead) {
        LeadDraft.Company company = new LeadDraft.Company(lead.companyName, lead.companyWebsite, lead.companyEmployees,
                lead.companyIndustry);
        return company.equals(LeadDraft.Company.NONE) ? null : company;
    }

    private static LeadDraft.Attribution attribution(Lead lead) {
        LeadDraft.Attribution attribution = new LeadDraft.Attribution(lead.utmSource, lead.utmMedium, lead.utmCampaign,
                lead.utmTerm, lead.utmContent, lead.landingPage, lead.referrer);
        return attribution.equals(LeadDraft.Attribution.NONE) ? null : attribution;
    }

    private static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static <T> T set(Map<String, Object> changes, String field, T current, T next) {
        if (!Objects.equals(current, next)) {
            changes.put(field, next);
        }
        return next;
    }

    /** As {@link #set}, by value: the column's scale (12000.000) is no change from the caller's (12000.00). */
    private static BigDecimal setAmount(Map<String, Object> changes, String field, BigDecimal current, BigDecimal next) {
        if (current == null || next == null || current.compareTo(next) != 0) {
            return set(changes, field, current, next);
        }
        return current;
    }
}
