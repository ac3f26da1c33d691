package dev.salesplatform.deal.api;

import dev.salesplatform.deal.service.Contact;
import dev.salesplatform.deal.service.DealDraft;
import dev.salesplatform.deal.service.DealEdit;
import dev.salesplatform.deal.service.DealSummaryView;
import dev.salesplatform.deal.service.DealView;
import dev.salesplatform.deal.service.DealWin;
import dev.salesplatform.deal.service.ObstacleView;
import dev.salesplatform.deal.service.TeamMemberView;

/** Between the deal API's request and response records and the deal use cases' own types. */
final class DealDtoMapper {

    private DealDtoMapper() {
    }

    static DealDraft draft(CreateDealRequest request) {
        return new DealDraft(new DealEdit(request.name(), request.companyName(), contact(request.contact()),
                request.amount(), request.expectedCloseDate()), request.pipelineId(), request.ownerId());
    }

    /** The deal's editable fields as the document a merge patch applies to. */
    static DealPatch patchable(DealEdit fields) {
        return new DealPatch(fields.name(), fields.companyName(), contact(fields.contact()), fields.amount(),
                fields.expectedCloseDate());
    }

    static DealEdit edit(DealPatch patched) {
        return new DealEdit(patched.name(), patched.companyName(), contact(patched.contact()), patched.amount(),
                patched.expectedCloseDate());
    }

    static DealWin win(WinRequest request) {
        ContractDto contract = request.contract();
        return new DealWin(request.finalAmount(), contract.startDate(), contract.termMonths(),
                contract.monthlyRecurringRevenue(), request.override() == null ? null : request.override().reason());
    }

    static DealResponse response(DealView deal) {
        return new DealResponse(deal.id(), deal.name(), deal.companyName(), contact(deal.contact()), deal.amount(),
                deal.expectedCloseDate(), deal.pipelineId(), deal.stage(), deal.winProbability(), deal.stageEnteredAt(),
                deal.status(), deal.ownerId(), deal.team().stream().map(DealDtoMapper::member).toList(), deal.leadId(),
                deal.won() == null ? null : new DealResponse.Won(deal.won().finalAmount(),
                        new ContractDto(deal.won().contract().startDate(), deal.won().contract().termMonths(),
                                deal.won().contract().monthlyRecurringRevenue()), deal.won().closedAt()),
                deal.lost() == null ? null : new DealResponse.Lost(deal.lost().reason(), deal.lost().competitor(),
                        deal.lost().closedAt()),
                deal.createdBy(), deal.createdAt(), deal.updatedAt(), deal.version());
    }

    static DealSummaryResponse summary(DealSummaryView summary) {
        return new DealSummaryResponse(summary.items().stream().map(row -> new DealSummaryResponse.Row(row.pipelineId(),
                row.stage(), row.winProbability(), row.currency(), row.count(), row.amount(), row.weightedAmount()))
                .toList());
    }

    static ObstacleDto obstacle(ObstacleView o) {
        return new ObstacleDto(o.id(), o.dealId(), o.type(), o.notes(), o.status(), o.resolution(), o.createdBy(),
                o.createdAt(), o.resolvedBy(), o.resolvedAt());
    }

    private static TeamMemberDto member(TeamMemberView member) {
        return new TeamMemberDto(member.userId(), member.role(), member.addedBy(), member.addedAt());
    }

    private static Contact contact(ContactDto contact) {
        return contact == null ? null : new Contact(contact.firstName(), contact.lastName(), contact.email(),
                contact.phone());
    }

    private static ContactDto contact(Contact contact) {
        return contact == null ? null : new ContactDto(contact.firstName(), contact.lastName(), contact.email(),
                contact.phone());
    }
}
