package dev.salesplatform.customersuccess.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.salesplatform.customersuccess.domain.MovementKind;

/** An MRR change of a contract: EXPANSION or CONTRACTION, with its cause. */
@Entity
@Table(name = "revenue_movement")
public class RevenueMovement {

    public static final String EXPANSION = "EXPANSION";
    public static final String CONTRACTION = "CONTRACTION";

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "contract_id", nullable = false)
    public UUID contractId;

    @Column(nullable = false)
    public String direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MovementKind kind;

    @Column(name = "mrr_before", nullable = false)
    public BigDecimal mrrBefore;

    @Column(name = "mrr_after", nullable = false)
    public BigDecimal mrrAfter;

    @Column(nullable = false)
    public String currency;

    public String reason;

    @Column(name = "deal_id")
    public UUID dealId;

    @Column(name = "renewal_id")
    public UUID renewalId;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
