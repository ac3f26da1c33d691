package dev.salesplatform.lead.api;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.salesplatform.kit.problem.JsonProblems;
import dev.salesplatform.kit.problem.ProblemException;

/**
 * JSON Merge Patch (RFC 7386) on a lead's editable fields: members replace, null removes, objects
 * merge. The result is read with the same rules as a create (unknown or not-settable fields are 400)
 * and validated like one.
 */
@ApplicationScoped
public class LeadPatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    public CreateLeadRequest apply(CreateLeadRequest current, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("A merge patch must be a JSON object");
        }
        JsonNode merged = merge(mapper.valueToTree(current), patch);
        CreateLeadRequest result;
        try {
            result = mapper.treeToValue(merged, CreateLeadRequest.class);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        }
        Set<ConstraintViolation<CreateLeadRequest>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }

    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
