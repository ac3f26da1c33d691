package dev.salesplatform.lead.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.lead.domain.LeadSource;

/** What a caller may set when capturing a lead; owner, status and score are not among them. */
@Schema(name = "CreateLead", example = """
        {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com",
         "company": "Analytical Engines Ltd", "title": "CTO", "source": "WEB_FORM"}""")
public record CreateLeadRequest(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 40) @Pattern(regexp = "^\\+?[0-9 ()./-]{3,40}$", message = "must be a phone number") String phone,
        @Size(max = 120) String title,
        @Size(max = 200) String company,
        @NotNull LeadSource source) {
}
