package dev.salesplatform.deal.messaging;

import java.math.BigDecimal;

/** Money in events: a decimal string and an ISO-4217 code. */
public record MoneyV1(String amount, String currency) {

    static MoneyV1 of(BigDecimal amount, String currency) {
        return amount == null ? null : new MoneyV1(amount.toPlainString(), currency);
    }
}
