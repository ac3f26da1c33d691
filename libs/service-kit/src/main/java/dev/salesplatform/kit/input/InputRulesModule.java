package dev.salesplatform.kit.input;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * {@link InputRules} for JSON bodies: every string, date, instant, decimal, id and enum value a
 * service reads is checked where it is read, so that the caller learns which member broke which rule
 * (400). Dates and instants are strings in their ISO-8601 form only, never numbers or blanks; ids and
 * enum values are exactly what they name, never trimmed of padding or control characters.
 */
public class InputRulesModule extends SimpleModule {

    public InputRulesModule() {
        super("salesplatform-input-rules");
        addDeserializer(String.class, new TextDeserializer());
        addDeserializer(LocalDate.class, new DateDeserializer());
        addDeserializer(Instant.class, new InstantDeserializer());
        addDeserializer(BigDecimal.class, new DecimalDeserializer());
        addDeserializer(UUID.class, new IdDeserializer());
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description, JsonDeserializer<?> deserializer) {
                return new ExactEnumDeserializer(deserializer);
            }
        });
    }

    /** A member that breaks a rule, with the rule it breaks; Jackson adds the member's path on its way up. */
    public static final class Violation extends InvalidFormatException {

        private final String rule;

        Violation(JsonParser parser, String rule, Object value, Class<?> type) {
            super(parser, rule, value, type);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    static final class TextDeserializer extends StdScalarDeserializer<String> {

        TextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            String violation = text == null ? null : InputRules.textViolation(text);
            if (violation != null) {
                throw new Violation(parser, violation, text, String.class);
            }
            return text == null ? null : InputRules.normalText(text, parser.getParsingContext().inArray());
        }
    }

    static final class DateDeserializer extends StdScalarDeserializer<LocalDate> {

        DateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.hasToken(JsonToken.VALUE_STRING) ? parser.getText() : null;
            LocalDate date = text == null ? null : InputRules.parseDate(text);
            if (date == null) {
                throw new Violation(parser, InputRules.DATE_RULE, text, LocalDate.class);
            }
            return date;
        }
    }

    static final class InstantDeserializer extends StdScalarDeserializer<Instant> {

        InstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.hasToken(JsonToken.VALUE_STRING) ? parser.getText() : null;
            Instant instant = text == null ? null : InputRules.parseInstant(text);
            if (instant == null) {
                throw new Violation(parser, InputRules.INSTANT_RULE, text, Instant.class);
            }
            return instant;
        }
    }

    static final class IdDeserializer extends StdScalarDeserializer<UUID> {

        IdDeserializer() {
            super(UUID.class);
        }

        @Override
        public UUID deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.hasToken(JsonToken.VALUE_STRING) ? parser.getText() : null;
            UUID id = text == null ? null : InputRules.parseId(text);
            if (id == null) {
                throw new Violation(parser, InputRules.ID_RULE, text, UUID.class);
            }
            return id;
        }
    }

    /** Jackson would retry an unknown name trimmed: "LEGAL\u0000" must not be LEGAL. */
    static final class ExactEnumDeserializer extends DelegatingDeserializer {

        ExactEnumDeserializer(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ExactEnumDeserializer(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getText();
                if (!text.equals(text.strip()) || InputRules.textViolation(text) != null) {
                    throw InvalidFormatException.from(parser, "not one of the values accepted", text, handledType());
                }
            }
            return super.deserialize(parser, context);
        }
    }

    /** Decimals as JSON numbers or (money) as strings, both within the rule. */
    static final class DecimalDeserializer extends StdScalarDeserializer<BigDecimal> {

        DecimalDeserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = switch (parser.currentToken()) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_STRING -> parser.getText();
                default -> null;
            };
            if (text == null) {
                return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
            }
            BigDecimal value = InputRules.parseDecimal(text);
            if (value == null) {
                throw new Violation(parser, InputRules.DECIMAL_RULE, text, BigDecimal.class);
            }
            return value;
        }
    }
}
