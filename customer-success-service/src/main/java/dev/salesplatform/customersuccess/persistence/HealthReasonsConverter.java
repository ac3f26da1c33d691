package dev.salesplatform.customersuccess.persistence;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.customersuccess.domain.HealthScore;

/** Stores a customer's health reasons as a JSON array in a text column. */
@Converter
public class HealthReasonsConverter implements AttributeConverter<List<HealthScore.Reason>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<HealthScore.Reason>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<HealthScore.Reason> reasons) {
        try {
            return JSON.writeValueAsString(reasons == null ? List.of() : reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<HealthScore.Reason> convertToEntityAttribute(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("health_reasons is not a JSON array of reasons", e);
        }
    }
}
