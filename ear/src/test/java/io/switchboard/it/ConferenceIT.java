package io.switchboard.it;

import io.switchboard.it.Fixtures.Route;
import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conferences over real HTTP and WebSocket (issue 9, CO2): invited from a consultation, a colleague joins a chat;
 * both write to the customer, who sees each agent's name; it takes a chat slot of each of them; a colleague leaves;
 * the holder leaving hands the chat to the colleague who stays; the holder ending it ends it for everyone.
 */
class ConferenceIT extends ServerTest {

    @Test
    void aColleagueJoinsAChatBothWriteToTheCustomerUnderTheirNamesAndLeave() throws Exception {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent bia = fixtures.readyAgent("chat");
        Route route = fixtures.route("chat", ana);
        String chat = fixtures.workInHand(ana, route);
        String consultation = consult(ana, chat, bia);
        assertTrue(api.post("/api/consultations/" + consultation + "/join", bia.token(), null)
                .isProblem(409, "not-invited"), "joining waits for the invitation");
        assertEquals(403, api.post("/api/consultations/" + consultation + "/invite", bia.token(), null).status(),
                "only the agent handling it invites");
        assertEquals(200, api.post("/api/consultations/" + consultation + "/invite", ana.token(), null).status());

        try (EventSocket biasDesk = EventSocket.open(api, bia.token());
             EventSocket anasDesk = EventSocket.open(api, ana.token())) {
            Thread.sleep(300);
            assertEquals(200, api.post("/api/consultations/" + consultation + "/join", bia.token(), null).status());
            JsonObject joined = anasDesk.nextWhere(e -> "CONFERENCE_JOINED".equals(e.getString("cause", null)),
                    "the join");
            assertEquals(bia.id(), joined.getString("counterpartId"));
            assertEquals(1, activeWork(bia), "the conference takes a chat slot of hers");
            assertEquals(1, activeWork(ana));

            JsonObject biasView = mine(bia).get(0);
            assertEquals("CONFERENCED", biasView.getString("part"));
            assertEquals("ACTIVE", biasView.getString("state"));
            assertEquals(List.of(bia.id()), ids(mine(ana).get(0), "conference"));

            assertEquals(200, write(bia, chat, "Hi, I am Bia from billing.").status());
            assertEquals(200, write(ana, chat, "Bia will sort out the refund.").status());
            api.post("/api/integration/interactions/" + chat + "/messages", fixtures.integrationToken(),
                    "{\"text\": \"Thank you both!\"}");
            biasDesk.nextWhere(e -> "MESSAGE".equals(e.getString("cause", null))
                    && ids(e, "conference").contains(bia.id()), "the customer's message, on her desk too");
        }
        JsonObject content = Json.createReader(new java.io.StringReader(api.get("/api/integration/interactions/"
                + chat, fixtures.integrationToken()).json().getString("content"))).readObject();
        List<JsonObject> lines = content.getJsonArray("messages").getValuesAs(JsonObject.class);
        JsonObject biasLine = lines.stream().filter(l -> l.getString("text").startsWith("Hi, I am Bia"))
                .findFirst().orElseThrow();
        assertEquals("Test " + bia.login(), biasLine.getString("name"), "the customer sees who wrote");
        JsonObject anasLine = lines.stream().filter(l -> l.getString("text").startsWith("Bia will"))
                .findFirst().orElseThrow();
        assertEquals("Test " + ana.login(), anasLine.getString("name"));

        // A third agent cannot write into it.
        TestAgent carol = fixtures.readyAgent("chat");
        assertEquals(403, write(carol, chat, "hello").status());
        assertTrue(api.post("/api/interactions/" + chat + "/transfers", ana.token(),
                Json.createObjectBuilder().add("agentId", carol.id()).build().toString())
                .isProblem(409, "conference-in-progress"));

        // Bia leaves; Ana keeps the chat.
        assertEquals(204, api.post("/api/interactions/" + chat + "/conference/leave", bia.token(), null).status());
        assertEquals(0, activeWork(bia));
        assertTrue(mine(bia).isEmpty());
        assertTrue(api.post("/api/interactions/" + chat + "/conference/leave", ana.token(), null)
                .isProblem(409, "not-in-conference"), "alone, the holder ends it instead");
        assertTrue(Database.causes(chat).containsAll(List.of("CONFERENCE_JOINED", "CONFERENCE_LEFT")));
    }

