package dev.salesplatform.lead.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The lead's company. */
@Schema(name = "LeadCompany")
public record CompanyDto(
        @Size(max = 200) String name,
        @Size(max = 255) @Pattern(regexp = "^(https?://)?[A-Za-z0-9.-]+\\.[A-Za-z]{2,}(/\\S*)?$",
                message = "must be a web address") String website,
        @Min(1) @Max(10_000_000) Integer employees,
        @Size(max = 100) String industry) {
}
