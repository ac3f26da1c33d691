package dev.salesplatform.customersuccess.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.customersuccess.domain.CheckInType;
import dev.salesplatform.customersuccess.domain.Sentiment;

@Schema(name = "CheckInRequest", example = """
        {"type": "QBR", "sentiment": "POSITIVE", "notes": "Happy with reporting"}""")
public record CheckInRequest(@NotNull CheckInType type, @NotNull Sentiment sentiment, @Size(max = 5000) String notes) {
}
