package dev.salesplatform.customersuccess.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Someone the customer referred; lead-service makes a REFERRAL lead of it. */
@Entity
@Table(name = "referral")
public class Referral {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "company_name")
    public String companyName;

    @Column(name = "contact_first_name", nullable = false)
    public String contactFirstName;

    @Column(name = "contact_last_name", nullable = false)
    public String contactLastName;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "contact_title")
    public String contactTitle;

    public String note;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
