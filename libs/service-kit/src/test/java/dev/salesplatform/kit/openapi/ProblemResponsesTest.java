package dev.salesplatform.kit.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    static Operation operation() {
        return OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
    }

    @Test
    void everyOperationGetsTheSharedErrorAnswersAndKeepsItsOwn() {
        Operation list = operation();
        Operation patch = operation();
        Operation command = operation();
        command.getResponses().addAPIResponse("403", OASFactory.createAPIResponse().description("Only the owner"));
        command.addParameter(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER));
        OpenAPI openAPI = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/v1/deals", OASFactory.createPathItem().GET(list))
                .addPathItem("/api/v1/deals/{id}", OASFactory.createPathItem().PATCH(patch))
                .addPathItem("/api/v1/deals/{id}/win", OASFactory.createPathItem().POST(command)));

        new ProblemResponses().filterOpenAPI(openAPI);

        assertEquals(Set.of("200", "400", "401", "403"), list.getResponses().getAPIResponses().keySet());
        assertEquals(Set.of("200", "400", "401", "403", "404", "412", "415", "428"),
                patch.getResponses().getAPIResponses().keySet());
        assertEquals("Only the owner", command.getResponses().getAPIResponse("403").getDescription());
        assertTrue(command.getResponses().hasAPIResponse("404"));
        assertFalse(command.getResponses().hasAPIResponse("428"));
        assertTrue(command.getResponses().hasAPIResponse("422"));
        assertFalse(list.getResponses().hasAPIResponse("422"));
        assertEquals("#/components/schemas/Problem", list.getResponses().getAPIResponse("401").getContent()
                .getMediaType("application/problem+json").getSchema().getRef());
        assertTrue(openAPI.getComponents().getSchemas().containsKey("Problem"));
    }
}
