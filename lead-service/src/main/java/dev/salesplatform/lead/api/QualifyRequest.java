package dev.salesplatform.lead.api;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.kit.money.Money;

/** BANT: what makes a lead likely to buy. */
@Schema(name = "Qualify", example = """
        {"budget": {"amount": "50000.00", "currency": "EUR"}, "authority": "CFO signs; CTO decides",
         "need": "Replace spreadsheets for 40 sales reps", "timeline": "2027-03-31"}""")
public record QualifyRequest(
        @NotNull @Valid Money budget,
        @NotBlank @Size(max = 500) String authority,
        @NotBlank @Size(max = 2000) String need,
        @NotNull @FutureOrPresent(message = "must be today or later") LocalDate timeline) {
}
