package dev.salesplatform.deal.persistence;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DealProposalRepository implements PanacheRepositoryBase<DealProposal, UUID> {

    private final DealProposalLineRepository lines;

    @Inject
    public DealProposalRepository(DealProposalLineRepository lines) {
        this.lines = lines;
    }

    /** A deal's proposals with their lines, by version number. */
    public Uni<List<DealProposal>> of(UUID dealId) {
        return find("dealId = ?1 order by number", dealId).list().chain(all -> all.isEmpty() ? Uni.createFrom().item(all)
                : lines.list("proposalId in ?1 order by position", all.stream().map(p -> p.id).toList()).map(rows -> {
                    Map<UUID, List<DealProposalLine>> byProposal = rows.stream()
                            .collect(Collectors.groupingBy(l -> l.proposalId));
                    all.forEach(p -> p.lines = byProposal.getOrDefault(p.id, List.of()));
                    return all;
                }));
    }

    /** The deal's next version number. */
    public Uni<Integer> nextNumber(UUID dealId) {
        return find("dealId = ?1 order by number desc", dealId).firstResult().map(last -> last == null ? 1 : last.number + 1);
    }

    /** Inserts the proposal and its lines. */
    public Uni<Void> insert(DealProposal proposal) {
        return persist(proposal).chain(() -> lines.persist(proposal.lines));
    }
}
