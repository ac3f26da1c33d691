package dev.salesplatform.customersuccess.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What onboarding reads from a won deal (this service's own copy of the fields of deal.won.v1):
 * the company, its contact and the contract; {@code mrr} already in the currency's minor units.
 */
public record WonDeal(UUID dealId, UUID leadId, String companyName, String contactFirstName, String contactLastName,
                      String contactEmail, String contactPhone, LocalDate startDate, int termMonths, BigDecimal mrr,
                      String currency) {
}
