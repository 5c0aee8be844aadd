package io.switchboard.channels.im.application;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SendRatesTest {

    private final SendRates rates = new SendRates();

    {
        rates.perWindow = 2;
        rates.windowSeconds = 10;
    }

    @Test
    void aSenderMaySendTheLimitPerWindowThenWaitsForTheNextOne() {
        UUID ana = UUID.randomUUID();
        Instant start = Instant.parse("2026-11-23T10:00:00Z");
        assertTrue(rates.take(ana, start).isEmpty());
        assertTrue(rates.take(ana, start.plusSeconds(1)).isEmpty());
        assertEquals(Duration.ofSeconds(7), rates.take(ana, start.plusSeconds(3)).orElseThrow());
        assertTrue(rates.take(UUID.randomUUID(), start.plusSeconds(3)).isEmpty(), "each sender has their own");
        assertTrue(rates.take(ana, start.plusSeconds(10)).isEmpty(), "a new window");
    }
}
