package dev.salesplatform.lead.api;


import dev.salesplatform.lead.service.ActivityDraft;
import dev.salesplatform.lead.service.ActivityView;
import dev.salesplatform.lead.service.LeadDraft;
import dev.salesplatform.lead.service.LeadView;
import dev.salesplatform.lead.service.QualificationDraft;

/** Between the lead API's records and the lead use cases' own. */
final class LeadDtoMapper {

    private LeadDtoMapper() {
    }

    static LeadDraft draft(CreateLeadRequest request) {
        CompanyDto company = request.company();
        AttributionDto attribution = request.attribution();
        return new LeadDraft(request.firstName(), request.lastName(), request.email(), request.phone(), request.title(),
                company == null ? null : new LeadDraft.Company(company.name(), company.website(), company.employees(),
                        company.industry()),
                request.source(),
                attribution == null ? null : new LeadDraft.Attribution(attribution.utmSource(), attribution.utmMedium(),
                        attribution.utmCampaign(), attribution.utmTerm(), attribution.utmContent(),
                        attribution.landingPage(), attribution.referrer()),
                request.estimatedValue(), request.notes());
    }

    /** A lead's fields in the shape a caller sends them: what a merge patch edits. */
    static CreateLeadRequest request(LeadDraft draft) {
        return new CreateLeadRequest(draft.firstName(), draft.lastName(), draft.email(), draft.phone(), draft.title(),
                company(draft.company()), draft.source(), attribution(draft.attribution()), draft.estimatedValue(),
                draft.notes());
    }

    static LeadResponse response(LeadView lead) {
        LeadDraft fields = lead.fields();
        LeadView.Qualification qualification = lead.qualification();
        LeadView.Disqualification disqualification = lead.disqualification();
        LeadView.Handoff handoff = lead.handoff();
        return new LeadResponse(lead.id(), fields.firstName(), fields.lastName(), fields.email(), fields.phone(),
                fields.title(), company(fields.company()), fields.source(), attribution(fields.attribution()),
                lead.ownerId(), lead.status(), lead.score(), lead.scoreReasons(), fields.estimatedValue(), fields.notes(),
                qualification == null ? null : new LeadResponse.Qualification(qualification.budget(),
                        qualification.authority(), qualification.need(), qualification.timeline(),
                        qualification.qualifiedAt()),
                disqualification == null ? null : new LeadResponse.Disqualification(disqualification.reason(),
                        disqualification.note(), disqualification.disqualifiedAt()),
                handoff == null ? null : new LeadResponse.Handoff(handoff.accountExecutiveId(), handoff.handedOffAt()),
                lead.lastActivityAt(), lead.createdAt(), lead.updatedAt(), lead.version());
    }

    static ActivityDraft activity(ActivityRequest request) {
        return new ActivityDraft(request.type(), request.outcome(), request.notes(), request.occurredAt());
    }

    static ActivityResponse response(ActivityView activity) {
        return new ActivityResponse(activity.id(), activity.leadId(), activity.type(), activity.outcome(),
                activity.notes(), activity.occurredAt(), activity.actorId(), activity.createdAt());
    }

    static QualificationDraft qualification(QualifyRequest request) {
        return new QualificationDraft(request.budget(), request.authority(), request.need(), request.timeline());
    }

    private static CompanyDto company(LeadDraft.Company company) {
        return company == null ? null
                : new CompanyDto(company.name(), company.website(), company.employees(), company.industry());
    }

    private static AttributionDto attribution(LeadDraft.Attribution attribution) {
        return attribution == null ? null : new AttributionDto(attribution.utmSource(), attribution.utmMedium(),
                attribution.utmCampaign(), attribution.utmTerm(), attribution.utmContent(), attribution.landingPage(),
                attribution.referrer());
    }
}
