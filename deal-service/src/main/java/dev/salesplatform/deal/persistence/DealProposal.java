package dev.salesplatform.deal.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import dev.salesplatform.deal.domain.ProposalStatus;

@Entity
@Table(name = "deal_proposal")
public class DealProposal {

    @Id
    public UUID id;

    @Column(name = "deal_id", nullable = false)
    public UUID dealId;

    /** The proposal's version within its deal: 1, 2, ... */
    @Column(nullable = false)
    public int number;

    /** As stored; never EXPIRED (that is computed from the validity date). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProposalStatus status;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public BigDecimal subtotal;

    @Column(nullable = false)
    public BigDecimal discount;

    @Column(nullable = false)
    public BigDecimal total;

    @Column(name = "valid_until", nullable = false)
    public LocalDate validUntil;

    public String notes;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** Loaded beside the proposal, in position order. */
    @Transient
    public List<DealProposalLine> lines = List.of();
}
