package dev.salesplatform.customersuccess.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One NPS answer: "How likely are you to recommend us?" 0-10. */
@Schema(name = "FeedbackRequest", example = "{\"score\": 9, \"comment\": \"Support is excellent\"}")
public record FeedbackRequest(@NotNull @Min(0) @Max(10) Integer score, @Size(max = 5000) String comment) {
}
