package io.switchboard.collaboration.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.error.AccessDeniedException;
import io.switchboard.api.error.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Who writes in a consultation, what they may write, and that it closes once. */
class ConsultationTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private final UUID ana = UUID.randomUUID();
    private final UUID bia = UUID.randomUUID();

    private Consultation open() {
        return new Consultation(UUID.randomUUID(), UUID.randomUUID(), Channel.CHAT, "maria@example.com", ana, bia, T0);
    }

    @Test
    void itsTwoPartiesWriteAndNobodyElse() {
        Consultation consultation = open();
        assertEquals("Refund?", consultation.say(ana, "Refund?", T0).text());
        assertEquals(bia, consultation.say(bia, "Yes.", T0).authorId());
        assertThrows(AccessDeniedException.class, () -> consultation.say(UUID.randomUUID(), "hi", T0));
        assertThrows(AccessDeniedException.class, () -> consultation.close(UUID.randomUUID(), T0));
        assertEquals(List.of(ana, bia), consultation.parties());
    }

    @Test
    void messagesArePlainTextOfBoundedLength() {
        Consultation consultation = open();
        for (String bad : new String[] {null, "", "  ", "x".repeat(2_001), "nul\u0000", "bell\u0007"}) {
            assertEquals("invalid-message", code(() -> consultation.say(ana, bad, T0)), String.valueOf(bad));
        }
        consultation.say(ana, "two lines\nand a\ttab", T0);
        consultation.say(ana, "x".repeat(2_000), T0);
    }

    @Test
    void closedItTakesNothingMoreAndClosesOnce() {
        Consultation consultation = open();
        consultation.close(bia, T0.plusSeconds(5));
        assertEquals("CLOSED", consultation.state());
        assertEquals(bia, consultation.view(List.of()).closedBy());
        assertEquals("consultation-closed", code(() -> consultation.say(ana, "still there?", T0)));
        assertEquals("consultation-closed", code(() -> consultation.close(ana, T0)));
        assertEquals("consultation-closed", code(() -> consultation.closeWithInteraction(T0)));
    }

    @Test
    void onlyTheAgentWhoAskedInvitesAndOnlyTheInvitedColleagueJoins() {
        Consultation consultation = open();
        assertEquals("not-invited", code(() -> consultation.requireInvitation(bia)));
        assertThrows(AccessDeniedException.class, () -> consultation.invite(bia, T0));
        consultation.invite(ana, T0.plusSeconds(3));
        consultation.invite(ana, T0.plusSeconds(9));
        assertEquals(T0.plusSeconds(3), consultation.view(List.of()).invitedAt(), "invited once");
        assertThrows(AccessDeniedException.class, () -> consultation.requireInvitation(ana));
        consultation.requireInvitation(bia);
        consultation.close(ana, T0.plusSeconds(10));
        assertEquals("consultation-closed", code(() -> consultation.requireInvitation(bia)));
    }

    @Test
    void nobodyConsultsThemself() {
        assertEquals("consult-self", code(() -> new Consultation(UUID.randomUUID(), UUID.randomUUID(), Channel.CHAT,
                "x", ana, ana, T0)));
    }

    private static String code(Runnable call) {
        return assertThrows(DomainException.class, call::run).code();
    }
}
