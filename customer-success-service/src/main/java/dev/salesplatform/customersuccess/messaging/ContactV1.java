package dev.salesplatform.customersuccess.messaging;

/** The customer's primary contact in customer events. */
public record ContactV1(String firstName, String lastName, String email, String phone) {
}
