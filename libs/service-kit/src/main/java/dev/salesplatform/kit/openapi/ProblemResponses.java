package dev.salesplatform.kit.openapi;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import dev.salesplatform.kit.http.IdempotentRequests;
import dev.salesplatform.kit.problem.Problem;

/**
 * The error answers every operation shares, documented once instead of on every resource: 400, 401
 * and 403 everywhere, 404 where the path names a record, 412/415/428 on merge-patch edits, 422 where
 * an Idempotency-Key is accepted (whose header it describes), each as problem+json. An operation that documents one of these
 * itself keeps its own description.
 */
public class ProblemResponses implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String IDEMPOTENCY_KEY = "Makes a retry safe: the same key (1 to 255 characters, yours for"
            + " 24 h) with the same request replays the first answer instead of acting twice";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                document(path, method, operation)));
        ensureProblemSchema(openAPI);
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        add(responses, "400", "Invalid input: the problem's errors[] names each field");
        add(responses, "401", "No valid bearer token (WWW-Authenticate says why)");
        add(responses, "403", "The caller's roles do not allow this, or the record is not theirs");
        if (path.contains("{")) {
            add(responses, "404", "No such record");
        }
        Parameter idempotencyKey = operation.getParameters() == null ? null : operation.getParameters().stream()
                .filter(p -> p.getIn() == Parameter.In.HEADER && IdempotentRequests.HEADER.equalsIgnoreCase(p.getName()))
                .findFirst().orElse(null);
        if (idempotencyKey != null) {
            if (idempotencyKey.getDescription() == null) {
                idempotencyKey.setDescription(IDEMPOTENCY_KEY);
            }
            add(responses, "409", "A request with this Idempotency-Key is still in progress (Retry-After)");
            add(responses, "422", "Idempotency-Key reused with another request (method, path or body)");
        }
        if (method == PathItem.HttpMethod.PATCH) {
            add(responses, "412", "The record changed since you read it (If-Match is stale)");
            add(responses, "415", "Not application/merge-patch+json");
            add(responses, "428", "If-Match is missing");
        }
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
    }

    /** RFC 9457 problem details, as every service answers them. */
    private static void ensureProblemSchema(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas != null && schemas.containsKey("Problem")) {
            return;
        }
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        openAPI.getComponents().addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)));
    }
}
