package dev.salesplatform.deal.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.deal.domain.TeamRole;

/** A member of a deal's team. */
@Schema(name = "DealTeamMember")
public record TeamMemberDto(UUID userId, TeamRole role, String addedBy, Instant addedAt) {
}
