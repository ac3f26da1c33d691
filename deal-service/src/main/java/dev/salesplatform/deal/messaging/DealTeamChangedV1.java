package dev.salesplatform.deal.messaging;

import java.util.List;
import java.util.UUID;

import dev.salesplatform.deal.domain.TeamRole;

/** Payload of {@code deal.team-changed.v1}: who joined or left, and the team after the change. */
public record DealTeamChangedV1(UUID dealId, UUID ownerId, String change, UUID userId, TeamRole role,
                                List<Member> team) {

    public record Member(UUID userId, TeamRole role) {
    }
}
