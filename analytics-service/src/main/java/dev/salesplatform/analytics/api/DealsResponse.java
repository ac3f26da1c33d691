package dev.salesplatform.analytics.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

import dev.salesplatform.kit.money.Money;

/** Deals closed (won or lost) in {@code [from, to)}. */
@Schema(name = "DealMetrics")
public record DealsResponse(Instant from, Instant to, UUID owner, long won, long lost,
                            @Schema(description = "won / (won + lost)") RateDto winRate,
                            @Schema(description = "Per currency: won deals, their final amounts, the average (half-even, "
                                    + "in the currency's minor units)")
                            List<WonSize> wonSize,
                            @Schema(description = "Days from deal.created to deal.won of the deals won in the period")
                            SalesCycle salesCycleDays,
                            List<LostReason> lostReasons, Instant completeUntil) {

    @Schema(name = "WonDealSize")
    public record WonSize(String currency, long count, Money total, Money average) {
    }

    /** Median and mean in days with 2 decimals (half-even); null without won deals. */
    @Schema(name = "SalesCycle")
    public record SalesCycle(long deals,
                             @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING) BigDecimal median,
                             @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING) BigDecimal mean) {
    }

    @Schema(name = "LostReasonCount")
    public record LostReason(String reason, long count) {
    }
}
