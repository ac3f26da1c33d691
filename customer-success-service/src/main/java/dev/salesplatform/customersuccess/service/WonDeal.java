package dev.salesplatform.customersuccess.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A won deal to onboard, as the deal-won consumer read it: the company, its contact and the
 * contract; {@code mrr} already in the currency's minor units.
 */
public record WonDeal(UUID dealId, UUID leadId, String companyName, String contactFirstName, String contactLastName,
                      String contactEmail, String contactPhone, LocalDate startDate, int termMonths, BigDecimal mrr,
                      String currency) {
}
