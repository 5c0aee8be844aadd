package io.switchboard.it;

import jakarta.jms.JMSContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Back-office systems create interactions over JMS; a resent message creates nothing new (IX1, PL3). */
class InteractionCommandsIT extends ServerTest {

    @Test
    void anEmailSentTwiceOverJmsBecomesOneInteraction() throws Exception {
        String admin = fixtures.adminToken();
        String integration = fixtures.integrationToken();
        String queue = api.post("/api/admin/routing/queues", admin, "{\"name\":\"jms-" + UUID.randomUUID() + "\"}")
                .json().getString("id");
        String mailbox = "help-" + UUID.randomUUID() + "@example.com";
        api.post("/api/admin/routing/entry-points", admin, Json.createObjectBuilder().add("channel", "email")
                .add("address", mailbox).add("queueId", queue).build().toString());
        String key = "mail-" + UUID.randomUUID();
        String command = Json.createObjectBuilder().add("tenant", "demo").add("channel", "email")
                .add("entryPoint", mailbox).add("customerAddress", "pedro@example.com")
                .add("content", Json.createObjectBuilder().add("from", "pedro@example.com").add("to", mailbox)
                        .add("subject", "Invoice")
                        .add("text", "Where is my invoice?")
                        .add("attachments", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("name", "order.pdf").add("type", "application/pdf").add("size", 48213))))
                .add("idempotencyKey", key).build().toString();

        var factory = new ActiveMQConnectionFactory(
                "tcp://127.0.0.1:8080?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor&enable1xPrefixes=true");
        try (JMSContext jms = factory.createContext(System.getProperty("switchboard.backoffice.user", "backoffice"),
                System.getProperty("switchboard.backoffice.password", "Backoffice-dev-1"))) {
            var destination = jms.createQueue("SwitchboardInteractionCommands");
            jms.createProducer().send(destination, command);
            jms.createProducer().send(destination, command);
            jms.createProducer().send(destination, "this is not json");
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Api.Reply found;
        do {
            found = api.get("/api/integration/interactions?idempotencyKey=" + key, integration);
        } while (found.status() == 404 && Instant.now().isBefore(deadline));
        assertEquals(200, found.status(), found.toString());
        JsonObject interaction = found.json();
        assertEquals("EMAIL", interaction.getString("channel"));
        assertTrue(interaction.getString("content").contains("order.pdf"));

        // The resent copy is consumed too — not redelivered for ever, not dead-lettered — and answered by the key.
        Instant drained = Instant.now().plus(Duration.ofSeconds(20));
        while (carries("SwitchboardInteractionCommands", key) && Instant.now().isBefore(drained)) {
            Thread.sleep(100);
        }
        assertFalse(carries("SwitchboardInteractionCommands", key), "both copies were consumed");
        assertFalse(carries("SwitchboardInteractionCommandsDLQ", key), "the resent copy is no failure");
        Api.Reply again = api.post("/api/integration/interactions", integration, command.replace(
                "\"tenant\":\"demo\",", ""));
        assertEquals(200, again.status(), "the key is known: " + again);
        assertEquals(interaction.getString("interactionId"), again.json().getString("interactionId"));
    }

    /** Whether a queue still holds a message whose text names the key (browsed, not consumed). */
    private static boolean carries(String queue, String key) throws Exception {
        var factory = new ActiveMQConnectionFactory(
                "tcp://127.0.0.1:8080?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor&enable1xPrefixes=true");
        try (JMSContext jms = factory.createContext(System.getProperty("switchboard.backoffice.user", "backoffice"),
                System.getProperty("switchboard.backoffice.password", "Backoffice-dev-1"))) {
            var messages = jms.createBrowser(jms.createQueue(queue)).getEnumeration();
            while (messages.hasMoreElements()) {
                if (messages.nextElement() instanceof jakarta.jms.TextMessage text && text.getText().contains(key)) {
                    return true;
                }
            }
            return false;
        }
    }
}
