package dev.salesplatform.lead.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.salesplatform.lead.domain.ActivityType;

@Entity
@Table(name = "lead_activity")
public class LeadActivity {

    @Id
    public UUID id;

    @Column(name = "lead_id", nullable = false)
    public UUID leadId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActivityType type;

    public String outcome;

    public String notes;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "actor_id", nullable = false)
    public String actorId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
