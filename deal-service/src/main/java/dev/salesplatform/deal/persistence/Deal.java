package dev.salesplatform.deal.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import dev.salesplatform.deal.domain.DealStatus;
import dev.salesplatform.deal.domain.LostReason;

@Entity
@Table(name = "deal")
public class Deal {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "company_name")
    public String companyName;

    @Column(name = "contact_first_name")
    public String contactFirstName;

    @Column(name = "contact_last_name")
    public String contactLastName;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(nullable = false)
    public String currency;

    @Column(name = "expected_close_date")
    public LocalDate expectedCloseDate;

    @Column(name = "pipeline_id", nullable = false)
    public UUID pipelineId;

    @Column(name = "stage_code", nullable = false)
    public String stageCode;

    @Column(name = "stage_entered_at", nullable = false)
    public Instant stageEnteredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DealStatus status;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Column(name = "lead_id")
    public UUID leadId;

    @Column(name = "final_amount")
    public BigDecimal finalAmount;

    @Column(name = "final_currency")
    public String finalCurrency;

    @Column(name = "contract_start_date")
    public LocalDate contractStartDate;

    @Column(name = "contract_term_months")
    public Integer contractTermMonths;

    @Column(name = "mrr_amount")
    public BigDecimal mrrAmount;

    @Column(name = "mrr_currency")
    public String mrrCurrency;

    @Enumerated(EnumType.STRING)
    @Column(name = "lost_reason")
    public LostReason lostReason;

    @Column(name = "lost_competitor")
    public String lostCompetitor;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The deal's team, loaded beside the deal (a separate table). */
    @Transient
    public List<DealTeamMember> team = new ArrayList<>();
}
