package dev.salesplatform.customersuccess.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.salesplatform.customersuccess.domain.CheckInType;
import dev.salesplatform.customersuccess.domain.Sentiment;

@Entity
@Table(name = "check_in")
public class CheckIn {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CheckInType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sentiment sentiment;

    public String notes;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
