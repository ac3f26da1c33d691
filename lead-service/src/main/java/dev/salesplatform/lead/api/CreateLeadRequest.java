package dev.salesplatform.lead.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.kit.money.Money;
import dev.salesplatform.lead.domain.LeadSource;

/**
 * What a caller may set when capturing a lead (also one row of an import, and the shape a merge
 * patch edits). Owner, status and score are not among them: a request that sends them is rejected.
 */
@Schema(name = "CreateLead", example = """
        {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com", "title": "CTO",
         "company": {"name": "Analytical Engines Ltd", "website": "https://engines.example", "employees": 120,
                     "industry": "Computing"},
         "source": "WEB_FORM", "attribution": {"utmSource": "newsletter", "utmCampaign": "autumn-launch"},
         "estimatedValue": {"amount": "12000.00", "currency": "EUR"}}""")
public record CreateLeadRequest(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 40) @Pattern(regexp = "^\\+?[0-9 ()./-]{3,40}$", message = "must be a phone number") String phone,
        @Size(max = 120) String title,
        @Valid CompanyDto company,
        @NotNull LeadSource source,
        @Valid AttributionDto attribution,
        @Valid Money estimatedValue,
        @Size(max = 5000) String notes) {
}
