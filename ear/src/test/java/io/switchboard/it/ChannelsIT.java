package io.switchboard.it;

import jakarta.jms.JMSContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.awaitility.Awaitility;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every channel's interaction, with its real content, created over REST and over JMS; retries create nothing new;
 * content that lacks what its channel needs, or is too large, is refused and nothing is stored (IX1, CH1, PL3).
 */
class ChannelsIT extends ServerTest {

    private static final List<String> CHANNELS = List.of("voice", "email", "chat", "facebook", "twitter", "sms",
            "workitem");

    @ArquillianResource
    ManagementClient management;

    private String admin;
    private String integration;
    private String suffix;

    @BeforeEach
    void anEntryPointPerChannel() {
        admin = fixtures.adminToken();
        integration = fixtures.integrationToken();
        suffix = UUID.randomUUID().toString().substring(0, 8);
        String queue = api.post("/api/admin/routing/queues", admin, "{\"name\":\"channels-" + suffix + "\"}")
                .json().getString("id");
        for (String channel : CHANNELS) {
            assertEquals(201, api.post("/api/admin/routing/entry-points", admin, Json.createObjectBuilder()
                    .add("channel", channel).add("address", entryPoint(channel)).add("queueId", queue).build()
                    .toString()).status());
        }
    }

    private String entryPoint(String channel) {
        return switch (channel) {
            case "voice" -> "+5511" + (30_000_000 + Math.abs(suffix.hashCode()) % 9_000_000);
            case "email" -> "help-" + suffix + "@example.com";
            case "sms" -> "+5512" + (30_000_000 + Math.abs(suffix.hashCode()) % 9_000_000);
            default -> channel + "-" + suffix;
        };
    }

    private JsonObject request(String channel, String key, JsonObject content) {
        return Json.createObjectBuilder().add("channel", channel).add("entryPoint", entryPoint(channel))
                .add("customerAddress", Contents.customer(channel)).add("content", content)
                .add("idempotencyKey", key).build();
    }

    @Test
    void everyChannelOverRestKeepsItsContentAndARetryCreatesNothing() {
        for (String channel : CHANNELS) {
            String key = channel + "-" + UUID.randomUUID();
            JsonObject content = Contents.of(channel);
            Api.Reply created = api.post("/api/integration/interactions", integration,
                    request(channel, key, content).toString());
            assertEquals(201, created.status(), channel + ": " + created);
            JsonObject stored = Json.createReader(new StringReader(created.json().getString("content"))).readObject();
            assertEquals(content, stored, channel + " content is stored as sent");
            assertEquals(channel.toUpperCase(), created.json().getString("channel"));

            Api.Reply retried = api.post("/api/integration/interactions", integration,
                    request(channel, key, content).toString());
            assertEquals(200, retried.status(), channel + ": " + retried);
            assertEquals(created.json().getString("interactionId"), retried.json().getString("interactionId"));
        }
    }

    @Test
    void everyChannelOverJmsAndAResentMessageCreatesNothing() throws Exception {
        var factory = new ActiveMQConnectionFactory(
                "tcp://127.0.0.1:8080?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor&enable1xPrefixes=true");
        List<String> keys = CHANNELS.stream().map(channel -> "jms-" + channel + "-" + UUID.randomUUID()).toList();
        try (JMSContext jms = factory.createContext(System.getProperty("switchboard.backoffice.user", "backoffice"),
                System.getProperty("switchboard.backoffice.password", "Backoffice-dev-1"))) {
            var destination = jms.createQueue("SwitchboardInteractionCommands");
            for (int i = 0; i < CHANNELS.size(); i++) {
                String command = Json.createObjectBuilder(request(CHANNELS.get(i), keys.get(i),
                        Contents.of(CHANNELS.get(i)))).add("tenant", "demo").build().toString();
                jms.createProducer().send(destination, command);
                jms.createProducer().send(destination, command);
            }
        }
        for (int i = 0; i < CHANNELS.size(); i++) {
            JsonObject found = awaitByKey(keys.get(i));
            assertEquals(CHANNELS.get(i).toUpperCase(), found.getString("channel"));
        }
        // Both copies of every message have been consumed once the queue is empty; each key made one interaction.
        awaitCommandsConsumed();
        try (Connection db = database();
             PreparedStatement count = db.prepareStatement("select count(*) from interaction where idempotency_key = ?")) {
            for (String key : keys) {
                count.setString(1, key);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    assertEquals(1, rows.getInt(1), key);
                }
            }
        }
    }

    @Test
    void contentWithoutWhatItsChannelNeedsIsRefusedAndNothingIsStored() {
        for (String channel : CHANNELS) {
            JsonObject content = Contents.of(channel);
            String required = content.keySet().iterator().next();
            String key = "bad-" + channel + "-" + UUID.randomUUID();
            JsonObject without = Json.createObjectBuilder(content).remove(required).build();
            Api.Reply refused = api.post("/api/integration/interactions", integration,
                    request(channel, key, without).toString());
            assertTrue(refused.isProblem(422, "content-invalid"), channel + ": " + refused);
            assertTrue(refused.json().getString("detail").contains(required), refused.toString());
            assertEquals(404, api.get("/api/integration/interactions?idempotencyKey=" + key, integration).status());
        }
        String key = "huge-" + UUID.randomUUID();
        Api.Reply huge = api.post("/api/integration/interactions", integration, request("email", key,
                Json.createObjectBuilder(Contents.of("email")).add("text", "x".repeat(99_000))
                        .add("html", "y".repeat(99_000)).build()).toString());
        assertTrue(huge.isProblem(422, "content-too-large"), huge.toString());
        assertEquals(404, api.get("/api/integration/interactions?idempotencyKey=" + key, integration).status());
        assertTrue(api.post("/api/integration/interactions", integration, Json.createObjectBuilder(
                request("sms", "bad-" + UUID.randomUUID(), Contents.of("sms"))).add("content", "text").build()
                .toString()).isProblem(400, "invalid-json"), "content must be an object");
    }

    private JsonObject awaitByKey(String key) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Api.Reply found;
        do {
            found = api.get("/api/integration/interactions?idempotencyKey=" + key, integration);
        } while (found.status() == 404 && Instant.now().isBefore(deadline));
        assertEquals(200, found.status(), key + ": " + found);
        return found.json();
    }

    /** Every message of the command queue consumed and its transaction committed (acknowledged). */
    private void awaitCommandsConsumed() {
        ModelNode count = Operations.createReadAttributeOperation(Operations.createAddress("subsystem",
                "messaging-activemq", "server", "default", "jms-queue", "SwitchboardInteractionCommands"),
                "message-count");
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                Operations.readResult(management.getControllerClient().execute(count)).asLong() == 0);
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(System.getProperty("switchboard.test.db.url"), "postgres", "postgres");
    }
}
