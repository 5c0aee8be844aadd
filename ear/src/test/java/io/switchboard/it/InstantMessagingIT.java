package io.switchboard.it;

import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static io.switchboard.it.Api.channels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Internal IM (CH3): a message reaches the colleague's socket (and the sender's other tabs) and is stored nowhere —
 * not in any table (a whole dump of the database is searched), not in the server's log; a colleague who is offline
 * cannot be written to; bad messages, other tenants' agents and floods are refused in words.
 */
class InstantMessagingIT extends ServerTest {

    private TestAgent online() {
        TestAgent agent = fixtures.agent("chat");
        api.post(agent.path() + "/channels/login", agent.token(), channels("chat"));
        return agent;
    }

    private Api.Reply send(TestAgent from, String to, String text) {
        return api.post("/api/im/messages", from.token(),
                Json.createObjectBuilder().add("to", to).add("text", text).build().toString());
    }

    /** The next IM frame on the socket, skipping the agent's own state events. */
    private static JsonObject nextIm(EventSocket socket) {
        return socket.nextWhere(frame -> "IM".equals(frame.getString("type", null)), "IM");
    }

    @Test
    void aMessageReachesTheColleagueAndIsStoredNowhere() throws Exception {
        TestAgent ana = online();
        TestAgent bia = online();
        String marker = "im-marker-" + UUID.randomUUID();
        try (EventSocket anaSocket = EventSocket.open(api, ana.token());
             EventSocket biaSocket = EventSocket.open(api, bia.token())) {
            Thread.sleep(300);   // both sockets registered
            Api.Reply sent = send(ana, bia.id(), "Can you take the Silva case? " + marker);
            assertEquals(200, sent.status(), sent.toString());
            JsonObject received = nextIm(biaSocket);
            assertEquals("Can you take the Silva case? " + marker, received.getString("text"));
            assertEquals(ana.id(), received.getString("from"));
            assertEquals(bia.id(), received.getString("to"));
            assertEquals(sent.json().getString("messageId"), received.getString("messageId"));
            assertEquals(received.getString("messageId"), nextIm(anaSocket).getString("messageId"),
                    "the sender's other tabs show it too");
        }
        String dump = dumpOfTheDatabase();
        assertTrue(dump.contains(ana.login()), "the dump is of the right database");
        assertFalse(dump.contains(marker), "the IM is in no table, outbox included");
        Path log = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
        assertFalse(Files.readString(log, StandardCharsets.UTF_8).contains(marker), "the IM is not in the log");
    }

    @Test
    void anOfflineColleagueCannotBeWrittenToAndNothingWaitsForThem() {
        TestAgent ana = online();
        TestAgent away = fixtures.agent("chat");   // never logged in: offline
        assertTrue(send(ana, away.id(), "hello").isProblem(409, "colleague-offline"));
        TestAgent noSocket = online();              // logged in but no desktop open on any socket
        assertTrue(send(ana, noSocket.id(), "hello").isProblem(409, "colleague-offline"));
        JsonObject listed = api.get("/api/im/colleagues", ana.token()).array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("agentId").equals(away.id())).findFirst().orElseThrow();
        assertEquals("OFFLINE", listed.getString("presence"));
        assertTrue(api.get("/api/im/colleagues", ana.token()).array().getValuesAs(JsonObject.class).stream()
                .noneMatch(c -> c.getString("agentId").equals(ana.id())), "not oneself");
    }

    @Test
    void badMessagesStrangersAndFloodsAreRefusedInWords() throws Exception {
        TestAgent ana = online();
        TestAgent bia = online();
        try (EventSocket biaSocket = EventSocket.open(api, bia.token())) {
            Thread.sleep(300);
            assertTrue(send(ana, bia.id(), " ").isProblem(422, "invalid-message"));
            assertTrue(send(ana, bia.id(), "x".repeat(2001)).isProblem(422, "invalid-message"));
            assertTrue(send(ana, bia.id(), "bell \u0007").isProblem(422, "invalid-message"));
            assertTrue(send(ana, ana.id(), "me").isProblem(422, "message-to-self"));
            assertTrue(send(ana, UUID.randomUUID().toString(), "who?").isProblem(404, "colleague-not-found"));
            assertTrue(send(ana, "not-a-uuid", "x").isProblem(400, "invalid-json"));
            assertEquals(403, api.post("/api/im/messages", fixtures.integrationToken(),
                    "{\"to\":\"" + bia.id() + "\",\"text\":\"x\"}").status(), "integrations do not chat");
            int accepted = 0;
            Api.Reply refused = null;
            for (int i = 0; i < 30 && refused == null; i++) {
                Api.Reply reply = send(ana, bia.id(), "flood " + i);
                if (reply.status() == 200) {
                    accepted++;
                } else {
                    refused = reply;
                }
            }
            assertTrue(refused != null && refused.isProblem(429, "too-many-messages"), String.valueOf(refused));
            assertTrue(accepted <= 20, "at most the limit got through: " + accepted);
        }
    }

    private static String dumpOfTheDatabase() throws IOException, InterruptedException {
        String url = System.getProperty("switchboard.test.db.url");   // jdbc:postgresql://host:port/name
        var parts = java.util.regex.Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*").matcher(url);
        assertTrue(parts.matches(), url);
        ProcessBuilder dump = new ProcessBuilder("pg_dump", "--data-only", "-h", parts.group(1), "-p", parts.group(2),
                "-U", "postgres", parts.group(3)).redirectErrorStream(true);
        dump.environment().put("PGPASSWORD", "postgres");
        Process process = dump.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out.length() > 500 ? out.substring(0, 500) : out);
        return out;
    }
}
