package dev.salesplatform.deal.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.deal.domain.Actor;
import dev.salesplatform.deal.domain.DealCommand;
import dev.salesplatform.deal.domain.DealStateMachine;
import dev.salesplatform.deal.domain.ProposalCommand;
import dev.salesplatform.deal.domain.ProposalPricing;
import dev.salesplatform.deal.domain.ProposalStateMachine;
import dev.salesplatform.deal.domain.ProposalStatus;
import dev.salesplatform.deal.messaging.DealEvents;
import dev.salesplatform.deal.persistence.Deal;
import dev.salesplatform.deal.persistence.DealProposal;
import dev.salesplatform.deal.persistence.DealProposalLine;
import dev.salesplatform.deal.persistence.DealProposalRepository;
import dev.salesplatform.deal.persistence.DealRepository;
import dev.salesplatform.kit.id.UuidV7;
import dev.salesplatform.kit.money.Money;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.time.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Proposal use cases. Every write locks the deal's row, so version numbers and the one accepted
 * proposal per deal hold under concurrent requests; the change and its events commit together.
 */
@ApplicationScoped
public class ProposalService {

    /** How far ahead a proposal's validity may reach. */
    static final int MAX_VALID_DAYS = 366;

    private final Clock clock;
    private final DealAccess access;
    private final DealRepository deals;
    private final DealProposalRepository proposals;
    private final DealEvents events;

    @Inject
    ProposalService(Clock clock, DealAccess access, DealRepository deals, DealProposalRepository proposals,
                    DealEvents events) {
        this.clock = clock;
        this.access = access;
        this.deals = deals;
        this.proposals = proposals;
        this.events = events;
    }

    /** Drafts the deal's next proposal version, priced from its lines. */
    @WithTransaction
    public Uni<ProposalView> create(UUID dealId, ProposalDraft draft, Actor actor) {
        LocalDate today = today();
        if (draft.validUntil().isBefore(today) || draft.validUntil().isAfter(today.plusDays(MAX_VALID_DAYS))) {
            throw ProblemException.invalidField("validUntil", "must be from today (" + today + ") to one year ahead");
        }
        ProposalPricing.Priced priced = price(draft.lines());
        return access.lockWorkable(dealId, actor).chain(deal -> {
            DealStateMachine.next(deal.status, deal.stageCode, DealCommand.EDIT);
            return proposals.nextNumber(deal.id).chain(number -> {
                DealProposal proposal = new DealProposal();
                proposal.id = UuidV7.next();
                proposal.dealId = deal.id;
                proposal.number = number;
                proposal.status = ProposalStatus.DRAFT;
                proposal.currency = priced.currency();
                proposal.subtotal = priced.subtotal();
                proposal.discount = priced.discount();
                proposal.total = priced.total();
                proposal.validUntil = draft.validUntil();
                proposal.notes = blankToNull(draft.notes());
                proposal.createdBy = actor.id().toString();
                proposal.createdAt = access.touch(deal);
                proposal.lines = lines(proposal.id, draft.lines(), priced);
                return proposals.insert(proposal).chain(() -> deals.flush())
                        .chain(() -> events.proposalChanged(deal, actor.id().toString(), proposal))
                        .replaceWith(() -> ProposalMapper.view(proposal, today));
            });
        });
    }

    /** A deal's proposals, by version number. */
    @WithSession
    public Uni<List<ProposalView>> list(UUID dealId, Actor actor) {
        LocalDate today = today();
        return access.readable(dealId, actor).chain(() -> proposals.of(dealId))
                .map(all -> all.stream().map(p -> ProposalMapper.view(p, today)).toList());
    }

    @WithSession
    public Uni<ProposalView> find(UUID dealId, UUID proposalId, Actor actor) {
        LocalDate today = today();
        return access.readable(dealId, actor).chain(() -> proposals.of(dealId))
                .map(all -> ProposalMapper.view(pick(all, proposalId), today));
    }

    /** DRAFT to SENT: the proposal is now the customer's to decide on. */
    @WithTransaction
    public Uni<ProposalView> send(UUID dealId, UUID proposalId, Actor actor) {
        return decide(dealId, proposalId, ProposalCommand.SEND, actor, (deal, proposal, all) -> {
            proposal.sentAt = deal.updatedAt;
            return List.of(proposal);
        });
    }

    /** SENT to REJECTED, with the customer's reason (null: none given). */
    @WithTransaction
    public Uni<ProposalView> reject(UUID dealId, UUID proposalId, String reason, Actor actor) {
        return decide(dealId, proposalId, ProposalCommand.REJECT, actor, (deal, proposal, all) -> {
            decided(proposal, deal, actor);
            proposal.rejectionReason = blankToNull(reason);
            return List.of(proposal);
        });
    }

