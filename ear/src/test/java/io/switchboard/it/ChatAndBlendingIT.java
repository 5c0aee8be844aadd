package io.switchboard.it;

import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.util.UUID;

import static io.switchboard.it.Api.channels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chat messages both ways, pushed to the agent (CH1, IX4); a profile's blending rule holds chats back while a call is
 * engaged and releases them when it ends; a profile needs its licence (IX3).
 */
class ChatAndBlendingIT extends ServerTest {

    private String admin;
    private String integration;
    private String queue;
    private String suffix;

    @BeforeEach
    void aQueueForVoiceAndChat() {
        admin = fixtures.adminToken();
        integration = fixtures.integrationToken();
        suffix = UUID.randomUUID().toString().substring(0, 8);
        queue = api.post("/api/admin/routing/queues", admin, "{\"name\":\"blend-" + suffix + "\"}").json()
                .getString("id");
        api.post("/api/admin/routing/entry-points", admin, Json.createObjectBuilder().add("channel", "chat")
                .add("address", "chat-" + suffix).add("queueId", queue).build().toString());
        api.post("/api/admin/routing/entry-points", admin, Json.createObjectBuilder().add("channel", "voice")
                .add("address", "+5511" + (30_000_000 + Math.abs(suffix.hashCode()) % 9_000_000))
                .add("queueId", queue).build().toString());
    }

    private String voiceNumber() {
        return "+5511" + (30_000_000 + Math.abs(suffix.hashCode()) % 9_000_000);
    }

    private TestAgent readyMember(String profile, String... channels) {
        TestAgent agent = fixtures.agent(channels);
        if (profile != null) {
            assertEquals(204, api.put("/api/admin/routing/agents/" + agent.id() + "/profile", admin,
                    "{\"profileId\":\"" + profile + "\"}").status());
        }
        assertEquals(204, api.put("/api/admin/routing/queues/" + queue + "/members", admin,
                "{\"agentIds\":[\"" + agent.id() + "\"]}").status());
        api.post(agent.path() + "/channels/login", agent.token(), channels(channels));
        api.post(agent.path() + "/channels/ready", agent.token(), channels(channels));
        return agent;
    }

    private static JsonObject content(JsonObject interaction) {
        return Json.createReader(new StringReader(interaction.getString("content"))).readObject();
    }

    @Test
    void agentAndCustomerExchangeChatMessagesAndTheAgentSeesThemLive() {
        TestAgent ana = readyMember(null, "chat");
        try (EventSocket socket = EventSocket.open(api, ana.token())) {
            String id = fixtures.interaction("chat", "chat-" + suffix).getString("interactionId");
            String path = "/api/interactions/" + id;
            assertEquals("ACTIVE", api.post(path + "/accept", ana.token(), null).json().getString("state"));

            JsonObject sent = api.post(path + "/messages", ana.token(), "{\"text\":\"Hi Maria, let me check.\"}")
                    .json();
            var transcript = content(sent).getJsonArray("messages");
            assertEquals(2, transcript.size());
            assertEquals("agent", transcript.getJsonObject(1).getString("from"));
            assertEquals("Hi Maria, let me check.", transcript.getJsonObject(1).getString("text"));

            api.post("/api/integration/interactions/" + id + "/messages", integration, "{\"text\":\"Thanks!\"}");
            JsonObject pushed;
            do {
                pushed = socket.next(Duration.ofSeconds(5));
            } while (!(pushed.containsKey("interactionId") && "ACTIVE".equals(pushed.getString("from", null))
                    && "ACTIVE".equals(pushed.getString("to"))
                    && content(api.get("/api/integration/interactions/" + id, integration).json())
                    .getJsonArray("messages").size() == 3));
            var after = content(api.get("/api/integration/interactions/" + id, integration).json())
                    .getJsonArray("messages");
            assertEquals("customer", after.getJsonObject(2).getString("from"));
            assertEquals("Thanks!", after.getJsonObject(2).getString("text"));

            TestAgent other = fixtures.agent("chat");
            assertTrue(api.post(path + "/messages", other.token(), "{\"text\":\"hi\"}").isProblem(403, "forbidden"));
            assertTrue(api.post(path + "/messages", ana.token(), "{\"text\":\"\"}").isProblem(400,
                    "validation-failed"));
            api.post(path + "/end", ana.token(), null);
            assertTrue(api.post("/api/integration/interactions/" + id + "/messages", integration,
                    "{\"text\":\"still there?\"}").isProblem(409, "chat-closed"));
            assertEquals(3, content(api.get("/api/integration/interactions/" + id, integration).json())
                    .getJsonArray("messages").size(), "refused messages change nothing");
        }
    }

