package dev.salesplatform.kit.messaging;

/** A record that can never be processed (a poison message): it goes to the dead-letter topic at once. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
