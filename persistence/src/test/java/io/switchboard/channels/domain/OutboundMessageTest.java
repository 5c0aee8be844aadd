package io.switchboard.channels.domain;

import io.switchboard.api.channels.ReplyStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboundMessageTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static OutboundMessage sms() {
        return OutboundMessage.sms(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "+551140000002", "+5511987654321", "Hello", T0);
    }

    @Test
    void aFailedTryGoesBackToTheQueueLaterAndLaterThenFails() {
        OutboundMessage message = sms();
        Instant now = T0;
        for (int attempt = 1; attempt < OutboundMessage.MAX_ATTEMPTS; attempt++) {
            message.claim(now);
            assertEquals(ReplyStatus.SENDING, message.status());
            message.failedForNow("503 from the provider", now);
            assertEquals(ReplyStatus.QUEUED, message.status());
            assertEquals("503 from the provider", message.view().reason(), "the reason is shown while retried");
            assertFalse(message.isDue(now), "not at once");
            Duration backoff = Duration.ofSeconds(Math.min(1L << (attempt - 1), 300));
            assertTrue(message.isDue(now.plus(backoff)), "after " + backoff + " (attempt " + attempt + ")");
            now = now.plus(backoff);
        }
        message.claim(now);
        message.failedForNow("503 again", now);
        assertEquals(ReplyStatus.FAILED, message.status(), "given up after the last try");
        assertEquals(OutboundMessage.MAX_ATTEMPTS, message.view().attempts());
        assertFalse(message.isDue(now.plus(Duration.ofDays(1))));
    }

    @Test
    void aRefusalFailsAtOnceAndAClaimCannotBeTakenTwice() {
        OutboundMessage message = sms();
        message.claim(T0);
        assertThrows(IllegalStateException.class, () -> message.claim(T0), "claimed: not due again until it lapses");
        assertTrue(message.isDue(T0.plus(OutboundMessage.CLAIM)), "a lapsed claim (a node died) is taken again");
        message.failed("400: not a mobile number", T0);
        assertEquals(ReplyStatus.FAILED, message.status());
        message.sent("SM1", T0);
        assertEquals(ReplyStatus.FAILED, message.status(), "a late success of another try changes nothing");
    }

    @Test
    void deliveryReportsOnlyMoveForward() {
        OutboundMessage message = sms();
        message.claim(T0);
        message.sent("SM1", T0);
        assertEquals(ReplyStatus.SENT, message.status());
        assertTrue(message.reported("delivered", null, T0));
        assertFalse(message.reported("sent", null, T0), "a late 'sent' does not undo delivered");
        assertFalse(message.reported("undelivered", "30003", T0), "final once delivered");
        assertEquals(ReplyStatus.DELIVERED, message.status());

        OutboundMessage lost = sms();
        lost.claim(T0);
        lost.sent("SM2", T0);
        assertTrue(lost.reported("undelivered", "30003", T0));
        assertEquals(ReplyStatus.UNDELIVERED, lost.status());
        assertTrue(lost.view().reason().contains("30003"), lost.view().reason());
        assertFalse(lost.reported("accepted", null, T0), "words it does not know change nothing");
    }
}
