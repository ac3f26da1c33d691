package dev.salesplatform.deal.api;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The caller-editable fields of a deal: what a merge patch changes. Stage, owner and status are not among them. */
@Schema(name = "DealFields")
public record DealFields(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String companyName,
        @Valid ContactDto contact,
        @NotNull @Valid MoneyDto amount,
        LocalDate expectedCloseDate) {
}
