package dev.salesplatform.lead.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** The new owner (an SDR's user id). An SDR may only claim an unassigned lead for themselves. */
public record AssignRequest(@NotNull UUID ownerId) {
}
