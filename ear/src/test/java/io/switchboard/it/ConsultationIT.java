package io.switchboard.it;

import io.switchboard.it.Fixtures.Route;
import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consultations over real HTTP and WebSocket (issue 9, CO1): the agent handling a chat talks privately with a
 * colleague about it; the exchange reaches the two of them and is never in anything the customer sees (the chat's
 * content), the interaction's history or what goes to back office (the outbox). Refusals, and closing with the work.
 */
class ConsultationIT extends ServerTest {

    @Test
    void aConsultationStaysBetweenTheTwoAgentsAndNeverReachesTheCustomer() throws Exception {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent bia = fixtures.readyAgent("chat");
        TestAgent carol = fixtures.readyAgent("chat");
        Route route = fixtures.route("chat", ana);
        String chat = fixtures.workInHand(ana, route);
        String marker = "consult-" + UUID.randomUUID();
        List<String> historyBefore = Database.causes(chat);

        String consultation;
        try (EventSocket biasDesk = EventSocket.open(api, bia.token())) {
            Thread.sleep(300);
            Api.Reply opened = consult(ana, chat, bia);
            assertEquals(201, opened.status(), opened.toString());
            consultation = opened.json().getString("consultationId");
            assertEquals("OPEN", opened.json().getString("state"));
            JsonObject told = biasDesk.nextWhere(e -> "CONSULTATION".equals(e.getString("type", null)),
                    "the consultation");
            assertEquals("OPENED", told.getString("kind"));
            assertEquals(chat, told.getString("interactionId"));

            assertEquals(200, say(ana, consultation, "Is " + marker + " a refund case?").status());
            JsonObject heard = biasDesk.nextWhere(e -> "MESSAGE".equals(e.getString("kind", null)), "the message");
            assertTrue(heard.getString("text").contains(marker));
            JsonObject reply = say(bia, consultation, "Yes — " + marker + " qualifies.").json();
            assertEquals(2, reply.getJsonArray("messages").size());
        }
        api.post("/api/integration/interactions/" + chat + "/messages", fixtures.integrationToken(),
                "{\"text\": \"Are you still there?\"}");
        assertEquals(200, api.post("/api/interactions/" + chat + "/messages", ana.token(),
                "{\"text\": \"Yes, a refund is on its way.\"}").status());

        JsonObject bias = api.get("/api/consultations", bia.token()).array().getJsonObject(0);
        assertEquals(consultation, bias.getString("consultationId"));
        assertEquals(ana.id(), bias.getString("requesterId"));
        assertEquals(404, api.get("/api/consultations/" + consultation, carol.token()).status(),
                "a third agent cannot read it, nor learn it exists");
        assertEquals(403, say(carol, consultation, "hello").status(), "nor write in it");

        String content = api.get("/api/integration/interactions/" + chat, fixtures.integrationToken()).json()
                .getString("content");
        assertTrue(content.contains("a refund is on its way"), "the customer's transcript is there");
        assertFalse(content.contains(marker), "but nothing said in the consultation");
        List<String> history = Database.causes(chat);
        assertEquals(historyBefore, history.subList(0, historyBefore.size()));
        assertEquals(List.of("MESSAGE", "MESSAGE"), history.subList(historyBefore.size(), history.size()),
                "only the customer's and the agent's chat messages joined the history");
        assertEquals(0L, count("select count(*) from outbox_message where payload like ?", "%" + marker + "%"),
                "nothing of it goes to back office");
        assertEquals(2L, count("select count(*) from consultation_message where text like ?", "%" + marker + "%"),
                "kept with the consultation");

        assertEquals("CLOSED", api.post("/api/consultations/" + consultation + "/close", bia.token(), null).json()
                .getString("state"));
        assertTrue(say(ana, consultation, "one more thing").isProblem(409, "consultation-closed"));
        assertTrue(api.get("/api/consultations", ana.token()).array().isEmpty());
    }

    @Test
    void consultationsNobodyCouldHaveAreRefusedWithAReason() throws Exception {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent bia = fixtures.readyAgent("chat");
        TestAgent offline = fixtures.agent("chat");
        String chat = fixtures.workInHand(ana, fixtures.route("chat", ana));
        assertTrue(consult(ana, chat, ana).isProblem(422, "consult-self"));
        assertTrue(consult(ana, chat, offline).isProblem(409, "colleague-offline"));
        assertEquals(403, consult(bia, chat, ana).status(), "only the agent handling it consults about it");
        assertTrue(api.post("/api/interactions/" + chat + "/consultations", ana.token(),
                "{\"agentId\": \"" + UUID.randomUUID() + "\"}").isProblem(422, "unknown-colleague"));
        assertEquals(400, api.post("/api/interactions/" + chat + "/consultations", ana.token(), "{}").status());
        String consultation = consult(ana, chat, bia).json().getString("consultationId");
        assertTrue(consult(ana, chat, bia).isProblem(409, "already-consulting"));
        assertTrue(say(ana, consultation, " ").isProblem(422, "invalid-message"));
        assertTrue(say(ana, consultation, "x".repeat(2_001)).isProblem(422, "invalid-message"));
        assertTrue(say(ana, consultation, "bell\u0007").isProblem(422, "invalid-message"));
        assertEquals(404, api.get("/api/consultations/" + UUID.randomUUID(), ana.token()).status());
    }

    @Test
    void aConsultationClosesWhenTheWorkIsDoneAndTheConsultedCanTakeItOver() throws Exception {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent bia = fixtures.readyAgent("chat");
        Route route = fixtures.route("chat", ana);
        String chat = fixtures.workInHand(ana, route);
        assertEquals(201, consult(ana, chat, bia).status());
        // From the consultation, the chat is transferred to the colleague consulted.
        assertEquals(201, api.post("/api/interactions/" + chat + "/transfers", ana.token(),
                Json.createObjectBuilder().add("agentId", bia.id()).build().toString()).status());
        assertEquals(200, api.post("/api/interactions/" + chat + "/transfers/pending/accept", bia.token(), null)
                .status());
        assertEquals(1, api.get("/api/consultations", bia.token()).array().size(), "still open after the handover");
        assertEquals(200, api.post("/api/interactions/" + chat + "/end", bia.token(), null).status());
        assertEquals(200, api.post("/api/interactions/" + chat + "/done", bia.token(), "{}").status());
        assertTrue(api.get("/api/consultations", bia.token()).array().isEmpty(), "closed with the work");
        assertTrue(api.get("/api/consultations", ana.token()).array().isEmpty());
        assertEquals(200, api.post("/api/interactions/" + chat + "/done", ana.token(), "{}").status());
    }

    private Api.Reply consult(TestAgent from, String interaction, TestAgent colleague) {
        return api.post("/api/interactions/" + interaction + "/consultations", from.token(),
                Json.createObjectBuilder().add("agentId", colleague.id()).build().toString());
    }

    private Api.Reply say(TestAgent author, String consultation, String text) {
        return api.post("/api/consultations/" + consultation + "/messages", author.token(),
                Json.createObjectBuilder().add("text", text).build().toString());
    }

    private static long count(String sql, String parameter) throws SQLException {
        try (Connection db = Database.connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
