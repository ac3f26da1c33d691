package dev.salesplatform.customersuccess.messaging;

import java.math.BigDecimal;

import dev.salesplatform.customersuccess.domain.MoneyRules;

/** Money in events: a decimal string in the currency's minor units and an ISO-4217 code. */
public record MoneyV1(String amount, String currency) {

    static MoneyV1 of(BigDecimal amount, String currency) {
        return amount == null ? null : new MoneyV1(MoneyRules.round(amount, currency).toPlainString(), currency);
    }
}
