package dev.salesplatform.deal.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.deal.domain.TeamRole;

/** Who joins a deal's team, and as what. */
public record AddTeamMemberRequest(
        @Schema(description = "The user (Keycloak subject) who joins", required = true) @NotNull UUID userId,
        @Schema(description = "SALES_SPECIALIST or ACCOUNT_EXECUTIVE", required = true) @NotNull TeamRole role) {
}
