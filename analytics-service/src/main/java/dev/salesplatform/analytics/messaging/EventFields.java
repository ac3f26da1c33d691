package dev.salesplatform.analytics.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.salesplatform.kit.input.InputRules;
import dev.salesplatform.kit.messaging.CloudEvent;
import dev.salesplatform.kit.messaging.InvalidEventException;

/**
 * Typed reads of the few payload fields analytics uses, by the rules its producers apply
 * ({@link InputRules}): a malformed one, or one those rules refuse, makes the event poison. So does an
 * event time outside them, whatever the type: it sets the watermark of every event.
 */
final class EventFields {

    private final CloudEvent event;

    /** {@code event}'s time is within the years of the input rules (CloudEvent reads it so). */
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
        return checked(event.text(field), field);
    }

    String optionalText(String field) {
        return checked(event.optionalText(field), field);
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
        LocalDate date = node.isTextual() ? InputRules.parseDate(node.asText()) : null;
        if (date == null) {
            throw invalid(field, InputRules.DATE_RULE);
        }
        return date;
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
        return new Money(decimal(amount.asText(), field + ".amount"), checked(currency.asText(), field + ".currency"));
    }

    BigDecimal decimal(String value, String field) {
        BigDecimal decimal = InputRules.parseDecimal(value);
        if (decimal == null) {
            throw invalid(field, InputRules.DECIMAL_RULE);
        }
        return decimal;
    }

    JsonNode node(String field) {
        return event.data().get(field);
    }

    InvalidEventException invalid(String field) {
        return new InvalidEventException("event " + event.id() + " (" + event.type() + ") has a malformed " + field);
    }

    private InvalidEventException invalid(String field, String rule) {
        return new InvalidEventException("event " + event.id() + " (" + event.type() + ") has a malformed " + field
                + ": it " + rule);
    }

    private String checked(String text, String field) {
        String violation = text == null ? null : InputRules.textViolation(text);
        if (violation != null) {
            throw invalid(field, violation);
        }
        return text;
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
