package dev.salesplatform.customersuccess.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.customersuccess.domain.ReviewPlatform;

@Schema(name = "ReviewRequest", example = "{\"platform\": \"G2\", \"rating\": 5, \"url\": \"https://www.g2.com/reviews/123\"}")
public record ReviewRequest(
        @NotNull ReviewPlatform platform,
        @NotNull @Min(1) @Max(5) Integer rating,
        @Size(max = 2000) @Pattern(regexp = "^(?i)https?://[^\\s/$.?#][^\\s]*$", message = "must be an http(s) URL")
        String url) {
}
