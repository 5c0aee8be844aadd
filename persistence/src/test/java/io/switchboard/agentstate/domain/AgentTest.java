package io.switchboard.agentstate.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.agentstate.AgentEvent;
import io.switchboard.api.agentstate.AgentEventType;
import io.switchboard.api.agentstate.LicenceTier;
import io.switchboard.api.error.IllegalTransitionException;
import io.switchboard.api.error.InvalidRequestException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static io.switchboard.api.Channel.CHAT;
import static io.switchboard.api.Channel.EMAIL;
import static io.switchboard.api.Channel.VOICE;
import static io.switchboard.api.agentstate.ChannelState.AFTER_CALL_WORK;
import static io.switchboard.api.agentstate.ChannelState.LOGGED_OUT;
import static io.switchboard.api.agentstate.ChannelState.NOT_READY;
import static io.switchboard.api.agentstate.ChannelState.PENDING_NOT_READY;
import static io.switchboard.api.agentstate.ChannelState.READY;
import static io.switchboard.api.agentstate.ChannelState.RONA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private static final boolean PENDING_ON = true;
    private static final boolean PENDING_OFF = false;

    private final ReasonCode lunch = new ReasonCode(TENANT, "LUNCH", "Lunch");
    private final ReasonCode training = new ReasonCode(TENANT, "TRAINING", "Training");
    private final Agent agent = agentWith(VOICE, CHAT, EMAIL);

    private static Agent agentWith(Channel... channels) {
        Agent a = new Agent(TENANT, "ana", "Ana Souza", "1001", LicenceTier.PREMIUM, "hash", Set.of(Role.AGENT));
        a.assignChannels(Set.of(channels), T0);
        return a;
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private Object stateOf(Channel channel) {
        return agent.channelStates().get(channel);
    }

    private ChannelSession sessionOf(Channel channel) {
        return agent.channelSessions().stream().filter(s -> s.channel() == channel).findFirst().orElseThrow();
    }

    private void readyOn(Channel channel) {
        agent.login(Set.of(channel), at(0));
        agent.ready(Set.of(channel), at(1));
    }

    @Nested
    class LoginAndLogOff {

        @Test
        void newAssignmentsStartLoggedOut() {
            assertEquals(LOGGED_OUT, stateOf(VOICE));
            assertEquals(LOGGED_OUT, stateOf(CHAT));
        }

        @Test
        void loginToAllAssignedChannelsGoesNotReadyWithoutReason() {
            AgentChanges changes = agent.login(Set.of(), at(5));
            assertEquals(3, changes.events().size());
            assertEquals(NOT_READY, stateOf(EMAIL));
            assertNull(sessionOf(EMAIL).reasonCode());
            assertTrue(changes.finishedIntervals().isEmpty(), "logged-out time is not recorded");
        }

        @Test
        void loginToAllSkipsChannelsAlreadyLoggedIn() {
            agent.login(Set.of(VOICE), at(0));
            AgentChanges changes = agent.login(Set.of(), at(1));
            assertEquals(Set.of(CHAT, EMAIL), channelsOf(changes));
        }

        @Test
        void loginToAllWhenEverythingIsLoggedInIsIllegal() {
            agent.login(Set.of(), at(0));
            assertThrows(IllegalTransitionException.class, () -> agent.login(Set.of(), at(1)));
        }

        @Test
        void loginTwiceToOneChannelIsIllegalAndNamesTheState() {
            agent.login(Set.of(CHAT), at(0));
            var error = assertThrows(IllegalTransitionException.class, () -> agent.login(Set.of(CHAT), at(1)));
            assertTrue(error.getMessage().contains("NOT_READY"), error.getMessage());
            assertTrue(error.getMessage().contains("log in"), error.getMessage());
        }

        @Test
        void logOffOneChannelKeepsTheOthers() {
            agent.login(Set.of(), at(0));
            agent.logOff(Set.of(CHAT), at(10));
            assertEquals(LOGGED_OUT, stateOf(CHAT));
            assertEquals(NOT_READY, stateOf(VOICE));
            assertEquals(NOT_READY, stateOf(EMAIL));
        }

        @Test
        void logOffAllLogsOffEveryLoggedInChannel() {
            agent.login(Set.of(VOICE, CHAT), at(0));
            AgentChanges changes = agent.logOff(Set.of(), at(10));
            assertEquals(Set.of(VOICE, CHAT), channelsOf(changes));
            assertEquals(LOGGED_OUT, stateOf(VOICE));
        }

        @Test
        void logOffALoggedOutChannelIsIllegal() {
            assertThrows(IllegalTransitionException.class, () -> agent.logOff(Set.of(VOICE), at(0)));
            assertThrows(IllegalTransitionException.class, () -> agent.logOff(Set.of(), at(0)));
        }

        @Test
        void logOffWithActiveWorkIsIllegal() {
            readyOn(CHAT);
            agent.workStarted(CHAT);
            var error = assertThrows(IllegalTransitionException.class, () -> agent.logOff(Set.of(CHAT), at(5)));
            assertEquals("channel-has-work", error.code());
            assertEquals(READY, stateOf(CHAT));
        }
    }

    @Nested
    class ReadyAndNotReady {

        @Test
        void readyFromNotReady() {
            agent.login(Set.of(CHAT), at(0));
            AgentChanges changes = agent.ready(Set.of(CHAT), at(30));
            assertEquals(READY, stateOf(CHAT));
            StateInterval interval = changes.finishedIntervals().get(0);
            assertEquals(NOT_READY, interval.state());
            assertEquals(30, interval.duration().toSeconds());
        }

        @Test
        void readyWhileLoggedOutIsIllegal() {
            assertThrows(IllegalTransitionException.class, () -> agent.ready(Set.of(CHAT), at(0)));
        }

        @Test
        void readyTwiceIsIllegal() {
            readyOn(CHAT);
            var error = assertThrows(IllegalTransitionException.class, () -> agent.ready(Set.of(CHAT), at(2)));
            assertTrue(error.getMessage().contains("READY"));
        }

        @Test
        void readyOnAllSkipsChannelsAlreadyReady() {
            agent.login(Set.of(), at(0));
            agent.ready(Set.of(VOICE), at(1));
            AgentChanges changes = agent.ready(Set.of(), at(2));
            assertEquals(Set.of(CHAT, EMAIL), channelsOf(changes));
        }

        @Test
        void notReadyWithReasonWhileIdleTakesEffectAtOnce() {
            readyOn(VOICE);
            agent.notReady(Set.of(VOICE), lunch, PENDING_ON, at(10));
            assertEquals(NOT_READY, stateOf(VOICE));
            assertEquals("LUNCH", sessionOf(VOICE).reasonCode());
        }

        @Test
        void notReadyChangesTheReason() {
            readyOn(VOICE);
            agent.notReady(Set.of(VOICE), lunch, PENDING_OFF, at(10));
            AgentChanges changes = agent.notReady(Set.of(VOICE), training, PENDING_OFF, at(20));
            assertEquals("TRAINING", sessionOf(VOICE).reasonCode());
            assertEquals("LUNCH", changes.finishedIntervals().get(0).reasonCode());
        }

        @Test
        void notReadyWithTheSameReasonAgainIsIllegal() {
            readyOn(VOICE);
            agent.notReady(Set.of(VOICE), lunch, PENDING_OFF, at(10));
            assertThrows(IllegalTransitionException.class,
                    () -> agent.notReady(Set.of(VOICE), lunch, PENDING_OFF, at(20)));
        }

        @Test
        void notReadyNeedsAnActiveReasonOfTheTenant() {
            readyOn(VOICE);
            ReasonCode retired = new ReasonCode(TENANT, "OLD", "Old");
            retired.activate(false);
            ReasonCode foreign = new ReasonCode(UUID.randomUUID(), "LUNCH", "Lunch");
            for (ReasonCode bad : new ReasonCode[] {retired, foreign, null}) {
                var error = assertThrows(InvalidRequestException.class,
                        () -> agent.notReady(Set.of(VOICE), bad, PENDING_OFF, at(5)));
                assertEquals("unknown-reason-code", error.code());
            }
            assertEquals(READY, stateOf(VOICE));
        }

        @Test
        void notReadyWhileLoggedOutIsIllegal() {
            assertThrows(IllegalTransitionException.class,
                    () -> agent.notReady(Set.of(CHAT), lunch, PENDING_OFF, at(0)));
        }

        @Test
        void aChannelThatIsNotAssignedCannotBeSetAndNothingChanges() {
            Agent chatOnly = agentWith(CHAT);
            var error = assertThrows(InvalidRequestException.class, () -> chatOnly.login(Set.of(CHAT, VOICE), at(0)));
            assertEquals("channel-not-assigned", error.code());
            assertEquals(LOGGED_OUT, chatOnly.channelStates().get(CHAT), "no half-done change");
            assertFalse(chatOnly.channelStates().containsKey(VOICE), "an unassigned channel is invisible");
        }
    }

    @Nested
    class PendingNotReady {

        @Test
        void notReadyDuringWorkWithPendingEnabledWaitsForTheWorkToEnd() {
            readyOn(CHAT);
            agent.workStarted(CHAT);
            agent.notReady(Set.of(CHAT), lunch, PENDING_ON, at(10));
            assertEquals(PENDING_NOT_READY, stateOf(CHAT));

            AgentChanges changes = agent.workEnded(CHAT, at(40));
            assertEquals(NOT_READY, stateOf(CHAT));
            assertEquals("LUNCH", sessionOf(CHAT).reasonCode());
            assertEquals(at(40), sessionOf(CHAT).stateSince(), "the Not Ready clock starts when the work ends");
            assertEquals(PENDING_NOT_READY, changes.finishedIntervals().get(0).state());
        }

        @Test
        void pendingWaitsForTheLastWorkOnTheChannel() {
            readyOn(CHAT);
            agent.workStarted(CHAT);
            agent.workStarted(CHAT);
            agent.notReady(Set.of(CHAT), lunch, PENDING_ON, at(10));
            assertTrue(agent.workEnded(CHAT, at(20)).isEmpty());
            assertEquals(PENDING_NOT_READY, stateOf(CHAT));
            agent.workEnded(CHAT, at(30));
            assertEquals(NOT_READY, stateOf(CHAT));
        }

        @Test
        void notReadyDuringWorkWithPendingDisabledStartsTheClockAtOnce() {
            readyOn(CHAT);
            agent.workStarted(CHAT);
            agent.notReady(Set.of(CHAT), lunch, PENDING_OFF, at(10));
            assertEquals(NOT_READY, stateOf(CHAT));
            assertEquals(at(10), sessionOf(CHAT).stateSince());
            assertTrue(agent.workEnded(CHAT, at(40)).isEmpty());
            assertEquals(NOT_READY, stateOf(CHAT));
        }

        @Test
        void workOnAnotherChannelDoesNotMakeThisOnePending() {
            readyOn(CHAT);
            readyOn(EMAIL);
            agent.workStarted(EMAIL);
            agent.notReady(Set.of(CHAT), lunch, PENDING_ON, at(10));
            assertEquals(NOT_READY, stateOf(CHAT));
        }

        @Test
        void readyCancelsPending() {
            readyOn(CHAT);
            agent.workStarted(CHAT);
            agent.notReady(Set.of(CHAT), lunch, PENDING_ON, at(10));
            agent.ready(Set.of(CHAT), at(15));
            agent.workEnded(CHAT, at(20));
            assertEquals(READY, stateOf(CHAT));
        }

        @Test
        void workNeedsALoggedInChannelAndEndingNeedsWork() {
            assertThrows(IllegalTransitionException.class, () -> agent.workStarted(CHAT));
            readyOn(CHAT);
            var error = assertThrows(IllegalTransitionException.class, () -> agent.workEnded(CHAT, at(5)));
            assertEquals("no-active-work", error.code());
        }
    }

    @Nested
    class AfterCallWorkAndRona {

        @Test
        void afterCallWorkThenReady() {
            readyOn(VOICE);
            agent.beginAfterCallWork(VOICE, at(60));
            assertEquals(AFTER_CALL_WORK, stateOf(VOICE));
            agent.ready(Set.of(VOICE), at(90));
            assertEquals(READY, stateOf(VOICE));
        }

        @Test
        void afterCallWorkThenNotReady() {
            readyOn(VOICE);
            agent.beginAfterCallWork(VOICE, at(60));
            agent.notReady(Set.of(VOICE), lunch, PENDING_ON, at(90));
            assertEquals(NOT_READY, stateOf(VOICE));
        }

        @Test
        void afterCallWorkWhileLoggedOutOrInAcwIsIllegal() {
            assertThrows(IllegalTransitionException.class, () -> agent.beginAfterCallWork(VOICE, at(0)));
            readyOn(VOICE);
            agent.beginAfterCallWork(VOICE, at(5));
            assertThrows(IllegalTransitionException.class, () -> agent.beginAfterCallWork(VOICE, at(6)));
        }

        @Test
        void ronaOnlyFromReadyAndLeftByAStateChange() {
            agent.login(Set.of(CHAT), at(0));
            assertThrows(IllegalTransitionException.class, () -> agent.redirectOnNoAnswer(CHAT, at(1)));
            agent.ready(Set.of(CHAT), at(2));
            agent.redirectOnNoAnswer(CHAT, at(30));
            assertEquals(RONA, stateOf(CHAT));
            assertThrows(IllegalTransitionException.class, () -> agent.redirectOnNoAnswer(CHAT, at(31)));
            agent.ready(Set.of(CHAT), at(40));
            assertEquals(READY, stateOf(CHAT));
        }

        @Test
        void ronaCanGoNotReady() {
            readyOn(CHAT);
            agent.redirectOnNoAnswer(CHAT, at(30));
            agent.notReady(Set.of(CHAT), lunch, PENDING_ON, at(40));
            assertEquals(NOT_READY, stateOf(CHAT));
        }
    }

    @Nested
    class DoNotDisturbAndForwarding {

        @Test
        void dndIsOneSwitchAnnouncedOnceAndReportedInEveryEvent() {
            AgentChanges on = agent.switchDoNotDisturb(true, at(0));
            assertEquals(AgentEventType.DND_CHANGED, on.events().get(0).type());
            assertTrue(agent.doNotDisturb());
            assertTrue(agent.switchDoNotDisturb(true, at(1)).isEmpty(), "switching to the same value is no change");
            AgentChanges login = agent.login(Set.of(CHAT), at(2));
            assertTrue(login.events().get(0).doNotDisturb());
        }

        @Test
        void forwardingIsSetAndCleared() {
            agent.forwardCallsTo("2002", at(0));
            assertEquals("2002", agent.forwardingExtension());
            AgentChanges cleared = agent.clearForwarding(at(1));
            assertNull(agent.forwardingExtension());
            assertEquals(AgentEventType.FORWARDING_CHANGED, cleared.events().get(0).type());
        }

        @Test
        void forwardingTargetIsValidatedAndNotTheAgentsOwnExtension() {
            assertEquals("invalid-extension",
                    assertThrows(InvalidRequestException.class, () -> agent.forwardCallsTo("12ab", at(0))).code());
            assertEquals("invalid-extension",
                    assertThrows(InvalidRequestException.class, () -> agent.forwardCallsTo(null, at(0))).code());
            assertEquals("forwarding-to-self",
                    assertThrows(InvalidRequestException.class, () -> agent.forwardCallsTo("1001", at(0))).code());
            assertNull(agent.forwardingExtension());
        }
    }

    @Nested
    class EventsAndAssignments {

        @Test
        void everyEventTakesTheNextSequenceNumber() {
            agent.login(Set.of(), at(0));
            agent.ready(Set.of(CHAT), at(1));
            AgentChanges last = agent.switchDoNotDisturb(true, at(2));
            assertEquals(5, last.events().get(0).sequence());
            assertEquals(5, agent.eventSequence());
        }

        @Test
        void aStateEventCarriesFromToAndReason() {
            readyOn(VOICE);
            AgentEvent event = agent.notReady(Set.of(VOICE), lunch, PENDING_OFF, at(9)).events().get(0);
            assertEquals(VOICE, event.channel());
            assertEquals(READY, event.from());
            assertEquals(NOT_READY, event.to());
            assertEquals("LUNCH", event.reasonCode());
            assertEquals(TENANT, event.tenantId());
            assertEquals(at(9), event.occurredAt());
        }

        @Test
        void removingAnAssignmentNeedsTheChannelLoggedOut() {
            agent.login(Set.of(CHAT), at(0));
            var error = assertThrows(IllegalTransitionException.class,
                    () -> agent.assignChannels(EnumSet.of(VOICE), at(1)));
            assertEquals("channel-in-use", error.code());
            agent.assignChannels(EnumSet.of(VOICE, CHAT), at(2));
            assertEquals(Set.of(VOICE, CHAT), agent.channelStates().keySet());
        }

        @Test
        void invalidAgentDataIsRefused() {
            assertThrows(InvalidRequestException.class, () -> new Agent(TENANT, "a b", "A", "1001",
                    LicenceTier.STANDARD, "h", Set.of(Role.AGENT)));
            assertThrows(InvalidRequestException.class, () -> new Agent(TENANT, "ab", "A", "x",
                    LicenceTier.STANDARD, "h", Set.of(Role.AGENT)));
            assertThrows(InvalidRequestException.class, () -> new Agent(TENANT, "ab", "A", "1001",
                    LicenceTier.STANDARD, "h", Set.of()));
        }
    }

    private static Set<Channel> channelsOf(AgentChanges changes) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        changes.events().forEach(e -> channels.add(e.channel()));
        return channels;
    }
}
