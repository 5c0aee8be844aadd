package io.switchboard.routing.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.error.AccessDeniedException;
import io.switchboard.api.error.IllegalTransitionException;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.api.routing.InteractionCause;
import io.switchboard.api.routing.InteractionEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.switchboard.api.routing.InteractionState.ABANDONED;
import static io.switchboard.api.routing.InteractionState.ACTIVE;
import static io.switchboard.api.routing.InteractionState.DONE;
import static io.switchboard.api.routing.InteractionState.OFFERED;
import static io.switchboard.api.routing.InteractionState.QUEUED;
import static io.switchboard.api.routing.InteractionState.WRAP_UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InteractionTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private final UUID ana = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final RoutingQueue optional = new RoutingQueue(TENANT, "Sales", 0, 20, false, List.of("SOLD"));
    private final RoutingQueue required = new RoutingQueue(TENANT, "Support", 0, 20, true, List.of("SOLVED"));

    private Interaction chat(RoutingQueue queue) {
        return new Interaction(TENANT, queue, Channel.CHAT, "key", "maria@example.com", "{}", T0);
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void theWholeLifecycle() {
        Interaction chat = chat(required);
        assertEquals(QUEUED, chat.state());
        InteractionEvent offered = chat.offerTo(ana, at(20), at(0));
        assertEquals(OFFERED, offered.to());
        assertEquals(at(20), offered.offerDeadline());
        assertEquals(ACTIVE, chat.accept(ana, at(5)).to());
        assertNull(chat.offerDeadline());
        assertEquals(WRAP_UP, chat.end(ana, required, at(60)).to());
        assertEquals(DONE, chat.markDone(ana, "SOLVED", required, at(70)).to());
        assertEquals("SOLVED", chat.wrapUpCode());
    }

    @Test
    void onlyTheAgentItIsOfferedToCanAcceptOrRejectIt() {
        Interaction chat = chat(optional);
        chat.offerTo(ana, at(20), at(0));
        assertThrows(AccessDeniedException.class, () -> chat.accept(bob, at(1)));
        assertThrows(AccessDeniedException.class, () -> chat.reject(bob, at(1)));
        assertEquals(OFFERED, chat.state());
    }

    @Test
    void aRejectedInteractionKeepsItsPlaceAndSkipsThatAgent() {
        Interaction chat = chat(optional);
        chat.offerTo(ana, at(20), at(3));
        InteractionEvent back = chat.reject(ana, at(4));
        assertEquals(QUEUED, back.to());
        assertEquals(T0, chat.queuedSince(), "original position");
        assertTrue(chat.isSkipped(ana));
        assertThrows(IllegalTransitionException.class, () -> chat.offerTo(ana, at(30), at(5)));
        chat.offerTo(bob, at(30), at(5));
        assertEquals(bob, chat.agentId());
    }

    @Test
    void anOfferIsTakenBackOnlyAfterItsDeadline() {
        Interaction chat = chat(optional);
        chat.offerTo(ana, at(20), at(0));
        assertThrows(IllegalTransitionException.class, () -> chat.takeBackUnanswered(at(19)));
        assertEquals(QUEUED, chat.takeBackUnanswered(at(20)).to());
        assertTrue(chat.isSkipped(ana));
    }

    @Test
    void doneNeedsARequiredWrapUpCodeFromTheQueuesList() {
        Interaction chat = chat(required);
        chat.offerTo(ana, at(20), at(0));
        chat.accept(ana, at(1));
        chat.end(ana, required, at(2));
        assertEquals("wrap-up-required",
                assertThrows(IllegalTransitionException.class, () -> chat.markDone(ana, null, required, at(3))).code());
        assertEquals("unknown-wrap-up-code",
                assertThrows(InvalidRequestException.class, () -> chat.markDone(ana, "X", required, at(3))).code());
        assertEquals(WRAP_UP, chat.state());
    }

    @Test
    void anOptionalWrapUpCodeMayBeLeftOut() {
        Interaction chat = chat(optional);
        chat.offerTo(ana, at(20), at(0));
        chat.accept(ana, at(1));
        chat.end(ana, optional, at(2));
        assertEquals(DONE, chat.markDone(ana, null, optional, at(3)).to());
    }

    @Test
    void illegalStepsNameTheStateAndTheAction() {
        Interaction chat = chat(optional);
        var error = assertThrows(IllegalTransitionException.class, () -> chat.end(ana, optional, at(1)));
        assertTrue(error.getMessage().contains("QUEUED") && error.getMessage().contains("end"), error.getMessage());
        chat.offerTo(ana, at(20), at(0));
        chat.accept(ana, at(1));
        assertThrows(IllegalTransitionException.class, () -> chat.accept(ana, at(2)), "double accept");
        chat.end(ana, optional, at(3));
        assertThrows(IllegalTransitionException.class, () -> chat.customerLeft(optional, at(4)),
                "a chat in wrap-up has no customer left to leave");
    }

    @Test
    void aCustomerWhoLeavesWhileQueuedAbandonsIt() {
        Interaction chat = chat(optional);
        assertEquals(ABANDONED, chat.customerLeft(optional, at(9)).to());
        assertThrows(IllegalTransitionException.class, () -> chat.offerTo(ana, at(20), at(10)));
    }

    @Test
    void aCallerWhoHangsUpWhileItRingsWithdrawsTheOfferWithoutSkippingAnyone() {
        RoutingQueue calls = new RoutingQueue(TENANT, "Calls", 0, 20, false, List.of());
        Interaction call = new Interaction(TENANT, calls, Channel.VOICE, "k", "+5511999990000", "{}", T0);
        call.offerTo(ana, at(20), at(0));
        var left = call.customerLeft(calls, at(2));
        assertEquals(ABANDONED, left.to());
        assertEquals(io.switchboard.api.routing.InteractionCause.CUSTOMER_LEFT, left.cause());
        assertNull(left.agentId());
        assertEquals(ana, left.formerAgentId(), "the agent it rang for is told, so the offer leaves their screen");
        assertNull(call.offerDeadline());
    }

    @Test
    void aChatWhoseCustomerLeavesEndsIntoWrapUpWithAMarker() {
        Interaction chat = chat(optional);
        chat.offerTo(ana, at(20), at(0));
        chat.accept(ana, at(1));
        var left = chat.customerLeft(optional, at(5));
        assertEquals(WRAP_UP, left.to());
        assertEquals(ana, left.agentId(), "the agent keeps it for wrap-up");
        assertTrue(chat.content().contains("The customer left the chat."), chat.content());
        assertEquals(DONE, chat.markDone(ana, null, optional, at(6)).to());
    }

    @Test
    void anOfferWithdrawnBecauseTheAgentLeftKeepsItsPlaceAndDoesNotSkipTheAgent() {
        Interaction chat = chat(optional);
        chat.offerTo(ana, at(20), at(1));
        var back = chat.withdrawOffer(at(2));
        assertEquals(QUEUED, back.to());
        assertEquals(io.switchboard.api.routing.InteractionCause.AGENT_LEFT, back.cause());
        assertEquals(T0, chat.queuedSince(), "its place in the queue");
        assertTrue(!chat.isSkipped(ana), "the agent may take it when back");
        chat.offerTo(ana, at(30), at(3));
    }

    @Test
    void eventsAreNumberedPerInteractionIncludingChangesWithoutATransition() {
        Interaction chat = chat(optional);
        assertEquals(1, chat.queuedEvent().sequence());
        assertEquals(2, chat.offerTo(ana, at(20), at(0)).sequence());
        assertEquals(3, chat.accept(ana, at(1)).sequence());
        var message = chat.sendChatMessage(ana, false, "Ana", "hello", at(2));
        assertEquals(4, message.sequence());
        assertEquals(message.from(), message.to());
        assertEquals(io.switchboard.api.routing.InteractionCause.MESSAGE, message.cause());
    }

    @Test
    void aVoiceCallStartsItsQueuesAfterCallWorkWhichCanBeExtendedAndEndsWithDone() {
        RoutingQueue voiceQueue = callsWithAfterCallWork(30);
        Interaction call = endedCall(voiceQueue, at(100));
        assertTrue(call.afterCallWorkRunning());
        assertEquals(at(130), call.afterCallWorkDeadline());
        assertEquals(io.switchboard.api.routing.InteractionCause.ACW_EXTENDED,
                call.extendAfterCallWork(ana, 60, at(110)).cause());
        assertEquals(at(190), call.afterCallWorkDeadline(), "extended from the current deadline");
        assertThrows(IllegalTransitionException.class, () -> call.finishAfterCallWork(at(189)), "not over yet");
        call.extendAfterCallWork(ana, -1, at(120));
        assertNull(call.afterCallWorkDeadline(), "until done");
        call.markDone(ana, null, voiceQueue, at(300));
        assertTrue(!call.afterCallWorkRunning());
    }

    @Test
    void theEndOfAfterCallWorkIsAnEventAndTheInteractionStaysInWrapUp() {
        Interaction call = endedCall(callsWithAfterCallWork(30), at(100));
        var ended = call.finishAfterCallWork(at(130));
        assertEquals(io.switchboard.api.routing.InteractionCause.ACW_ENDED, ended.cause());
        assertEquals(WRAP_UP, ended.to());
        assertTrue(!call.afterCallWorkRunning());
    }

    @Test
    void aSupervisorForcesAnActiveCallIntoWrapUpAndTheHistorySaysWho() {
        RoutingQueue calls = callsWithAfterCallWork(30);
        Interaction call = new Interaction(TENANT, calls, Channel.VOICE, "k", "+5511999990000", "{}", T0);
        UUID supervisor = UUID.randomUUID();
        assertThrows(IllegalTransitionException.class, () -> call.forceWrapUp(supervisor, calls, at(0)),
                "nothing to end while it waits");
        call.offerTo(ana, at(20), at(0));
        call.accept(ana, at(1));
        InteractionEvent forced = call.forceWrapUp(supervisor, calls, at(90));
        assertEquals(WRAP_UP, forced.to());
        assertEquals(InteractionCause.FORCED_WRAP_UP, forced.cause());
        assertEquals(supervisor, forced.actorId());
        assertEquals(ana, forced.agentId(), "still the agent's to wrap up");
        assertEquals(at(120), call.afterCallWorkDeadline(), "the queue's After-Call-Work starts as on a normal end");
        assertThrows(IllegalTransitionException.class, () -> call.forceWrapUp(supervisor, calls, at(91)));
        assertEquals(DONE, call.markDone(ana, null, calls, at(100)).to());
    }

    private static RoutingQueue callsWithAfterCallWork(int seconds) {
        RoutingQueue calls = new RoutingQueue(TENANT, "Calls", 0, 20, false, List.of());
        calls.configureAfterCallWork(seconds, "READY", null);
        return calls;
    }

    /** A call of the queue answered by ana and ended by her at {@code endedAt}. */
    private Interaction endedCall(RoutingQueue calls, Instant endedAt) {
        Interaction call = new Interaction(TENANT, calls, Channel.VOICE, "k", "+5511999990000", "{}", T0);
        call.offerTo(ana, at(20), at(0));
        call.accept(ana, at(1));
        call.end(ana, calls, endedAt);
        return call;
    }

    @Test
    void wrapUpCodesAreCheckedOneByOne() {
        for (List<String> bad : List.of(List.of(""), List.of("A,B"), List.of("x".repeat(41)), List.of(" A"),
                List.of("A", "A"), List.of("A\u0000B"), java.util.Arrays.asList("A", null))) {
            assertEquals("invalid-wrap-up-codes", assertThrows(InvalidRequestException.class,
                    () -> new RoutingQueue(TENANT, "Q", 0, 20, true, bad)).code(), bad.toString());
        }
        assertEquals(List.of("SOLVED", "x".repeat(40)),
                new RoutingQueue(TENANT, "Q", 0, 20, true, List.of("SOLVED", "x".repeat(40))).wrapUpCodes());
    }

    @Test
    void chatsHaveNoAfterCallWorkAndAcwSettingsAreValidated() {
        RoutingQueue queue = new RoutingQueue(TENANT, "Q", 0, 20, false, List.of());
        queue.configureAfterCallWork(30, "READY", null);
        Interaction chat = chat(queue);
        chat.offerTo(ana, at(20), at(0));
        chat.accept(ana, at(1));
        chat.end(ana, queue, at(2));
        assertTrue(!chat.afterCallWorkRunning());
        assertThrows(IllegalTransitionException.class, () -> chat.extendAfterCallWork(ana, 10, at(3)));
        assertThrows(InvalidRequestException.class, () -> queue.configureAfterCallWork(30, "NOT_READY", null));
        assertThrows(InvalidRequestException.class, () -> queue.configureAfterCallWork(-5, "READY", null));
        assertThrows(InvalidRequestException.class, () -> queue.configureAfterCallWork(30, "LUNCH", null));
    }

    @Test
    void anActiveEmailIsParkedPickedUpAndMovedButAChatCannotBeParked() {
        Interaction email = new Interaction(TENANT, optional, Channel.EMAIL, "k", "rita@example.com", "{}", T0);
        email.offerTo(ana, at(20), at(0));
        email.accept(ana, at(1));
        assertEquals(io.switchboard.api.routing.InteractionState.PARKED,
                email.park(ana, Workbin.personal(ana), at(2)).to());
        assertNull(email.agentId(), "a parked email holds no agent");
        assertEquals(Workbin.personal(ana), email.workbin().orElseThrow());
        assertEquals(io.switchboard.api.routing.InteractionCause.WORKBIN_MOVED,
                email.moveTo(Workbin.team(optional.id()), at(2)).cause());
        assertEquals(Workbin.team(optional.id()), email.workbin().orElseThrow());
        assertEquals(ACTIVE, email.pickUp(bob, at(3)).to());
        assertEquals(bob, email.agentId());
        assertTrue(email.workbin().isEmpty());

        Interaction chat = chat(optional);
        chat.offerTo(ana, at(20), at(0));
        chat.accept(ana, at(1));
        assertEquals("not-parkable", assertThrows(InvalidRequestException.class,
                () -> chat.park(ana, Workbin.personal(ana), at(2))).code());
    }

    @Test
    void queueAndProfileRulesAreChecked() {
        assertThrows(InvalidRequestException.class, () -> new RoutingQueue(TENANT, "Q", 0, 0, false, List.of()));
        assertThrows(InvalidRequestException.class, () -> new RoutingQueue(TENANT, "Q", 0, 20, true, List.of()));
        assertThrows(InvalidRequestException.class,
                () -> new MultimediaProfile(TENANT, "P", java.util.Map.of(Channel.CHAT, 99)));
        MultimediaProfile profile = new MultimediaProfile(TENANT, "P", java.util.Map.of(Channel.CHAT, 2));
        assertEquals(2, profile.capacityOf(Channel.CHAT));
        assertEquals(0, profile.capacityOf(Channel.VOICE), "a channel the profile does not name allows none");
    }

    @Test
    void anAgentsOutboundConversationIsTheirsAtOnceAndOnlyWhenNew() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        Interaction started = new Interaction(TENANT, optional, Channel.SMS, "out-1", "+5511987654321", "{}", now);
        UUID agent = UUID.randomUUID();
        InteractionEvent event = started.startOutbound(agent, now);
        assertEquals(ACTIVE, started.state(), "no offer, no RONA: accepted by starting it");
        assertEquals(agent, started.agentId());
        assertTrue(started.outbound());
        assertEquals(InteractionCause.OUTBOUND_STARTED, event.cause());
        assertThrows(IllegalTransitionException.class, () -> started.startOutbound(agent, now), "started once");
    }
}
