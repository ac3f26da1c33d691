package dev.salesplatform.deal.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import dev.salesplatform.deal.domain.TeamRole;

@Entity
@Table(name = "deal_team_member")
@IdClass(DealTeamMember.Key.class)
public class DealTeamMember {

    public record Key(UUID dealId, UUID userId) implements Serializable {
    }

    @Id
    @Column(name = "deal_id")
    public UUID dealId;

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TeamRole role;

    @Column(name = "added_by", nullable = false)
    public String addedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;
}
