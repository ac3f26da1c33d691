package dev.salesplatform.kit.problem;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import dev.salesplatform.kit.input.InputRules;
import dev.salesplatform.kit.input.InputRulesModule;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Wrong JSON types are the caller's mistake to report (400), not values to convert silently: a score
 * of 7.5 is not 7, an enum given as 1 is not its second constant, notes of 5 are not "5", a count of
 * "5" is not 5; a member
 * given twice is not its last value. Strings, dates, instants and decimals keep {@link InputRules}.
 * Every service reads JSON this way.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Last, so that no module registered after it (Java time's) takes its deserializers back. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // A decimal accepted as 1E+3 is written 1000, as the event catalogue promises (toPlainString).
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.registerModule(new InputRulesModule());
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // Nor is "12\u0000" a term of 12 months: numbers and flags are JSON numbers and booleans.
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
    }
}
