package dev.salesplatform.deal.service;

import java.time.LocalDate;

import dev.salesplatform.kit.money.Money;

/**
 * The caller-editable fields of a deal: what opening it sets and a merge patch changes. Stage, owner
 * and status are not among them; {@code contact} is null when the deal has none.
 */
public record DealEdit(String name, String companyName, Contact contact, Money amount, LocalDate expectedCloseDate) {
}
