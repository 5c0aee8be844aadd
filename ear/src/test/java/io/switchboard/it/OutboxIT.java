package io.switchboard.it;

import jakarta.jms.Message;
import jakarta.json.Json;
import org.awaitility.Awaitility;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transactional outbox publishes every event exactly once even when a JMS send fails. The broker is made to
 * refuse sends as a full broker does: the topic's address gets a one-byte limit with the FAIL policy (through the
 * management interface), and a subscriber that has not read its first message keeps the address full. While it
 * is full the relay's transaction fails and rolls back, so the event stays in the outbox; once the limit is lifted
 * it is published, once, with its event id.
 */
class OutboxIT extends ServerTest {

    @ArquillianResource
    ManagementClient management;

    @Test
    void eventsWhoseSendFailedArePublishedOnceWhenTheBrokerTakesThemAgain() throws Exception {
        String admin = fixtures.adminToken();
        String queue = api.post("/api/admin/routing/queues", admin, "{\"name\":\"outbox-" + UUID.randomUUID() + "\"}")
                .json().getString("id");
        String address = "outbox-" + UUID.randomUUID();
        api.post("/api/admin/routing/entry-points", admin, Json.createObjectBuilder().add("channel", "chat")
                .add("address", address).add("queueId", queue).build().toString());

        try (BackOfficeTopic topic = BackOfficeTopic.interactions()) {
            String first = create(address);
            // Published, and held unread by the subscriber: the address now has a message.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outboxRowsFor(first) == 0);
            limitAddress(true);
            String id;
            try {
                id = api.post("/api/integration/interactions", fixtures.integrationToken(), Json.createObjectBuilder()
                        .add("channel", "chat").add("entryPoint", address).add("customerAddress", "o@example.com")
                        .add("content", Contents.of("chat")).add("idempotencyKey", UUID.randomUUID().toString())
                        .build().toString()).json().getString("interactionId");
                String waiting = id;
                // The relay's immediate attempt and its next sweeps (every 3 s) all fail: the event stays put.
                Awaitility.await("the event waits in the outbox while sends fail").during(Duration.ofSeconds(4))
                        .atMost(Duration.ofSeconds(6)).until(() -> outboxRowsFor(waiting) == 1);
            } finally {
                limitAddress(false);
            }

            List<String> all = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 8_000;
            for (long left = 8_000; left > 0; left = deadline - System.currentTimeMillis()) {
                Message message = topic.nextMessage(left);
                if (message != null) {
                    all.add(message.getStringProperty("interactionId") + " " + message.getStringProperty("eventId"));
                }
            }
            assertEquals(1, all.stream().filter(m -> m.startsWith(first)).count(), all.toString());
            List<String> eventIds = all.stream().filter(m -> m.startsWith(id)).toList();
            assertEquals(1, eventIds.size(), "published once: " + eventIds);
            assertEquals(0, outboxRowsFor(id), "and removed from the outbox");
        }
    }

    private String create(String address) {
        return api.post("/api/integration/interactions", fixtures.integrationToken(), Json.createObjectBuilder()
                .add("channel", "chat").add("entryPoint", address).add("customerAddress", "o@example.com")
                .add("content", Contents.of("chat")).add("idempotencyKey", UUID.randomUUID().toString())
                .build().toString()).json().getString("interactionId");
    }

    /** Gives the topic's address a one-byte limit that fails sends, or lifts it. */
    private void limitAddress(boolean full) throws Exception {
        ModelNode address = Operations.createAddress("subsystem", "messaging-activemq", "server", "default",
                "address-setting", "jms.topic.SwitchboardInteractionEvents");
        ModelNode op = Operations.createOperation(full ? "add" : "remove", address);
        if (full) {
            op.get("max-size-bytes").set(1);
            op.get("address-full-policy").set("FAIL");
        }
        ModelNode result = management.getControllerClient().execute(op);
        assertTrue(Operations.isSuccessfulOutcome(result), op + ": " + result);
    }

    private static int outboxRowsFor(String interactionId) throws Exception {
        try (Connection db = DriverManager.getConnection(System.getProperty("switchboard.test.db.url"),
                "postgres", "postgres");
             PreparedStatement query = db.prepareStatement(
                     "select count(*) from outbox_message where payload like ?")) {
            query.setString(1, "%" + interactionId + "%");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
