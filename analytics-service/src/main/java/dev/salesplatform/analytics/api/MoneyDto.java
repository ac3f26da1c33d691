package dev.salesplatform.analytics.api;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

/** Money on the wire: a decimal string and an ISO-4217 code. */
@Schema(name = "Money", example = "{\"amount\": \"1250.00\", \"currency\": \"EUR\"}")
public record MoneyDto(@JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING) BigDecimal amount,
                       String currency) {
}
