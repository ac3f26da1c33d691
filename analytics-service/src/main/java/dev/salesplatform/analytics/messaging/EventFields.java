package dev.salesplatform.analytics.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.salesplatform.kit.messaging.CloudEvent;
import dev.salesplatform.kit.messaging.InvalidEventException;

/** Typed reads of the few payload fields analytics uses; a malformed one makes the event poison. */
final class EventFields {

    private final CloudEvent event;

    EventFields(CloudEvent event) {
        this.event = event;
    }

    OffsetDateTime time() {
        return OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC);
    }

    long version() {
        JsonNode node = event.data().get("aggregateVersion");
        if (node == null || !node.canConvertToLong()) {
            throw invalid("aggregateVersion");
        }
        return node.asLong();
    }

    String text(String field) {
        return event.text(field);
    }

    String optionalText(String field) {
        return event.optionalText(field);
    }

    String id() {
        return event.id();
    }

    UUID uuid(String field) {
        return uuid(event.text(field), field);
    }

    UUID optionalUuid(String field) {
        String value = event.optionalText(field);
        return value == null ? null : uuid(value, field);
    }

    LocalDate optionalDate(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw invalid(field);
        }
    }

    /** A money object {amount, currency}; null when absent. */
    Money optionalMoney(String field) {
        JsonNode node = event.data().get(field);
        return node == null || node.isNull() ? null : money(node, field);
    }

    Money money(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw invalid(field);
        }
        JsonNode amount = node.get("amount");
        JsonNode currency = node.get("currency");
        if (amount == null || currency == null || !currency.isTextual() || currency.asText().length() != 3) {
            throw invalid(field);
        }
        return new Money(decimal(amount.asText(), field + ".amount"), currency.asText());
    }

    BigDecimal decimal(String value, String field) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw invalid(field);
        }
    }

    JsonNode node(String field) {
        return event.data().get(field);
    }

    InvalidEventException invalid(String field) {
        return new InvalidEventException("event " + event.id() + " (" + event.type() + ") has a malformed " + field);
    }

    UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalid(field);
        }
    }

    record Money(BigDecimal amount, String currency) {
    }
}
