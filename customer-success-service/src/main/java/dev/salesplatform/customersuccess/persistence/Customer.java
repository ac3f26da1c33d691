package dev.salesplatform.customersuccess.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import dev.salesplatform.customersuccess.domain.ChurnReason;
import dev.salesplatform.customersuccess.domain.CustomerStatus;
import dev.salesplatform.customersuccess.domain.HealthBand;
import dev.salesplatform.customersuccess.domain.HealthScore;

@Entity
@Table(name = "customer")
public class Customer {

    @Id
    public UUID id;

    @Column(name = "company_name", nullable = false)
    public String companyName;

    @Column(name = "company_key", nullable = false)
    public String companyKey;

    public String domain;

    @Column(name = "contact_first_name")
    public String contactFirstName;

    @Column(name = "contact_last_name")
    public String contactLastName;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    public String notes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CustomerStatus status;

    @Column(name = "csm_id")
    public UUID csmId;

    @Column(name = "lead_id")
    public UUID leadId;

    /** The won deal that made this customer. */
    @Column(name = "deal_id", nullable = false)
    public UUID dealId;

    @Column(name = "health_score", nullable = false)
    public int healthScore;

    @Enumerated(EnumType.STRING)
    @Column(name = "health_band", nullable = false)
    public HealthBand healthBand;

    @Convert(converter = HealthReasonsConverter.class)
    @Column(name = "health_reasons", nullable = false)
    public List<HealthScore.Reason> healthReasons = new ArrayList<>();

    @Column(name = "health_computed_on", nullable = false)
    public LocalDate healthComputedOn;

    @Column(name = "last_touchpoint_at")
    public Instant lastTouchpointAt;

    /** The earliest end date among the ACTIVE contracts, kept for list filters. */
    @Column(name = "next_renewal_date")
    public LocalDate nextRenewalDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "churn_reason")
    public ChurnReason churnReason;

    @Column(name = "churned_at")
    public Instant churnedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The customer's contracts, oldest first, loaded with it by the services (a separate table). */
    @Transient
    public List<Contract> contracts = new ArrayList<>();
}
