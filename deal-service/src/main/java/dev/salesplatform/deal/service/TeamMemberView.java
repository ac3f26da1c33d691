package dev.salesplatform.deal.service;

import java.time.Instant;
import java.util.UUID;

import dev.salesplatform.deal.domain.TeamRole;

/** A member of a deal's team. */
public record TeamMemberView(UUID userId, TeamRole role, String addedBy, Instant addedAt) {
}
