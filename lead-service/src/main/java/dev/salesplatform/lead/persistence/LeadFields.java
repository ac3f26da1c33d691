package dev.salesplatform.lead.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.salesplatform.lead.api.AttributionDto;
import dev.salesplatform.lead.api.CompanyDto;
import dev.salesplatform.lead.api.CreateLeadRequest;
import dev.salesplatform.lead.api.LeadResponse;
import dev.salesplatform.lead.api.MoneyDto;

/** Copies the caller-editable fields between the API shape and the entity, and shows a lead. */
final class LeadFields {

    private LeadFields() {
    }

    /** The editable fields of a lead, in the shape a caller sends them. */
    static CreateLeadRequest editable(Lead lead) {
        return new CreateLeadRequest(lead.firstName, lead.lastName, lead.email, lead.phone, lead.title,
                company(lead), lead.source, attribution(lead),
                lead.estimatedAmount == null ? null : new MoneyDto(lead.estimatedAmount, lead.estimatedCurrency),
                lead.notes);
    }

    /** Writes {@code fields} to the lead; returns each changed field path with its new value. */
    static Map<String, Object> apply(CreateLeadRequest fields, Lead lead) {
        Map<String, Object> changes = new LinkedHashMap<>();
        CompanyDto company = fields.company() == null ? new CompanyDto(null, null, null, null) : fields.company();
        AttributionDto attribution = fields.attribution() == null
                ? new AttributionDto(null, null, null, null, null, null, null) : fields.attribution();
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
        MoneyDto value = fields.estimatedValue();
        lead.estimatedAmount = set(changes, "estimatedValue.amount", lead.estimatedAmount,
                value == null ? null : value.amount().setScale(2));
        lead.estimatedCurrency = set(changes, "estimatedValue.currency", lead.estimatedCurrency,
                value == null ? null : value.currency());
        lead.notes = set(changes, "notes", lead.notes, fields.notes());
        return changes;
    }

    /** The fields of {@code row} that are present, laid over {@code current}: an import's update. */
    static CreateLeadRequest overlay(CreateLeadRequest current, CreateLeadRequest row) {
        CompanyDto c = current.company() == null ? new CompanyDto(null, null, null, null) : current.company();
        CompanyDto r = row.company() == null ? new CompanyDto(null, null, null, null) : row.company();
        AttributionDto ca = current.attribution() == null
                ? new AttributionDto(null, null, null, null, null, null, null) : current.attribution();
        AttributionDto ra = row.attribution() == null
                ? new AttributionDto(null, null, null, null, null, null, null) : row.attribution();
        return new CreateLeadRequest(row.firstName(), row.lastName(), current.email(),
                or(row.phone(), current.phone()), or(row.title(), current.title()),
                new CompanyDto(or(r.name(), c.name()), or(r.website(), c.website()), or(r.employees(), c.employees()),
                        or(r.industry(), c.industry())),
                row.source(),
                new AttributionDto(or(ra.utmSource(), ca.utmSource()), or(ra.utmMedium(), ca.utmMedium()),
                        or(ra.utmCampaign(), ca.utmCampaign()), or(ra.utmTerm(), ca.utmTerm()),
                        or(ra.utmContent(), ca.utmContent()), or(ra.landingPage(), ca.landingPage()),
                        or(ra.referrer(), ca.referrer())),
                or(row.estimatedValue(), current.estimatedValue()), or(row.notes(), current.notes()));
    }

    static LeadResponse response(Lead lead) {
        return new LeadResponse(lead.id, lead.firstName, lead.lastName, lead.email, lead.phone, lead.title,
                company(lead), lead.source, attribution(lead), lead.ownerId, lead.status, lead.score,
                lead.scoreReasons,
                lead.estimatedAmount == null ? null : new MoneyDto(lead.estimatedAmount, lead.estimatedCurrency),
                lead.notes,
                lead.qualifiedAt == null ? null : new LeadResponse.Qualification(
                        new MoneyDto(lead.budgetAmount, lead.budgetCurrency), lead.authority, lead.need, lead.timeline,
                        lead.qualifiedAt),
                lead.disqualifiedAt == null ? null : new LeadResponse.Disqualification(lead.disqualifyReason,
                        lead.disqualifyNote, lead.disqualifiedAt),
                lead.handedOffAt == null ? null : new LeadResponse.Handoff(lead.accountExecutiveId, lead.handedOffAt),
                lead.lastActivityAt, lead.createdAt, lead.updatedAt, lead.version);
    }

    private static CompanyDto company(Lead lead) {
        if (lead.companyName == null && lead.companyWebsite == null && lead.companyEmployees == null
                && lead.companyIndustry == null) {
            return null;
        }
        return new CompanyDto(lead.companyName, lead.companyWebsite, lead.companyEmployees, lead.companyIndustry);
    }

    private static AttributionDto attribution(Lead lead) {
        AttributionDto attribution = new AttributionDto(lead.utmSource, lead.utmMedium, lead.utmCampaign,
                lead.utmTerm, lead.utmContent, lead.landingPage, lead.referrer);
        return attribution.equals(new AttributionDto(null, null, null, null, null, null, null)) ? null : attribution;
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
}
