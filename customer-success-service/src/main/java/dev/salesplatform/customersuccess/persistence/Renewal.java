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

import dev.salesplatform.customersuccess.domain.ChurnReason;
import dev.salesplatform.customersuccess.domain.RenewalStatus;

/** The renewal of one contract term, due on the contract's end date. */
@Entity
@Table(name = "renewal")
public class Renewal {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "contract_id", nullable = false)
    public UUID contractId;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    /** The contract's MRR when the renewal opened. */
    @Column(name = "current_mrr", nullable = false)
    public BigDecimal currentMrr;

    @Column(nullable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RenewalStatus status;

    @Column(name = "new_contract_id")
    public UUID newContractId;

    @Enumerated(EnumType.STRING)
    @Column(name = "churn_reason")
    public ChurnReason churnReason;

    @Column(name = "churn_note")
    public String churnNote;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
