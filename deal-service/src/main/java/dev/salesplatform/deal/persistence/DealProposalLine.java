package dev.salesplatform.deal.persistence;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "deal_proposal_line")
@IdClass(DealProposalLine.Key.class)
public class DealProposalLine {

    public record Key(UUID proposalId, int position) implements Serializable {
    }

    @Id
    @Column(name = "proposal_id")
    public UUID proposalId;

    @Id
    public int position;

    @Column(nullable = false)
    public String product;

    public String description;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Column(name = "unit_price", nullable = false)
    public BigDecimal unitPrice;

    @Column(name = "discount_percent", nullable = false)
    public BigDecimal discountPercent;

    @Column(nullable = false)
    public BigDecimal subtotal;

    @Column(nullable = false)
    public BigDecimal discount;

    @Column(nullable = false)
    public BigDecimal total;
}
