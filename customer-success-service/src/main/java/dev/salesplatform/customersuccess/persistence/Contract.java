package dev.salesplatform.customersuccess.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.salesplatform.customersuccess.domain.ContractStatus;

/** A contract term: in force on [startDate, endDate). */
@Entity
@Table(name = "contract")
public class Contract {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    /** The won deal it came from, or null for a renewal's contract. */
    @Column(name = "deal_id")
    public UUID dealId;

    /** The renewal it came from, or null for a won deal's contract. */
    @Column(name = "renewal_id")
    public UUID renewalId;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    /** Exclusive: the first day the contract is no longer in force. */
    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Column(name = "term_months", nullable = false)
    public int termMonths;

    @Column(name = "mrr_amount", nullable = false)
    public BigDecimal mrrAmount;

    @Column(nullable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContractStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
