package dev.salesplatform.lead.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Marketing attribution: where the lead came from, as the marketing tool saw it. */
@Schema(name = "LeadAttribution")
public record AttributionDto(
        @Size(max = 200) String utmSource,
        @Size(max = 200) String utmMedium,
        @Size(max = 200) String utmCampaign,
        @Size(max = 200) String utmTerm,
        @Size(max = 200) String utmContent,
        @Size(max = 2000) String landingPage,
        @Size(max = 2000) String referrer) {
}
