package dev.salesplatform.deal.api;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.kit.money.Money;

/**
 * A deal's caller-editable fields, the document a merge patch applies to: the patched result must be
 * a valid one. Stage, owner and status are not among them.
 */
@Schema(name = "DealPatch")
public record DealPatch(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String companyName,
        @Valid ContactDto contact,
        @NotNull @Valid Money amount,
        LocalDate expectedCloseDate) {
}
