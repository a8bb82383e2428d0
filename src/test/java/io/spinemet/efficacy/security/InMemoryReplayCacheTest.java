package io.spinemet.efficacy.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InMemoryReplayCacheTest {

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();

    @Test
    void aJtiIsAcceptedOnceUntilItExpires() {
        InMemoryReplayCache cache = new InMemoryReplayCache(10, clock);
        Instant exp = clock.now.plusSeconds(300);
        assertTrue(cache.firstUse("iss", "a", exp));
        assertFalse(cache.firstUse("iss", "a", exp));
        clock.now = clock.now.plusSeconds(299);
        assertFalse(cache.firstUse("iss", "a", exp));
        clock.now = clock.now.plusSeconds(2);
        assertEquals(0, cache.size(), "forgotten once expired");
        assertFalse(cache.firstUse("iss", "a", exp), "an expired token is never first use");
    }

    @Test
    void issuersAreSeparateAndKeysDoNotCollide() {
        InMemoryReplayCache cache = new InMemoryReplayCache(10, clock);
        Instant exp = clock.now.plusSeconds(60);
        assertTrue(cache.firstUse("iss-1", "a", exp));
        assertTrue(cache.firstUse("iss-2", "a", exp));
        assertTrue(cache.firstUse("a:b", "c", exp));
        assertTrue(cache.firstUse("a", "b:c", exp));
    }

    @Test
    void whenFullItRefusesRatherThanForgets() {
        InMemoryReplayCache cache = new InMemoryReplayCache(2, clock);
        Instant exp = clock.now.plus(Duration.ofMinutes(5));
        assertTrue(cache.firstUse("iss", "1", exp));
        assertTrue(cache.firstUse("iss", "2", clock.now.plusSeconds(10)));
        assertFalse(cache.firstUse("iss", "3", exp), "full: refused");
        assertFalse(cache.firstUse("iss", "1", exp), "still remembered");
        clock.now = clock.now.plusSeconds(11);
        assertTrue(cache.firstUse("iss", "3", exp), "room again once one expired");
    }

    @Test
    void aJtiIsRequired() {
        InMemoryReplayCache cache = new InMemoryReplayCache(2, clock);
        assertThrows(IllegalArgumentException.class, () -> cache.firstUse("iss", "", clock.now.plusSeconds(5)));
        assertThrows(IllegalArgumentException.class, () -> cache.firstUse(null, "x", clock.now.plusSeconds(5)));
    }
}
