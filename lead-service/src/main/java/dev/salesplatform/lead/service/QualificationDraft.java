package dev.salesplatform.lead.service;

import java.time.LocalDate;

import dev.salesplatform.kit.money.Money;

/** What qualifying a lead records (BANT): budget, authority, need, timeline. */
public record QualificationDraft(Money budget, String authority, String need, LocalDate timeline) {
}
