package dev.salesplatform.deal.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.salesplatform.deal.domain.ObstacleStatus;
import dev.salesplatform.deal.domain.ObstacleType;

@Entity
@Table(name = "deal_obstacle")
public class DealObstacle {

    @Id
    public UUID id;

    @Column(name = "deal_id", nullable = false)
    public UUID dealId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ObstacleType type;

    public String notes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ObstacleStatus status;

    public String resolution;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
