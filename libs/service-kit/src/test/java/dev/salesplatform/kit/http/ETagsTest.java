package dev.salesplatform.kit.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.salesplatform.kit.problem.ProblemException;

class ETagsTest {

    @Test
    void matchingTagsPass() {
        assertEquals("\"3\"", ETags.of(3));
        assertDoesNotThrow(() -> ETags.requireMatch("\"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("W/\"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("\"1\", \"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("*", 3));
    }

    @Test
    void missingIs428AndStaleIs412() {
        assertEquals(428, assertThrows(ProblemException.class, () -> ETags.requireMatch(null, 3)).status());
        assertEquals(428, assertThrows(ProblemException.class, () -> ETags.requireMatch(" ", 3)).status());
        assertEquals(412, assertThrows(ProblemException.class, () -> ETags.requireMatch("\"2\"", 3)).status());
        assertEquals(412, assertThrows(ProblemException.class, () -> ETags.requireMatch("3", 3)).status());
    }
}
