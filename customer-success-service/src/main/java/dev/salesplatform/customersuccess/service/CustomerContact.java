package dev.salesplatform.customersuccess.service;

/** A customer's primary contact person; every part may be missing. */
public record CustomerContact(String firstName, String lastName, String email, String phone) {

    static final CustomerContact NONE = new CustomerContact(null, null, null, null);
}
