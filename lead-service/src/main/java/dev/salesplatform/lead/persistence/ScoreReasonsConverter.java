package dev.salesplatform.lead.persistence;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.lead.domain.ScoreReason;

/** Stores a lead's score reasons as a JSON array in a text column. */
@Converter
public class ScoreReasonsConverter implements AttributeConverter<List<ScoreReason>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ScoreReason>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<ScoreReason> reasons) {
        try {
            return JSON.writeValueAsString(reasons == null ? List.of() : reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<ScoreReason> convertToEntityAttribute(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("score_reasons is not a JSON array of reasons", e);
        }
    }
}
