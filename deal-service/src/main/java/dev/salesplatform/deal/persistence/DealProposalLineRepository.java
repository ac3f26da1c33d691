package dev.salesplatform.deal.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DealProposalLineRepository implements PanacheRepositoryBase<DealProposalLine, DealProposalLine.Key> {
}
