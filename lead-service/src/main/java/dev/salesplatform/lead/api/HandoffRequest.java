package dev.salesplatform.lead.api;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.kit.money.Money;

/** Hands a qualified lead to an account executive, who gets a deal from it. */
@Schema(name = "Handoff", example = """
        {"accountExecutiveId": "00000000-0000-7000-8000-000000000003",
         "estimatedValue": {"amount": "48000.00", "currency": "EUR"}, "note": "Wants a demo next week"}""")
public record HandoffRequest(
        @NotNull UUID accountExecutiveId,
        @NotNull @Valid Money estimatedValue,
        @Size(max = 2000) String note) {
}
