package io.switchboard.routing.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.error.AccessDeniedException;
import io.switchboard.api.error.DomainException;
import io.switchboard.api.error.IllegalTransitionException;
import io.switchboard.api.routing.InteractionCause;
import io.switchboard.api.routing.InteractionEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.switchboard.api.routing.InteractionState.ACTIVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interaction's side of a conference (CO2): who may join, write, leave, and the handover when the holder goes. */
class InteractionConferenceTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private final UUID ana = UUID.randomUUID();
    private final UUID bia = UUID.randomUUID();
    private final RoutingQueue queue = new RoutingQueue(TENANT, "Sales", 0, 20, false, List.of());

    private Interaction active(Channel channel, String content) {
        Interaction interaction = new Interaction(TENANT, queue, channel, "k", "maria@example.com", content, T0);
        interaction.offerTo(ana, T0.plusSeconds(20), T0);
        interaction.accept(ana, T0.plusSeconds(1));
        return interaction;
    }

    private Interaction chat() {
        return active(Channel.CHAT, "{}");
    }

    @Test
    void aColleagueJoinsALiveChatOrCallOnly() {
        InteractionEvent joined = chat().conferenceJoined(bia, T0.plusSeconds(5));
        assertEquals(InteractionCause.CONFERENCE_JOINED, joined.cause());
        assertEquals(bia, joined.counterpartId());
        assertEquals(ana, joined.agentId());
        assertEquals("conference-self", code(() -> chat().conferenceJoined(ana, T0)));
        Interaction email = active(Channel.EMAIL, "{\"subject\": \"s\", \"body\": \"b\"}");
        assertEquals("not-conferenceable", code(() -> email.conferenceJoined(bia, T0)));
        Interaction transferring = chat();
        transferring.requestTransfer(ana, UUID.randomUUID(), T0.plusSeconds(30), 10, T0.plusSeconds(2));
        assertEquals("transfer-pending", code(() -> transferring.conferenceJoined(bia, T0.plusSeconds(3))));
        Interaction ended = chat();
        ended.end(ana, queue, T0.plusSeconds(4));
        assertThrows(IllegalTransitionException.class, () -> ended.conferenceJoined(bia, T0.plusSeconds(5)));
    }

    @Test
    void aConversationAnAgentStartedTakesNoConference() {
        Interaction outbound = chat().startedByAgent();
        assertEquals("outbound-no-conference", code(() -> outbound.conferenceJoined(bia, T0.plusSeconds(5))));
        assertFalse(outbound.inConference());
    }

    @Test
    void inConferenceBothWriteUnderTheirNamesAndNobodyElse() {
        Interaction chat = chat();
        chat.sendChatMessage(bia, true, "Bia Souza", "Hi, Bia from billing.", T0.plusSeconds(6));
        chat.sendChatMessage(ana, false, "Ana Lima", "Bia has it.", T0.plusSeconds(7));
        assertThrows(AccessDeniedException.class,
                () -> chat.sendChatMessage(UUID.randomUUID(), false, "Someone", "hello", T0.plusSeconds(8)));
        String content = chat.content();
        assertTrue(content.contains("\"name\":\"Bia Souza\""), content);
        assertTrue(content.contains("\"name\":\"Ana Lima\""), content);
    }

    @Test
    void theHolderLeavingHandsItToTheColleagueWhoStays() {
        Interaction chat = chat();
        chat.conferenceJoined(bia, T0.plusSeconds(5));
        assertThrows(AccessDeniedException.class, () -> chat.handOverInConference(bia, ana, T0.plusSeconds(6)));
        InteractionEvent handed = chat.handOverInConference(ana, bia, T0.plusSeconds(6));
        assertEquals(InteractionCause.CONFERENCE_HANDED_OVER, handed.cause());
        assertEquals(bia, chat.agentId());
        assertEquals(ana, handed.formerAgentId());
        assertEquals(ACTIVE, chat.state());
    }

    @Test
    void aConferencedPartEndsOnceAndIsNoWrapUp() {
        Interaction chat = chat();
        Participation part = Participation.conferenced(chat, bia, T0.plusSeconds(5));
        assertEquals(Participation.Kind.CONFERENCED, part.kind());
        assertThrows(IllegalTransitionException.class, () -> part.wrapUp(null, queue, T0.plusSeconds(6)));
        assertThrows(IllegalTransitionException.class, () -> part.endOffer(T0.plusSeconds(6)));
        part.leave(T0.plusSeconds(6));
        assertFalse(part.isOpen());
        assertThrows(IllegalTransitionException.class, () -> part.leave(T0.plusSeconds(7)));
    }

    private static String code(Runnable call) {
        return assertThrows(DomainException.class, call::run).code();
    }
}
