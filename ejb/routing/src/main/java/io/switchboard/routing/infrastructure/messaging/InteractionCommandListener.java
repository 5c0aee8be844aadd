package io.switchboard.routing.infrastructure.messaging;

import io.switchboard.api.Channel;
import io.switchboard.api.error.DomainException;
import io.switchboard.routing.application.InteractionService;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Back-office systems create interactions by sending JSON to the queue {@code SwitchboardInteractionCommands}:
 * {@code {"tenant":"demo","channel":"email","entryPoint":"support@demo.example","customerAddress":"…",
 * "content":{…},"idempotencyKey":"…"}}. The interaction is created in a transaction of its own and the message is
 * acknowledged after it commits; a redelivered or resent message finds its idempotency key and creates nothing new.
 * A message that can never succeed (not JSON, unknown entry point) is logged and dropped rather than redelivered.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup",
                propertyValue = "java:/jms/queue/SwitchboardInteractionCommands"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InteractionCommandListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(InteractionCommandListener.class.getName());

    private final JsonProvider jsonp = JsonProvider.provider();

    @EJB
    InteractionService interactions;

    @Override
    public void onMessage(Message message) {
        try {
            JsonObject command = jsonp.createReader(new StringReader(((TextMessage) message).getText())).readObject();
            interactions.create(command.getString("tenant"), new InteractionService.NewInteraction(
                    Channel.parse(command.getString("channel")), command.getString("entryPoint"),
                    command.getString("customerAddress"), command.getJsonObject("content"),
                    command.getString("idempotencyKey")));
        } catch (DomainException e) {
            LOG.log(Level.WARNING, "Interaction command refused (" + e.code() + "): " + e.getMessage());
        } catch (JsonException | ClassCastException | NullPointerException | JMSException e) {
            LOG.log(Level.WARNING, "Interaction command is not a JSON text message with every field: " + e);
        }
    }
}
