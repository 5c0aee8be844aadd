package io.switchboard.channels.domain;

import io.switchboard.api.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InlineImageTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static InlineImage upload(String type, byte[] bytes) {
        return InlineImage.upload(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), type, bytes, NOW);
    }

    private static String refusal(String type, byte[] bytes) {
        return assertThrows(InvalidRequestException.class, () -> upload(type, bytes)).code();
    }

    @Test
    void fifteenKilobytesAtMostByItsOwnBytes() {
        assertEquals(15 * 1024, upload("image/png", Arrays.copyOf(PNG, 15 * 1024)).bytes().length);
        assertEquals("inline-image-too-large", refusal("image/png", Arrays.copyOf(PNG, 15 * 1024 + 1)));
        assertEquals("inline-image-invalid", refusal("image/png", new byte[0]));
        assertEquals("inline-image-invalid", refusal("image/png", "<svg onload=alert(1)>".getBytes()));
        assertEquals("inline-image-invalid", refusal("image/gif", PNG), "a PNG sent as a GIF");
        assertEquals("image/jpeg", upload(null, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}).mediaType());
        assertEquals("image/gif", upload("IMAGE/GIF", "GIF89a....".getBytes()).mediaType());
    }

    @Test
    void tokensAreUnguessableAndDistinct() {
        String one = upload("image/png", PNG).token();
        assertTrue(one.matches("[A-Za-z0-9_-]{43}"), one);
        assertNotEquals(one, upload("image/png", PNG).token());
    }

    @Test
    void keptSixCalendarMonthsByTheClockItIsGiven() {
        assertEquals(Instant.parse("2026-05-23T10:00:00Z"), InlineImage.purgedBefore(NOW));
        // the end of a month: 31 August less six months is the last day of February
        assertEquals(Instant.parse("2026-02-28T23:59:59Z"),
                InlineImage.purgedBefore(Instant.parse("2026-08-31T23:59:59Z")));
    }
}