    @Test
    void theHolderLeavingHandsTheChatToTheColleagueAndEndingItEndsItForEveryone() throws Exception {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent bia = fixtures.readyAgent("chat");
        TestAgent dan = fixtures.readyAgent("chat");
        Route route = fixtures.route("chat", ana);
        String chat = fixtures.workInHand(ana, route);
        join(ana, chat, bia);
        assertEquals(204, api.post("/api/interactions/" + chat + "/conference/leave", ana.token(), null).status());
        JsonObject now = api.get("/api/integration/interactions/" + chat, fixtures.integrationToken()).json();
        assertEquals(bia.id(), now.getString("agentId"), "the colleague who stays holds it");
        assertEquals("HANDED_OVER", mine(ana).get(0).getString("part"), "the former holder wraps up");
        assertEquals(0, activeWork(ana));
        assertEquals(1, activeWork(bia));
        assertEquals(200, api.post("/api/interactions/" + chat + "/done", ana.token(), "{}").status());

        join(bia, chat, dan);
        assertEquals(200, api.post("/api/interactions/" + chat + "/end", bia.token(), null).status());
        assertEquals(0, activeWork(dan), "ended for everyone in it");
        assertTrue(mine(dan).isEmpty());
        assertEquals(200, api.post("/api/interactions/" + chat + "/done", bia.token(), "{}").status());
        assertEquals(0L, Long.parseLong(scalarOpenParts(chat)));
    }

    @Test
    void anEndThatFindsAColleagueBusyChangesNothingAndCanBeRetried() throws Exception {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent bia = fixtures.readyAgent("chat");
        String chat = fixtures.workInHand(ana, fixtures.route("chat", ana));
        join(ana, chat, bia);
        try (var db = Database.connect()) {
            db.setAutoCommit(false);
            try (var hold = db.prepareStatement("select id from agent where id = cast(? as uuid) for update")) {
                hold.setString(1, bia.id());
                hold.executeQuery();   // Bia's row busy, as while one of her own commands runs
            }
            assertTrue(api.post("/api/interactions/" + chat + "/end", ana.token(), null)
                    .isProblem(409, "interaction-busy"), "never waited for while holding the chat");
            db.rollback();
        }
        assertEquals("ACTIVE", api.get("/api/integration/interactions/" + chat, fixtures.integrationToken()).json()
                .getString("state"), "nothing half-done");
        assertEquals(1, activeWork(bia));
        assertEquals(200, api.post("/api/interactions/" + chat + "/end", ana.token(), null).status());
        assertEquals(0, activeWork(bia));
    }

    @Test
    void theCustomerLeavingEndsTheConferenceAndOnlyLiveChannelsTakeOne() throws Exception {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent bia = fixtures.readyAgent("chat");
        String chat = fixtures.workInHand(ana, fixtures.route("chat", ana));
        join(ana, chat, bia);
        assertEquals(200, api.post("/api/integration/interactions/" + chat + "/customer-left",
                fixtures.integrationToken(), null).status());
        assertEquals(0, activeWork(bia));
        assertTrue(mine(bia).isEmpty());

        TestAgent eve = fixtures.readyAgent("email");
        TestAgent fay = fixtures.readyAgent("email");
        String email = fixtures.workInHand(eve, fixtures.route("email", eve));
        String consultation = consult(eve, email, fay);
        api.post("/api/consultations/" + consultation + "/invite", eve.token(), null);
        assertTrue(api.post("/api/consultations/" + consultation + "/join", fay.token(), null)
                .isProblem(422, "not-conferenceable"));
    }

