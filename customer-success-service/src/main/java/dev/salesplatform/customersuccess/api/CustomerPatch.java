package dev.salesplatform.customersuccess.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The caller-editable profile of a customer, the body of a JSON merge patch: the patch changes these
 * members of the current profile. Status, CSM, MRR, health and contracts change only through
 * commands (400 here).
 */
@Schema(name = "CustomerPatch")
public record CustomerPatch(
        @NotBlank @Size(max = 200) String companyName,
        @Size(max = 253)
        @Pattern(regexp = "^(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", message = "must be a domain name")
        String domain,
        @Valid ContactDto contact,
        @Size(max = 5000) String notes) {
}
