package io.switchboard.it;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JMS command that can never succeed is not retried and not lost: it lands on the dead-letter queue
 * {@code SwitchboardInteractionCommandsDLQ} with why (properties {@code reason} and {@code problemType}), and
 * creates nothing.
 */
class InteractionCommandDeadLettersIT extends ServerTest {

    private static final String BROKER =
            "tcp://127.0.0.1:8080?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor&enable1xPrefixes=true";

    @Test
    void aCommandThatIsNotJsonIsDeadLetteredWithItsReason() throws JMSException {
        String key = "broken-" + UUID.randomUUID();
        String text = "{\"tenant\":\"demo\",\"idempotencyKey\":\"" + key + "\",\"channel\":";

        DeadLetter dead = sendAndAwaitDeadLetter(text);

        assertEquals("/problems/malformed-command", dead.problemType(), dead.toString());
        assertFalse(dead.reason() == null || dead.reason().isBlank(), "says why: " + dead);
        assertEquals(text, dead.text(), "the command as it was sent, to fix and resend");
        assertEquals(404, api.get("/api/integration/interactions?idempotencyKey=" + key,
                fixtures.integrationToken()).status(), "nothing created");
    }

    @Test
    void aCommandForAnUnknownEntryPointIsDeadLetteredWithItsReason() throws JMSException {
        String key = "nowhere-" + UUID.randomUUID();
        String command = Json.createObjectBuilder().add("tenant", "demo").add("channel", "email")
                .add("entryPoint", "nobody-" + UUID.randomUUID() + "@example.com")
                .add("customerAddress", "pedro@example.com").add("content", Contents.of("email"))
                .add("idempotencyKey", key).build().toString();

        DeadLetter dead = sendAndAwaitDeadLetter(command);

        assertEquals("/problems/unknown-entry-point", dead.problemType(), dead.toString());
        assertFalse(dead.reason() == null || dead.reason().isBlank(), "says why: " + dead);
        assertEquals(404, api.get("/api/integration/interactions?idempotencyKey=" + key,
                fixtures.integrationToken()).status(), "nothing created");
    }

    @Test
    void aRefusedCommandLeavesNoCustomerAddressInTheServerLog() throws Exception {
        String customer = "scrub-" + UUID.randomUUID() + "@example.com";
        String entryPoint = "scrub-entry-" + UUID.randomUUID() + "@example.com";
        String command = Json.createObjectBuilder().add("tenant", "demo").add("channel", "email")
                .add("entryPoint", entryPoint).add("customerAddress", customer)
                .add("content", Contents.of("email")).add("idempotencyKey", UUID.randomUUID().toString())
                .build().toString();

        DeadLetter dead = sendAndAwaitDeadLetter(command);

        assertTrue(dead.reason().contains(entryPoint), "the reason, kept with the message, names it: " + dead);
        java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("jboss.home"), "standalone", "log",
                "server.log");
        String written = java.nio.file.Files.readString(log, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(written.contains("moved to the dead-letter queue"), "the refusal itself is logged");
        assertFalse(written.contains(customer) || written.contains(entryPoint), "no address in " + log);
    }

    private record DeadLetter(String text, String reason, String problemType) {
    }

    /** Sends the command as a back-office system does and reads its copy off the dead-letter queue. */
    private static DeadLetter sendAndAwaitDeadLetter(String command) throws JMSException {
        var factory = new ActiveMQConnectionFactory(BROKER);
        try (JMSContext jms = factory.createContext(System.getProperty("switchboard.backoffice.user", "backoffice"),
                System.getProperty("switchboard.backoffice.password", "Backoffice-dev-1"))) {
            TextMessage sent = jms.createTextMessage(command);
            jms.createProducer().send(jms.createQueue("SwitchboardInteractionCommands"), sent);
            // Other tests dead-letter commands too: take only this one's.
            try (JMSConsumer deadLetters = jms.createConsumer(jms.createQueue("SwitchboardInteractionCommandsDLQ"),
                    "originalMessageId = '" + sent.getJMSMessageID() + "'")) {
                Message dead = deadLetters.receive(20_000);
                assertNotNull(dead, "the command reached the dead-letter queue within 20 s");
                return new DeadLetter(((TextMessage) dead).getText(), dead.getStringProperty("reason"),
                        dead.getStringProperty("problemType"));
            }
        }
    }
}