    @Test
    void anInvitationFromSomeoneWhoNoLongerHoldsTheChatLetsNobodyIn() throws Exception {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent bia = fixtures.readyAgent("chat");
        TestAgent cid = fixtures.readyAgent("chat");
        String chat = fixtures.workInHand(ana, fixtures.route("chat", ana));
        String consultation = consult(ana, chat, bia);
        assertEquals(200, api.post("/api/consultations/" + consultation + "/invite", ana.token(), null).status());
        assertEquals(201, api.post("/api/interactions/" + chat + "/transfers", ana.token(),
                Json.createObjectBuilder().add("agentId", cid.id()).build().toString()).status());
        assertEquals(200, api.post("/api/interactions/" + chat + "/transfers/pending/accept", cid.token(), null)
                .status());
        assertTrue(api.post("/api/consultations/" + consultation + "/join", bia.token(), null)
                .isProblem(409, "invitation-outdated"), "Cid never invited her into his chat");
        assertTrue(api.post("/api/consultations/" + consultation + "/invite", ana.token(), null)
                .isProblem(409, "invitation-outdated"));
        assertEquals(0, activeWork(bia));
    }

    @Test
    void aFullColleagueCannotJoin() throws Exception {
        TestAgent ana = fixtures.readyAgent("chat");
        TestAgent bia = fixtures.readyAgent("chat");
        Route route = fixtures.route("chat", ana, bia);
        String anas = fixtures.workInHand(ana, route);
        String consultation = consult(ana, anas, bia);
        api.post("/api/consultations/" + consultation + "/invite", ana.token(), null);
        fixtures.workInHand(bia, route);
        assertTrue(api.post("/api/consultations/" + consultation + "/join", bia.token(), null)
                .isProblem(409, "colleague-unavailable"), "her one chat slot is taken");
        assertEquals(1, activeWork(bia));
    }

    private void join(TestAgent holder, String chat, TestAgent colleague) {
        String consultation = consult(holder, chat, colleague);
        assertEquals(200, api.post("/api/consultations/" + consultation + "/invite", holder.token(), null).status());
        Api.Reply joined = api.post("/api/consultations/" + consultation + "/join", colleague.token(), null);
        assertEquals(200, joined.status(), joined.toString());
    }

    private String consult(TestAgent holder, String interaction, TestAgent colleague) {
        Api.Reply opened = api.post("/api/interactions/" + interaction + "/consultations", holder.token(),
                Json.createObjectBuilder().add("agentId", colleague.id()).build().toString());
        assertEquals(201, opened.status(), opened.toString());
        return opened.json().getString("consultationId");
    }

    private Api.Reply write(TestAgent agent, String chat, String text) {
        return api.post("/api/interactions/" + chat + "/messages", agent.token(),
                Json.createObjectBuilder().add("text", text).build().toString());
    }

    private List<JsonObject> mine(TestAgent agent) {
        return api.get("/api/interactions", agent.token()).array().getValuesAs(JsonObject.class);
    }

    private int activeWork(TestAgent agent) {
        JsonObject state = api.get(agent.path(), agent.token()).json();
        return state.getJsonArray("channels").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("channel").equals("CHAT") || c.getString("channel").equals("EMAIL"))
                .mapToInt(c -> c.getInt("activeWork")).sum();
    }

    private static List<String> ids(JsonObject object, String field) {
        return object.containsKey(field) ? object.getJsonArray(field).getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList() : List.of();
    }

    private static String scalarOpenParts(String interaction) throws Exception {
        try (var db = Database.connect(); var query = db.prepareStatement("select count(*) from "
                + "interaction_participation where interaction_id = cast(? as uuid) and ended_at is null "
                + "and kind = 'CONFERENCED'")) {
            query.setString(1, interaction);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
