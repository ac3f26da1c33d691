package dev.salesplatform.deal.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "pipeline")
public class Pipeline {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "is_default", nullable = false)
    public boolean isDefault;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
