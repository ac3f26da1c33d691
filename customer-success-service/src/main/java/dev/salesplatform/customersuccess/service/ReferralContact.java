package dev.salesplatform.customersuccess.service;

/** The person a customer referred: a name and an e-mail (lead-service makes a lead of them), phone and title. */
public record ReferralContact(String firstName, String lastName, String email, String phone, String title) {
}
