package dev.salesplatform.kit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.salesplatform.kit.problem.ProblemException;

class IdsAndEnumsTest {

    enum Colour { RED, GREEN }

    @Test
    void idsParseOnlyCanonicalUuids() {
        UUID id = UUID.randomUUID();
        assertEquals(id, Ids.parse(id.toString(), "id"));
        for (String bad : new String[] {null, "", "1-1-1-1-1", "not-a-uuid", id + "0"}) {
            ProblemException problem = assertThrows(ProblemException.class, () -> Ids.parse(bad, "id"));
            assertEquals(400, problem.status());
            assertEquals("id", problem.toProblem("/x").getErrors().get(0).field());
        }
    }

    @Test
    void enumsParseExactNamesAndNameTheAllowedOnes() {
        assertEquals(Colour.RED, Enums.parse(Colour.class, "RED", "colour"));
        assertNull(Enums.parse(Colour.class, null, "colour"));
        ProblemException problem = assertThrows(ProblemException.class, () -> Enums.parse(Colour.class, "red", "colour"));
        assertEquals("must be one of [RED, GREEN]", problem.toProblem("/x").getErrors().get(0).message());
    }
}