    /**
     * SENT to ACCEPTED: the deal's amount becomes the proposal's total, and the deal's other sent or
     * accepted versions are superseded (REJECTED).
     */
    @WithTransaction
    public Uni<ProposalView> accept(UUID dealId, UUID proposalId, Actor actor) {
        return decide(dealId, proposalId, ProposalCommand.ACCEPT, actor, (deal, proposal, all) -> {
            LocalDate today = today();
            List<DealProposal> changed = new ArrayList<>();
            for (DealProposal other : all) {
                if (other != proposal && ProposalStateMachine.supersededByAcceptance(
                        ProposalStateMachine.effective(other.status, other.validUntil, today))) {
                    other.status = ProposalStatus.REJECTED;
                    other.rejectionReason = "Superseded by version " + proposal.number;
                    decided(other, deal, actor);
                    changed.add(other);
                }
            }
            decided(proposal, deal, actor);
            changed.add(proposal);
            return changed;
        });
    }

    @FunctionalInterface
    private interface Decision {
        /** Records the decision's details; answers every proposal it changed, the decided one last. */
        List<DealProposal> apply(Deal deal, DealProposal proposal, List<DealProposal> all);
    }

    private Uni<ProposalView> decide(UUID dealId, UUID proposalId, ProposalCommand command, Actor actor,
                                     Decision decision) {
        LocalDate today = today();
        String who = actor.id().toString();
        return access.lockWorkable(dealId, actor).chain(deal -> proposals.of(dealId).chain(all -> {
            DealProposal proposal = pick(all, proposalId);
            ProposalStatus next = ProposalStateMachine.next(
                    ProposalStateMachine.effective(proposal.status, proposal.validUntil, today), command);
            DealStateMachine.next(deal.status, deal.stageCode, DealCommand.EDIT);
            access.touch(deal);
            List<DealProposal> changed = decision.apply(deal, proposal, all);
            // The superseded rows are written before the accepted one: the one-accepted-per-deal index
            // is checked row by row.
            Uni<Void> written = proposals.flush().invoke(() -> proposal.status = next).chain(() -> proposals.flush());
            Map<String, Object> amountChange = next == ProposalStatus.ACCEPTED ? takeAmount(deal, proposal) : Map.of();
            Uni<Void> recorded = written.chain(() -> deals.flush());
            for (DealProposal p : changed) {
                recorded = recorded.chain(() -> events.proposalChanged(deal, who, p));
            }
            if (!amountChange.isEmpty()) {
                recorded = recorded.chain(() -> events.updated(deal, who, amountChange));
            }
            return recorded.replaceWith(() -> ProposalMapper.view(proposal, today));
        }));
    }

    /** Sets the deal's amount to the accepted total; answers the changed fields for deal.updated.v1. */
    private static Map<String, Object> takeAmount(Deal deal, DealProposal proposal) {
        DealEdit current = DealMapper.editable(deal);
        return DealMapper.apply(new DealEdit(current.name(), current.companyName(), current.contact(),
                Money.of(proposal.total, proposal.currency), current.expectedCloseDate()), deal);
    }

    private static void decided(DealProposal proposal, Deal deal, Actor actor) {
        proposal.decidedBy = actor.id().toString();
        proposal.decidedAt = deal.updatedAt;
    }

    private static DealProposal pick(List<DealProposal> all, UUID proposalId) {
        return all.stream().filter(p -> p.id.equals(proposalId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Proposal", proposalId));
    }

    private static ProposalPricing.Priced price(List<ProposalDraft.Line> lines) {
        try {
            return ProposalPricing.price(lines.stream().map(l -> new ProposalPricing.Line(l.quantity(),
                    l.unitPrice().amount(), l.unitPrice().currency(), l.discountPercent())).toList());
        } catch (ProposalPricing.PricingException e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        }
    }

    private static List<DealProposalLine> lines(UUID proposalId, List<ProposalDraft.Line> requested,
                                                ProposalPricing.Priced priced) {
        List<DealProposalLine> lines = new ArrayList<>(requested.size());
        for (int i = 0; i < requested.size(); i++) {
            ProposalDraft.Line in = requested.get(i);
            ProposalPricing.PricedLine out = priced.lines().get(i);
            DealProposalLine line = new DealProposalLine();
            line.proposalId = proposalId;
            line.position = i + 1;
            line.product = in.product().strip();
            line.description = blankToNull(in.description());
            line.quantity = in.quantity();
            line.unitPrice = in.unitPrice().amount();
            line.discountPercent = in.discountPercent() == null ? BigDecimal.ZERO : in.discountPercent();
            line.subtotal = out.subtotal();
            line.discount = out.discount();
            line.total = out.total();
            lines.add(line);
        }
        return lines;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private LocalDate today() {
        return Times.today(clock);
    }
}
