package dev.salesplatform.deal.messaging;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.salesplatform.kit.money.Money;

/**
 * What this service reads of {@code lead.handed-off.v1}, a tolerant reader: the lead, the account
 * executive who owns its deal, the deal's starting amount, the company and contact, and who handed it
 * off; the rest of the payload is ignored. The constraints are those of a deal opened through the API.
 */
public record LeadHandedOff(
        @JsonProperty(required = true) @NotNull UUID leadId,
        @JsonProperty(required = true) @NotNull UUID accountExecutiveId,
        @JsonProperty(required = true) @NotNull @Valid Money estimatedValue,
        @Size(max = 200) String companyName,
        @Valid Contact contact,
        @JsonProperty(required = true) @NotNull String actorId) {

    /** The lead's contact person; any part may be absent. */
    public record Contact(
            @Size(max = 100) String firstName,
            @Size(max = 100) String lastName,
            @Email @Size(max = 254) String email,
            @Size(max = 40) @Pattern(regexp = "^\\+?[0-9 ()./-]{3,40}$", message = "must be a phone number")
            String phone) {
    }
}
