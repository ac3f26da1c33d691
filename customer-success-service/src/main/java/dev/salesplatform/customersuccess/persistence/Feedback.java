package dev.salesplatform.customersuccess.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.salesplatform.customersuccess.domain.NpsCategory;

/** One NPS answer (0-10) with the customer's comment. */
@Entity
@Table(name = "feedback")
public class Feedback {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false)
    public int score;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NpsCategory category;

    public String comment;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
