package dev.salesplatform.kit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.salesplatform.kit.problem.ProblemException;

class CursorAndPageTest {

    @Test
    void cursorRoundTripsItsValues() {
        Cursor cursor = Cursor.of("2026-11-29T10:00:00Z", "abc", 42);
        assertEquals(cursor, Cursor.decode(cursor.encode(), 3));
        assertEquals("42", Cursor.decode(cursor.encode(), 3).value(2));
    }

    @Test
    void foreignOrTamperedCursorsAre400() {
        String encoded = Cursor.of("a", "b").encode();
        assertEquals(400, assertThrows(ProblemException.class, () -> Cursor.decode(encoded, 1)).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> Cursor.decode("%%%", 1)).status());
    }

    @Test
    void limitDefaultsTo50AndStaysWithin1To200() {
        assertEquals(50, PageRequest.of(null, null, 1).limit());
        assertEquals(200, PageRequest.of("200", null, 1).limit());
        assertNull(PageRequest.of("1", "", 1).cursor());
        for (String bad : List.of("0", "201", "-1", "ten", "1.5", "99999999999")) {
            assertEquals(400, assertThrows(ProblemException.class, () -> PageRequest.of(bad, null, 1)).status(), bad);
        }
    }

    @Test
    void pageUsesTheExtraRowOnlyToKnowThereIsMore() {
        Page<String> full = Page.of(List.of(1, 2, 3), 2, n -> Cursor.of(n), String::valueOf);
        assertEquals(List.of("1", "2"), full.items());
        assertEquals(Cursor.of(2).encode(), full.nextCursor());
        Page<String> last = Page.of(List.of(1, 2), 2, n -> Cursor.of(n), String::valueOf);
        assertEquals(List.of("1", "2"), last.items());
        assertNull(last.nextCursor());
    }

    @Test
    void aMappedPageKeepsItsCursor() {
        Page<String> full = Page.of(List.of(1, 2, 3), 2, n -> Cursor.of(n), String::valueOf);
        Page<Integer> lengths = full.map(String::length);
        assertEquals(List.of(1, 1), lengths.items());
        assertEquals(full.nextCursor(), lengths.nextCursor());
    }
}
