package dev.salesplatform.deal.service;

/** The customer's contact person on a deal; every part may be absent. */
public record Contact(String firstName, String lastName, String email, String phone) {

    public static final Contact NONE = new Contact(null, null, null, null);
}
