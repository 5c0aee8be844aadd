package io.switchboard.collaboration.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.collaboration.TransferState;
import io.switchboard.api.error.AccessDeniedException;
import io.switchboard.api.error.IllegalTransitionException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every way a transfer ends, each exactly once, and who may end it. */
class TransferTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private final UUID tenant = UUID.randomUUID();
    private final UUID ana = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID supervisor = UUID.randomUUID();

    private Transfer pending() {
        return Transfer.toAgent(tenant, UUID.randomUUID(), Channel.CHAT, ana, ana, bob, false, T0.plusSeconds(30), T0);
    }

    @Test
    void aTransferToAnAgentRingsUntilItIsAnswered() {
        Transfer transfer = pending();
        assertEquals(TransferState.PENDING, transfer.state());
        assertNull(transfer.view().endedAt());
        transfer.accept(bob, T0.plusSeconds(5));
        assertEquals(TransferState.ACCEPTED, transfer.state());
        assertEquals(bob, transfer.view().endedBy());
        assertEquals(T0.plusSeconds(5), transfer.view().endedAt());
    }

    @Test
    void onlyTheTargetAnswersAndOnlyTheSenderOrASupervisorCancels() {
        Transfer transfer = pending();
        assertThrows(AccessDeniedException.class, () -> transfer.accept(ana, T0));
        assertThrows(AccessDeniedException.class, () -> transfer.reject(supervisor, T0));
        assertThrows(AccessDeniedException.class, () -> transfer.cancel(bob, false, T0));
        assertEquals(TransferState.PENDING, transfer.state());
        transfer.cancel(supervisor, true, T0.plusSeconds(1));
        assertEquals(TransferState.CANCELLED, transfer.state());
        assertEquals(supervisor, transfer.view().endedBy());
    }

    @Test
    void pastItsDeadlineItCanNoLongerBeAccepted() {
        Transfer transfer = pending();
        IllegalTransitionException late = assertThrows(IllegalTransitionException.class,
                () -> transfer.accept(bob, T0.plusSeconds(30)));
        assertEquals("transfer-expired", late.code());
        assertEquals(TransferState.PENDING, transfer.state(), "left for the timeout, which sends it back");
        transfer.reject(bob, T0.plusSeconds(31));
        assertEquals(TransferState.REJECTED, transfer.state(), "declining late is still an answer");
    }

    @Test
    void itTimesOutOnlyOnceItsDeadlinePassed() {
        Transfer transfer = pending();
        assertThrows(IllegalTransitionException.class, () -> transfer.timeOut(T0.plusSeconds(29)));
        transfer.timeOut(T0.plusSeconds(30));
        assertEquals(TransferState.TIMED_OUT, transfer.state());
        assertNull(transfer.view().endedBy());
    }

    @Test
    void eachEndingHappensOnceWhateverRacesIt() {
        java.util.List<Consumer<Transfer>> endings = java.util.List.of(
                t -> t.accept(bob, T0.plusSeconds(10)), t -> t.reject(bob, T0.plusSeconds(10)),
                t -> t.cancel(ana, false, T0.plusSeconds(10)), t -> t.timeOut(T0.plusSeconds(30)),
                t -> t.withdraw(T0.plusSeconds(10)), t -> t.abort(supervisor, T0.plusSeconds(10)));
        for (Consumer<Transfer> first : endings) {
            for (Consumer<Transfer> second : endings) {
                Transfer transfer = pending();
                first.accept(transfer);
                TransferState outcome = transfer.state();
                IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                        () -> second.accept(transfer));
                assertEquals("transfer-not-pending", refused.code());
                assertEquals(outcome, transfer.state());
            }
        }
    }

    @Test
    void aTransferIntoAQueueIsCompleteWhenRecorded() {
        UUID queue = UUID.randomUUID();
        Transfer transfer = Transfer.toQueue(tenant, UUID.randomUUID(), Channel.EMAIL, ana, supervisor, queue, false,
                T0);
        assertEquals(TransferState.QUEUED, transfer.state());
        assertEquals(queue, transfer.view().targetQueueId());
        assertEquals(supervisor, transfer.view().requestedBy());
        assertEquals(ana, transfer.view().senderId());
        assertThrows(IllegalTransitionException.class, () -> transfer.cancel(ana, false, T0));
    }
}
