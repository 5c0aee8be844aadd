package io.switchboard.routing.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.error.AccessDeniedException;
import io.switchboard.api.error.DomainException;
import io.switchboard.api.error.IllegalTransitionException;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.api.routing.InteractionCause;
import io.switchboard.api.routing.InteractionEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.switchboard.api.routing.InteractionState.ACTIVE;
import static io.switchboard.api.routing.InteractionState.QUEUED;
import static io.switchboard.api.routing.InteractionState.WRAP_UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interaction's side of transfers (CO3, CO4): the hold, the handover, the release, the move into a queue. */
class InteractionTransferTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private final UUID ana = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final RoutingQueue sales = new RoutingQueue(TENANT, "Sales", 0, 20, true, List.of("SOLD"));
    private final RoutingQueue support = new RoutingQueue(TENANT, "Support", 0, 20, false, List.of());

    private Interaction activeChatOf(UUID agent) {
        Interaction chat = new Interaction(TENANT, sales, Channel.CHAT, "key", "maria@example.com", "{}", T0);
        chat.offerTo(agent, at(20), at(1));
        chat.accept(agent, at(2));
        return chat;
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void aPendingTransferFreezesTheInteractionInTheSendersHands() {
        Interaction chat = activeChatOf(ana);
        InteractionEvent requested = chat.requestTransfer(ana, bob, at(40), 10, at(10));
        assertEquals(InteractionCause.TRANSFER_REQUESTED, requested.cause());
        assertEquals(ana, requested.agentId());
        assertEquals(bob, requested.counterpartId());
        assertEquals(ACTIVE, chat.state());
        assertEquals(bob, chat.transferTargetId());
        assertEquals(at(40), chat.transferDeadline());
        assertEquals("transfer-pending", code(() -> chat.end(ana, sales, at(11))));
        assertEquals("transfer-pending", code(() -> chat.park(ana, Workbin.personal(ana), at(11))));
        assertEquals("transfer-pending", code(() -> chat.requestTransfer(ana, UUID.randomUUID(), at(50), 10,
                at(11))));
        assertEquals("transfer-pending", code(() -> chat.transferToQueue(ana, support, List.of(), 10, at(11))));
        // The sender still talks with the customer meanwhile.
        chat.sendChatMessage(ana, false, "Ana", "One moment, I am bringing in a colleague.", at(12));
    }

    @Test
    void acceptedTheInteractionIsTheTargetsAsItIs() {
        Interaction chat = activeChatOf(ana);
        chat.sendChatMessage(ana, false, "Ana", "hello", at(5));
        String transcript = chat.content();
        chat.requestTransfer(ana, bob, at(40), 10, at(10));
        InteractionEvent moved = chat.completeTransfer(bob, at(15));
        assertEquals(InteractionCause.TRANSFERRED, moved.cause());
        assertEquals(bob, moved.agentId());
        assertEquals(ana, moved.formerAgentId());
        assertEquals(bob, chat.agentId());
        assertEquals(ACTIVE, chat.state());
        assertNull(chat.transferTargetId());
        assertEquals(1, chat.transferCount());
        assertEquals(transcript, chat.content());
        assertThrows(AccessDeniedException.class, () -> chat.end(ana, sales, at(16)));
        assertEquals(WRAP_UP, chat.end(bob, sales, at(16)).to());
    }

    @Test
    void onlyThePendingTargetCompletesIt() {
        Interaction chat = activeChatOf(ana);
        assertEquals("no-pending-transfer", code(() -> chat.completeTransfer(bob, at(3))));
        chat.requestTransfer(ana, bob, at(40), 10, at(10));
        assertEquals("no-pending-transfer", code(() -> chat.completeTransfer(UUID.randomUUID(), at(11))));
        assertEquals(ana, chat.agentId());
    }

    @Test
    void aReleasedTransferLeavesItWithTheSenderUnfrozen() {
        for (InteractionCause why : List.of(InteractionCause.TRANSFER_REJECTED, InteractionCause.TRANSFER_TIMED_OUT,
                InteractionCause.TRANSFER_CANCELLED, InteractionCause.TRANSFER_WITHDRAWN)) {
            Interaction chat = activeChatOf(ana);
            chat.requestTransfer(ana, bob, at(40), 10, at(10));
            InteractionEvent back = chat.releaseTransfer(why, at(12));
            assertEquals(why, back.cause());
            assertEquals(ana, back.agentId());
            assertEquals(bob, back.counterpartId());
            assertNull(chat.transferTargetId());
            assertEquals(0, chat.transferCount());
            assertEquals(WRAP_UP, chat.end(ana, sales, at(13)).to());
        }
        Interaction idle = activeChatOf(ana);
        assertEquals("no-pending-transfer", code(() -> idle.releaseTransfer(InteractionCause.TRANSFER_REJECTED,
                at(3))));
    }

    @Test
    void theCustomerLeavingCallsOffThePendingTransfer() {
        Interaction chat = activeChatOf(ana);
        chat.requestTransfer(ana, bob, at(40), 10, at(10));
        InteractionEvent left = chat.customerLeft(sales, at(12));
        assertEquals(WRAP_UP, left.to());
        assertEquals(bob, left.counterpartId());
        assertNull(chat.transferTargetId());
    }

    @Test
    void onlyItsHolderTransfersItAndNeverToThemself() {
        Interaction chat = activeChatOf(ana);
        assertThrows(AccessDeniedException.class, () -> chat.requestTransfer(bob, UUID.randomUUID(), at(40), 10,
                at(3)));
        assertEquals("transfer-to-self", code(() -> chat.requestTransfer(ana, ana, at(40), 10, at(3))));
        assertThrows(AccessDeniedException.class, () -> chat.transferToQueue(bob, support, List.of(), 10, at(3)));
        Interaction waiting = new Interaction(TENANT, sales, Channel.CHAT, "k2", "x@example.com", "{}", T0);
        assertThrows(IllegalTransitionException.class, () -> waiting.requestTransfer(ana, bob, at(40), 10, at(3)));
        assertNull(chat.transferTargetId());
    }

    @Test
    void intoAQueueItWaitsAgainAheadOfLaterArrivalsAndNeverGoesBackToTheSender() {
        Interaction chat = activeChatOf(ana);
        UUID stillWrappingUp = UUID.randomUUID();
        InteractionEvent moved = chat.transferToQueue(ana, support, List.of(stillWrappingUp), 10, at(30));
        assertEquals(InteractionCause.TRANSFERRED_TO_QUEUE, moved.cause());
        assertEquals(QUEUED, chat.state());
        assertEquals(ana, moved.formerAgentId());
        assertNull(chat.agentId());
        assertEquals(support.id(), chat.queueId());
        assertEquals(T0, chat.queuedSince(), "AHEAD keeps the customer's first arrival time");
        assertTrue(chat.isSkipped(ana));
        assertTrue(chat.isSkipped(stillWrappingUp), "nor to anyone still wrapping up an earlier handover");
        assertEquals(1, chat.transferCount());

        RoutingQueue behind = new RoutingQueue(TENANT, "Back office", 0, 20, false, List.of());
        behind.configureTransfers(30, "BEHIND");
        Interaction other = activeChatOf(ana);
        other.transferToQueue(ana, behind, List.of(), 10, at(30));
        assertEquals(at(30), other.queuedSince(), "BEHIND queues it as a new arrival");
    }

    @Test
    void transfersPerInteractionAreBounded() {
        Interaction chat = activeChatOf(ana);
        chat.requestTransfer(ana, bob, at(40), 2, at(10));
        chat.completeTransfer(bob, at(11));
        chat.requestTransfer(bob, ana, at(50), 2, at(12));
        chat.completeTransfer(ana, at(13));
        assertEquals("too-many-transfers", code(() -> chat.requestTransfer(ana, bob, at(60), 2, at(14))));
        assertEquals("too-many-transfers", code(() -> chat.transferToQueue(ana, support, List.of(), 2, at(14))));
        assertEquals(ana, chat.agentId());
        assertFalse(chat.isSkipped(ana));
    }

    @Test
    void theSendersWrapUpTakesTheirQueuesCodes() {
        Interaction chat = activeChatOf(ana);
        chat.requestTransfer(ana, bob, at(40), 10, at(10));
        chat.completeTransfer(bob, at(11));
        Participation wrapUp = Participation.handedOver(chat, ana, at(11));
        assertEquals("wrap-up-required", code(() -> wrapUp.wrapUp(null, sales, at(12))));
        assertEquals("unknown-wrap-up-code", code(() -> wrapUp.wrapUp("NOPE", sales, at(12))));
        assertTrue(wrapUp.isOpen());
        wrapUp.wrapUp("SOLD", sales, at(13));
        assertFalse(wrapUp.isOpen());
        assertEquals("SOLD", wrapUp.wrapUpCode());
        assertThrows(IllegalTransitionException.class, () -> wrapUp.wrapUp("SOLD", sales, at(14)));
        InteractionEvent done = chat.handoverDone(ana, at(13));
        assertEquals(InteractionCause.HANDOVER_DONE, done.cause());
        assertEquals(ana, done.counterpartId());
        assertEquals(bob, done.agentId());
    }

    @Test
    void aTransferOfferEndsOnceAndIsNoWrapUp() {
        Interaction chat = activeChatOf(ana);
        Participation offer = Participation.transferOffer(chat, bob, at(10));
        assertThrows(IllegalTransitionException.class, () -> offer.wrapUp("SOLD", sales, at(11)));
        offer.endOffer(at(11));
        assertFalse(offer.isOpen());
        assertThrows(IllegalTransitionException.class, () -> offer.endOffer(at(12)));
    }

    @Test
    void queueTransferSettingsAreChecked() {
        assertThrows(InvalidRequestException.class, () -> support.configureTransfers(4, "AHEAD"));
        assertThrows(InvalidRequestException.class, () -> support.configureTransfers(601, "AHEAD"));
        assertThrows(InvalidRequestException.class, () -> support.configureTransfers(30, "FRONT"));
        assertEquals(30, support.transferTimeoutSeconds());
        assertTrue(support.transfersWaitAhead());
    }

    private static String code(Runnable call) {
        return assertThrows(DomainException.class, call::run).code();
    }
}
