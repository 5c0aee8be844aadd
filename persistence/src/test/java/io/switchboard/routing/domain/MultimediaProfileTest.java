package io.switchboard.routing.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.agentstate.LicenceTier;
import io.switchboard.api.error.IllegalTransitionException;
import io.switchboard.api.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.switchboard.api.Channel.CHAT;
import static io.switchboard.api.Channel.EMAIL;
import static io.switchboard.api.Channel.SMS;
import static io.switchboard.api.Channel.VOICE;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultimediaProfileTest {

    private static final UUID TENANT = UUID.randomUUID();

    /** 1 call, 2 chats, 3 emails; an engaged call blocks new chats. */
    private final MultimediaProfile blended = new MultimediaProfile(TENANT, "Blended",
            Map.of(VOICE, 1, CHAT, 2, EMAIL, 3), Set.of(new MultimediaProfile.Blocking(VOICE, CHAT)),
            LicenceTier.PREMIUM, 2, Set.of(SMS, EMAIL));

    private static Workload holding(Map<Channel, Integer> held, Set<Channel> engaged) {
        return new Workload(held, engaged);
    }

    @Test
    void capacityIsPerChannelAndCountsEverythingHeld() {
        assertTrue(blended.admits(CHAT, Workload.NONE));
        assertTrue(blended.admits(CHAT, holding(Map.of(CHAT, 1), Set.of(CHAT))));
        assertFalse(blended.admits(CHAT, holding(Map.of(CHAT, 2), Set.of(CHAT))), "two chats fill it");
        assertFalse(blended.admits(CHAT, holding(Map.of(CHAT, 2), Set.of())), "wrap-up still counts");
        assertTrue(blended.admits(EMAIL, holding(Map.of(CHAT, 2, EMAIL, 2), Set.of(CHAT, EMAIL))));
        assertFalse(blended.admits(SMS, Workload.NONE), "a channel the profile does not name allows none");
    }

    @Test
    void anEngagedCallBlocksNewChatsButNotTheOtherWayRound() {
        Workload onACall = holding(Map.of(VOICE, 1), Set.of(VOICE));
        assertFalse(blended.admits(CHAT, onACall));
        assertTrue(blended.admits(EMAIL, onACall), "the rule names chat only");
        assertTrue(blended.admits(CHAT, holding(Map.of(VOICE, 1), Set.of())),
                "a call in After-Call-Work is no longer engaged");
        assertTrue(blended.admits(VOICE, holding(Map.of(CHAT, 2), Set.of(CHAT))));
        assertEquals(Set.of(EMAIL), blended.admitted(Set.of(CHAT, EMAIL, VOICE), onACall));
        assertTrue(blended.blocksWhileEngagedOn(VOICE));
        assertFalse(blended.blocksWhileEngagedOn(CHAT), "ending a chat frees nothing by blending");
    }

    @Test
    void pickingUpFromAWorkbinNeedsRoomOnlyNotABlendingClearance() {
        assertTrue(blended.hasRoomFor(CHAT, holding(Map.of(VOICE, 1), Set.of(VOICE))));
        assertFalse(blended.hasRoomFor(EMAIL, holding(Map.of(EMAIL, 3), Set.of())));
    }

    @Test
    void withoutAProfileAnAgentHoldsOneOfEachChannel() {
        MultimediaProfile none = MultimediaProfile.oneOfEach(TENANT);
        for (Channel channel : Channel.values()) {
            assertTrue(none.admits(channel, Workload.NONE));
            assertFalse(none.admits(channel, holding(Map.of(channel, 1), Set.of(channel))));
        }
    }

    @Test
    void theProfileNeedsItsLicence() {
        IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                () -> blended.requireLicence(LicenceTier.STANDARD));
        assertEquals("licence-insufficient", refused.code());
        assertDoesNotThrow(() -> blended.requireLicence(LicenceTier.PREMIUM));
        assertDoesNotThrow(() -> MultimediaProfile.oneOfEach(TENANT).requireLicence(LicenceTier.STANDARD));
    }

    @Test
    void rulesAreChecked() {
        assertThrows(InvalidRequestException.class, () -> new MultimediaProfile.Blocking(CHAT, CHAT));
        assertThrows(InvalidRequestException.class, () -> new MultimediaProfile(TENANT, "x", Map.of(CHAT, 51)));
        assertThrows(InvalidRequestException.class, () -> new MultimediaProfile(TENANT, "x", Map.of(CHAT, 1),
                Set.of(), LicenceTier.STANDARD, 3, Set.of()), "outbound allowed but on no channel");
        assertThrows(InvalidRequestException.class, () -> new MultimediaProfile(TENANT, "x", Map.of(CHAT, 1),
                Set.of(), LicenceTier.STANDARD, 51, Set.of(SMS)));
        assertEquals(Set.of(SMS, EMAIL), blended.outboundChannels());
        assertEquals(2, blended.maxOutbound());
        assertEquals(Set.of(new MultimediaProfile.Blocking(VOICE, CHAT)), blended.blending());
    }

    @Test
    void outboundIsAllowedOnTheProfilesChannelsUpToItsMaximum() {
        MultimediaProfile profile = new MultimediaProfile(java.util.UUID.randomUUID(), "Outbound",
                java.util.Map.of(io.switchboard.api.Channel.SMS, 2), java.util.Set.of(),
                io.switchboard.api.agentstate.LicenceTier.PREMIUM, 2, java.util.Set.of(io.switchboard.api.Channel.SMS));
        profile.requireOutbound(io.switchboard.api.Channel.SMS, 1);
        org.junit.jupiter.api.Assertions.assertEquals("outbound-limit-reached", org.junit.jupiter.api.Assertions
                .assertThrows(io.switchboard.api.error.IllegalTransitionException.class,
                        () -> profile.requireOutbound(io.switchboard.api.Channel.SMS, 2)).code());
        org.junit.jupiter.api.Assertions.assertEquals("outbound-not-in-profile", org.junit.jupiter.api.Assertions
                .assertThrows(io.switchboard.api.error.IllegalTransitionException.class,
                        () -> profile.requireOutbound(io.switchboard.api.Channel.EMAIL, 0)).code());
        org.junit.jupiter.api.Assertions.assertEquals("outbound-not-in-profile", org.junit.jupiter.api.Assertions
                .assertThrows(io.switchboard.api.error.IllegalTransitionException.class,
                        () -> MultimediaProfile.oneOfEach(null).requireOutbound(io.switchboard.api.Channel.SMS, 0))
                .code(), "the default profile starts nothing");
    }
}
