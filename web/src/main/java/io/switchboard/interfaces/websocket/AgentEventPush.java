package io.switchboard.interfaces.websocket;

import io.switchboard.api.agentstate.AgentEvent;
import io.switchboard.api.agentstate.AgentEvents;
import io.switchboard.api.json.EventJson;
import io.switchboard.api.routing.InteractionEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes each committed agent and interaction event to the sockets that must see it. Runs after commit only, so a rolled-back change
 * is never shown. Sends on one session are serialised, so each socket receives its events in commit order.
 */
@ApplicationScoped
public class AgentEventPush {

    private static final Logger LOG = Logger.getLogger(AgentEventPush.class.getName());

    @Inject
    AgentEventSessions sessions;

    @Inject
    EventJson json;

    void push(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentEvents committed) {
        committed.events().forEach(this::push);
    }

    /** Offers and every later step reach the agent concerned (and supervisors), in order, after commit. */
    void push(@Observes(during = TransactionPhase.AFTER_SUCCESS) InteractionEvents committed) {
        committed.events().forEach(event -> push(event.tenantId(), event.agentId(), json.toJson(event)));
    }

    private void push(AgentEvent event) {
        push(event.tenantId(), event.agentId(), json.toJson(event));
    }

    private void push(UUID tenantId, UUID agentId, String frame) {
        for (Session session : sessions.recipientsOf(tenantId, agentId)) {
            send(session, frame);
        }
    }

    private static void send(Session session, String frame) {
        synchronized (session) {
            if (!session.isOpen()) {
                return;
            }
            try {
                session.getBasicRemote().sendText(frame);
            } catch (IOException | IllegalStateException e) {
                // The client went away mid-send; its close callback unregisters it, and it resyncs on reconnect.
                LOG.log(Level.FINE, "Dropping event for closed socket " + session.getId(), e);
            }
        }
    }
}
