package io.switchboard.channels.email.infrastructure;

import io.switchboard.channels.email.application.InlineImages;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InlineImagePurgeTest {

    /** Images to purge per call, and the instants the job asked with. */
    private static final class Images extends InlineImages {
        final Deque<Object> batches = new ArrayDeque<>();
        final List<Instant> askedAt = new ArrayList<>();

        @Override
        public int purge(Instant now, int batch) {
            askedAt.add(now);
            Object next = batches.poll();
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            return next == null ? 0 : (Integer) next;
        }
    }

    private static InlineImagePurge purge(Images images) {
        InlineImagePurge purge = new InlineImagePurge();
        purge.images = images;
        return purge;
    }

    @Test
    void purgesByTheClockItIsGivenBatchAfterBatchUntilNoneIsLeft() {
        Images images = new Images();
        images.batches.addAll(List.of(InlineImagePurge.BATCH, InlineImagePurge.BATCH, 7));
        Instant later = Instant.parse("2027-06-01T00:00:00Z");
        assertEquals(2 * InlineImagePurge.BATCH + 7, purge(images).purge(Clock.fixed(later, ZoneOffset.UTC)));
        assertEquals(List.of(later, later, later), images.askedAt);
    }

    @Test
    void aFailingBatchStopsThisRunOnlyAndKeepsWhatWasPurged() {
        Images images = new Images();
        images.batches.addAll(List.of(InlineImagePurge.BATCH, new IllegalStateException("database away")));
        InlineImagePurge job = purge(images);
        assertEquals(InlineImagePurge.BATCH, job.purge(Clock.systemUTC()));
        images.batches.add(3);
        assertEquals(3, job.purge(Clock.systemUTC()), "the next run goes on");
    }
}
