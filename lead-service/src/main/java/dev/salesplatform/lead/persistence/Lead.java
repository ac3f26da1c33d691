package dev.salesplatform.lead.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.salesplatform.lead.domain.LeadSource;
import dev.salesplatform.lead.domain.LeadStatus;

@Entity
@Table(name = "lead")
public class Lead {

    @Id
    public UUID id;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(nullable = false)
    public String email;

    public String phone;

    public String title;

    public String company;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LeadSource source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LeadStatus status;

    @Column(name = "owner_id")
    public UUID ownerId;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
