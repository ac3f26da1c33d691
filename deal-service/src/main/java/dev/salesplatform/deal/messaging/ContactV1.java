package dev.salesplatform.deal.messaging;

/** The customer's contact person in deal events. */
public record ContactV1(String firstName, String lastName, String email, String phone) {
}
