package dev.salesplatform.customersuccess.domain;

import java.util.Locale;

/** A command the customer's status does not allow (answered 409 with the current status). */
public class IllegalCustomerStateException extends RuntimeException {

    private final CustomerStatus current;

    public IllegalCustomerStateException(CustomerStatus current, CustomerCommand command) {
        super("A " + current + " customer takes no " + command.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        this.current = current;
    }

    public CustomerStatus current() {
        return current;
    }
}