    @Test
    void anEngagedCallHoldsChatsBackUntilItEnds() {
        String profile = api.post("/api/admin/routing/profiles", admin, Json.createObjectBuilder()
                .add("name", "calls-first-" + suffix)
                .add("capacity", Json.createObjectBuilder().add("voice", 1).add("chat", 2))
                .add("blending", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("whileEngagedOn", "voice").add("blocks", "chat")))
                .build().toString()).json().getString("id");
        TestAgent bia = readyMember(profile, "voice", "chat");

        JsonObject call = fixtures.interaction("voice", voiceNumber());
        assertEquals("OFFERED", call.getString("state"));
        assertEquals("QUEUED", fixtures.interaction("chat", "chat-" + suffix).getString("state"),
                "an offered call blocks chats");
        String callPath = "/api/interactions/" + call.getString("interactionId");
        api.post(callPath + "/accept", bia.token(), null);
        JsonObject chat = fixtures.interaction("chat", "chat-" + suffix);
        assertEquals("QUEUED", chat.getString("state"), "an active call blocks chats");

        api.post(callPath + "/end", bia.token(), null);
        var mine = api.get("/api/interactions", bia.token()).array().getValuesAs(JsonObject.class);
        assertEquals(2, mine.stream().filter(i -> i.getString("channel").equals("CHAT")
                && i.getString("state").equals("OFFERED")).count(), "the call ended: both chats offered: " + mine);
    }

    @Test
    void aProfileNeedsItsLicence() {
        String premium = api.post("/api/admin/routing/profiles", admin, Json.createObjectBuilder()
                .add("name", "premium-" + suffix).add("capacity", Json.createObjectBuilder().add("sms", 2))
                .add("licenceTier", "PREMIUM").add("maxOutbound", 2)
                .add("outboundChannels", Json.createArrayBuilder().add("sms")).build().toString())
                .json().getString("id");
        String login = "std-" + suffix;
        String standard = api.post("/api/admin/agents", admin, Json.createObjectBuilder().add("login", login)
                .add("displayName", "Standard " + suffix).add("extension", String.valueOf(40_000_000
                        + Math.abs(suffix.hashCode()) % 9_000_000)).add("password", "it-password-1")
                .add("licenceTier", "STANDARD").add("roles", Json.createArrayBuilder().add("agent"))
                .add("channels", Json.createArrayBuilder().add("sms")).build().toString()).json().getString("agentId");
        assertTrue(api.put("/api/admin/routing/agents/" + standard + "/profile", admin,
                "{\"profileId\":\"" + premium + "\"}").isProblem(409, "licence-insufficient"));
        TestAgent premiumAgent = fixtures.agent("sms");
        assertEquals(204, api.put("/api/admin/routing/agents/" + premiumAgent.id() + "/profile", admin,
                "{\"profileId\":\"" + premium + "\"}").status());
        assertTrue(api.post("/api/admin/routing/profiles", admin, Json.createObjectBuilder()
                .add("name", "bad-" + suffix).add("capacity", Json.createObjectBuilder().add("sms", 2))
                .add("blending", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("whileEngagedOn", "sms").add("blocks", "sms"))).build().toString())
                .isProblem(422, "invalid-blending-rule"));
        assertTrue(api.post("/api/admin/routing/profiles", admin, Json.createObjectBuilder()
                .add("name", "bad2-" + suffix).add("capacity", Json.createObjectBuilder().add("sms", 2))
                .add("licenceTier", "GOLD").build().toString()).isProblem(422, "unknown-licence-tier"));
    }
}
