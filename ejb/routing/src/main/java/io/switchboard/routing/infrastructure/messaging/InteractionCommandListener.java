package io.switchboard.routing.infrastructure.messaging;

import io.switchboard.api.Channel;
import io.switchboard.api.error.ConflictException;
import io.switchboard.api.error.DomainException;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.routing.application.InteractionService;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Back-office systems create interactions by sending JSON to the queue {@code SwitchboardInteractionCommands}:
 * {@code {"tenant":"demo","channel":"email","entryPoint":"support@demo.example","customerAddress":"…",
 * "content":{…},"idempotencyKey":"…"}}. The message is consumed in this listener's transaction and the interaction
 * is created in one of its own ({@link InteractionCommandHandler}); a redelivered or resent message finds its
 * idempotency key and creates nothing new. What happens to a command that fails depends on why:
 * <ul>
 *   <li>it can never succeed (not a JSON text message with every field, unknown tenant or entry point, invalid
 *   content): it goes to {@code SwitchboardInteractionCommandsDLQ} with the string properties {@code reason} (for
 *   people), {@code problemType} ({@code /problems/<code>}, as the REST API says it) and {@code originalMessageId},
 *   in the transaction that consumes it;</li>
 *   <li>anything else (the database down, a lock timeout, the same key being created right now): the transaction
 *   rolls back and the broker redelivers it after a delay, and after the last attempt moves it to the same
 *   dead-letter queue (ear/src/main/wildfly/configure.cli). It is never dropped.</li>
 * </ul>
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup",
                propertyValue = "java:/jms/queue/SwitchboardInteractionCommands"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")})
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class InteractionCommandListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(InteractionCommandListener.class.getName());

    private final JsonProvider jsonp = JsonProvider.provider();

    @EJB
    InteractionCommandHandler commands;

    @Resource
    MessageDrivenContext context;

    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/queue/SwitchboardInteractionCommandsDLQ")
    Queue deadLetters;

    @Override
    public void onMessage(Message message) {
        try {
            JsonObject command = command(message);
            commands.create(string(command, "tenant"), new InteractionService.NewInteraction(
                    Channel.parse(string(command, "channel")), string(command, "entryPoint"),
                    string(command, "customerAddress"), object(command, "content"),
                    string(command, "idempotencyKey")));
        } catch (ConflictException e) {
            // The same idempotency key is being created right now: the redelivery finds it and creates nothing.
            retryLater(message, e);
        } catch (DomainException e) {
            deadLetter(message, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            retryLater(message, e);
        }
    }

    private JsonObject command(Message message) {
        if (!(message instanceof TextMessage text)) {
            throw malformed("The command is not a JMS text message.");
        }
        try {
            String body = text.getText();
            if (body == null) {
                throw malformed("The command's text is empty.");
            }
            JsonValue json;
            try (JsonReader reader = jsonp.createReader(new StringReader(body))) {
                json = reader.readValue();
            }
            if (json.getValueType() != JsonValue.ValueType.OBJECT) {
                throw malformed("The command is JSON but not an object.");
            }
            return json.asJsonObject();
        } catch (JsonException e) {
            throw malformed("The command is not well-formed JSON: " + e.getMessage());
        } catch (JMSException e) {
            throw malformed("The command's text cannot be read: " + e);
        }
    }

    private static String string(JsonObject command, String field) {
        if (command.get(field) instanceof JsonString value) {
            return value.getString();
        }
        throw malformed("The command has no string field '" + field + "'.");
    }

    private static JsonObject object(JsonObject command, String field) {
        JsonValue value = command.get(field);
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw malformed("The command has no object field '" + field + "'.");
        }
        return value.asJsonObject();
    }

    private static InvalidRequestException malformed(String reason) {
        return new InvalidRequestException("malformed-command", reason);
    }

    /** Sends the command, with why, to the dead-letter queue, in the transaction that consumes it. */
    private void deadLetter(Message message, String code, String reason) {
        try (JMSContext jms = connectionFactory.createContext()) {
            TextMessage dead = jms.createTextMessage(message instanceof TextMessage text ? text.getText() : null);
            dead.setStringProperty("reason", reason);
            dead.setStringProperty("problemType", "/problems/" + code);
            dead.setStringProperty("originalMessageId", message.getJMSMessageID());
            jms.createProducer().send(deadLetters, dead);
            // the reason may quote the command (a customer's address): it stays with the message, out of the log
            LOG.warning(() -> "Interaction command " + messageId(message) + " refused (" + code
                    + "), moved to the dead-letter queue with its reason");
        } catch (JMSException | JMSRuntimeException e) {
            retryLater(message, e);
        }
    }

    private void retryLater(Message message, Exception cause) {
        LOG.log(Level.WARNING, "Interaction command failed; rolled back for redelivery: " + messageId(message), cause);
        context.setRollbackOnly();
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no message id)";
        }
    }
}
