package dev.salesplatform.kit.id;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): 48 bits of Unix milliseconds, then random bits. Ids
 * made by one process are strictly increasing, also within a millisecond, so they work as keyset
 * cursors and keep B-tree inserts at the right edge.
 */
public final class UuidV7 {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Object LOCK = new Object();
    private static long lastMillis;
    private static long sequence;

    private UuidV7() {
    }

    public static UUID next() {
        long millis;
        long seq;
        synchronized (LOCK) {
            millis = Math.max(System.currentTimeMillis(), lastMillis);
            if (millis == lastMillis) {
                sequence++;
                if (sequence > 0xFFF) {
                    // 4096 ids in one millisecond: borrow the next millisecond to stay ordered.
                    millis++;
                    sequence = RANDOM.nextInt(0x400);
                }
            } else {
                sequence = RANDOM.nextInt(0x400);
            }
            lastMillis = millis;
            seq = sequence;
        }
        long msb = (millis << 16) | 0x7000L | seq;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** The creation time in Unix milliseconds encoded in a version 7 UUID. */
    public static long timestamp(UUID uuid) {
        if (uuid.version() != 7) {
            throw new IllegalArgumentException("not a version 7 UUID: " + uuid);
        }
        return uuid.getMostSignificantBits() >>> 16;
    }
}
