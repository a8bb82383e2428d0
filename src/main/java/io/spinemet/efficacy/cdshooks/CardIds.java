package io.spinemet.efficacy.cdshooks;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code uuid} of a card (CDS Hooks 2.0: an identifier the client echoes in feedback). A random version-4 UUID
 * (RFC 9562 §5.4) drawn from the thread's own generator: {@link UUID#randomUUID()} draws from one shared
 * {@code SecureRandom}, whose lock the hook calls queued on. A card id names a card, it guards nothing, so it needs
 * uniqueness, not unpredictability.
 */
final class CardIds {

    private CardIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // variant 10 (RFC 9562)
        return new UUID(msb, lsb).toString();
    }
}
