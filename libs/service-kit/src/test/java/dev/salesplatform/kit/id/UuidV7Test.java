package dev.salesplatform.kit.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class UuidV7Test {

    @Test
    void isVersion7WithRfcVariantAndCurrentTime() {
        long before = System.currentTimeMillis();
        UUID id = UuidV7.next();
        long after = System.currentTimeMillis();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long timestamp = UuidV7.timestamp(id);
        assertTrue(timestamp >= before && timestamp <= after + 1, "timestamp " + timestamp);
    }

    @Test
    void strictlyIncreasingAndUniqueEvenWithinOneMillisecond() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(UuidV7.next());
        }
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i - 1).toString().compareTo(ids.get(i).toString()) < 0, "not increasing at " + i);
        }
        assertEquals(ids.size(), new HashSet<>(ids).size());
    }

    @Test
    void timestampRejectsOtherVersions() {
        assertThrows(IllegalArgumentException.class, () -> UuidV7.timestamp(UUID.randomUUID()));
    }
}
